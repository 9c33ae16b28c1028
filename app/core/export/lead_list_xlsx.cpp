#include "core/export/lead_list_xlsx.hpp"

#include "core/export/atomic_file.hpp"

#include <fmt/core.h>
#include <xlsxwriter.h>

#include <algorithm>

namespace meetscan::core {

namespace {

constexpr double kMinWidth = 8.0;
constexpr double kMaxWidth = 60.0;
constexpr std::size_t kMaxCellChars = 32767; // Excel's limit for one cell
constexpr double kTimeWidth = 18.0;           // "2026-03-14 10:05"

// Code points, not bytes: a Cyrillic name is as wide as a Latin one.
double displayWidth(const std::string& text) {
    std::size_t points = 0;
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U)
            ++points;
    return static_cast<double>(points) + 2.0;
}

std::string clipped(std::string text) {
    if (text.size() <= kMaxCellChars)
        return text;
    std::size_t cut = kMaxCellChars;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U)
        --cut; // never split a UTF-8 character
    text.resize(cut);
    return text;
}

} // namespace

Status writeLeadListXlsx(const LeadTable& table, const std::filesystem::path& path) {
    const auto temporary = temporaryPathFor(path);
    lxw_workbook* workbook = workbook_new(temporary.c_str());
    if (workbook == nullptr)
        return Error::world(fmt::format("{}: cannot create the workbook", temporary.string()));
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Leads");
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    lxw_format* text = workbook_add_format(workbook);
    format_set_num_format(text, "@"); // Text: what a user types into a cell later stays text too
    lxw_format* time = workbook_add_format(workbook);
    format_set_num_format(time, "yyyy-mm-dd hh:mm");

    std::vector<double> widths(table.header.size(), kMinWidth);
    std::vector<bool> timeColumns(table.header.size(), false);
    for (std::size_t col = 0; col < table.header.size(); ++col) {
        const auto value = clipped(table.header[col]);
        widths[col] = std::max(widths[col], displayWidth(value));
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(col), value.c_str(), bold);
    }
    for (std::size_t row = 0; row < table.rows.size(); ++row) {
        const auto& cells = table.rows[row];
        const auto sheetRow = static_cast<lxw_row_t>(row + 1);
        for (std::size_t col = 0; col < cells.size() && col < widths.size(); ++col) {
            const auto sheetCol = static_cast<lxw_col_t>(col);
            if (cells[col].at) {
                // Excel's date-times carry no zone: the local time, as the header's zone gives it.
                const auto local = toLocal(*cells[col].at, table.zone);
                lxw_datetime when{local.year,
                                  static_cast<int>(local.month),
                                  static_cast<int>(local.day),
                                  static_cast<int>(local.hour),
                                  static_cast<int>(local.minute),
                                  local.second + local.millisecond / 1000.0};
                worksheet_write_datetime(sheet, sheetRow, sheetCol, &when, time);
                timeColumns[col] = true;
                widths[col] = std::max(widths[col], kTimeWidth);
                continue;
            }
            const auto value = clipped(cells[col].text);
            widths[col] = std::max(widths[col], displayWidth(value));
            if (!value.empty())
                worksheet_write_string(sheet, sheetRow, sheetCol, value.c_str(), text);
        }
    }

    for (std::size_t col = 0; col < widths.size(); ++col)
        worksheet_set_column(sheet, static_cast<lxw_col_t>(col), static_cast<lxw_col_t>(col),
                             std::min(widths[col], kMaxWidth), timeColumns[col] ? time : text);
    worksheet_freeze_panes(sheet, 1, 0);
    if (!table.header.empty())
        worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(table.rows.size()),
                             static_cast<lxw_col_t>(table.header.size() - 1));

    const lxw_error result = workbook_close(workbook);
    if (result != LXW_NO_ERROR) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        return Error::world(fmt::format("{}: cannot write the workbook: {}", path.string(), lxw_strerror(result)));
    }
    return commitTemporary(temporary, path);
}

} // namespace meetscan::core
