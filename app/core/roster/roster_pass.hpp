#pragma once
// Internal to the roster import: what its passes over an export share (scanRoster and
// readRosterRows in roster_import.cpp, checkRoster in roster_check.cpp). The definitions stay in
// roster_import.cpp, beside the record pass that runs them once per row.
#include "core/roster/csv_reader.hpp"
#include "core/roster/roster_import.hpp"

#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace meetscan::core::detail {

// Reads one record's fields through the layout, checking lengths as it goes.
class RowReader {
public:
    RowReader(const CsvRecord& record, const RosterLayout& layout, const std::vector<std::string>& headers)
        : m_record(record), m_layout(layout), m_headers(headers) {}

    struct Value {
        std::string_view text;
        std::size_t column = 0; // 1-based; 0 when the export has no such column
    };

    // The first non-empty value among the field's columns.
    [[nodiscard]] Value get(RosterField field) const {
        const auto& columns = m_layout.of(field);
        for (std::size_t column : columns) {
            std::string_view text = trimBlanks(m_record.fields[column]);
            if (!text.empty())
                return {text, column + 1};
        }
        return {{}, columns.empty() ? 0 : columns.front() + 1};
    }

    [[nodiscard]] std::string header(std::size_t column) const {
        return column == 0 ? std::string{} : m_headers[column - 1];
    }
    [[nodiscard]] std::size_t lineOf(std::size_t column) const {
        return column == 0 ? m_record.line : m_record.fieldLines[column - 1];
    }

private:
    const CsvRecord& m_record;
    const RosterLayout& m_layout;
    const std::vector<std::string>& m_headers;
};

struct RowProblem {
    std::size_t line;
    std::size_t column;
    std::string reason;
};

class RowConverter {
public:
    RowConverter(const RosterLayout& layout, const std::vector<std::string>& headers,
                 std::string_view content, bool consentFallback)
        : m_layout(layout), m_headers(headers), m_content(content), m_consentFallback(consentFallback) {}

    // Fills `attendee` from the record, or says what is wrong with it.
    std::optional<RowProblem> convert(const CsvRecord& record, Attendee& attendee);

    void reserve(std::size_t rows) {
        if (m_checkCodesAcrossRows)
            m_codeLines.reserve(rows);
    }
    // A second pass over rows already checked together need not build the code table again, nor
    // hash the codes into ids again: the first pass kept them with the rows' places.
    void skipCodesAcrossRows() {
        m_checkCodesAcrossRows = false;
        m_deriveIds = false;
    }
    // A pass that only checks the rows and derives their ids: nothing but the codes is copied.
    // Without further codes a badge code is a row's id (its hash), so repeats are found by sorting
    // the ids afterwards (findRepeatedCodes, roster_check.cpp) instead of in a table of every code;
    // with them, one person's further code may be another's badge code, which only the table sees.
    void checkOnly() {
        m_copyFields = false;
        m_checkCodesAcrossRows = m_layout.has(RosterField::OtherCodes);
    }
    [[nodiscard]] bool checksCodesAcrossRows() const { return m_checkCodesAcrossRows; }

private:
    // A view of `code` that outlives the row: the file text itself when the code is written there
    // (nearly always), else a copy kept here (a quoted code with "" escapes lives in a scratch buffer).
    std::string_view stableView(std::string_view code);

    // A single name column: the last word is taken as the family name ("Ada Lovelace"); the
    // display name, first + " " + last, is the text as written either way.
    static void splitName(const std::string& fullName, Attendee& attendee);

    // Further codes are separated by | or white space; the badge code itself and repeats are dropped.
    // `views` gets each kept code as a view of `text`.
    static void splitCodes(std::string_view text, Attendee& attendee, std::vector<std::string_view>& views);

    const RosterLayout& m_layout;
    const std::vector<std::string>& m_headers;
    std::string_view m_content;
    bool m_consentFallback = true; // an empty consent cell, or no consent column
    std::unordered_map<std::string_view, std::size_t> m_codeLines;
    bool m_checkCodesAcrossRows = true;
    bool m_deriveIds = true;
    bool m_copyFields = true;
    std::deque<std::string> m_ownedCodes;
    std::vector<std::string_view> m_codeViews; // this row's codes, reused from row to row
    std::string m_otherCodes;                  // reused from row to row
    std::string m_fullName;                    // reused from row to row
};

// The reader positioned after the header row, and how the columns map to fields.
struct OpenedRoster {
    CsvReader reader;
    std::vector<std::string> headers;
    RosterLayout layout;
};

[[nodiscard]] RosterProblem csvProblem(const std::string& file, const CsvError& error);

[[nodiscard]] Expected<OpenedRoster> openRoster(std::string_view content, const std::string& file,
                                                const RosterImportOptions& options);

// The pass shared by scanRoster and checkRoster: reads the records from where `reader` is up to
// the first one at or after offset `until`, hands each good row to `row` (when given) and notes
// its place in `result`. Returns why it stopped early.
[[nodiscard]] std::optional<Error> scanRows(const OpenedRoster& opened, CsvReader& reader,
                                            const std::string& file, const RosterImportOptions& options,
                                            RowConverter& converter, const RosterRowSink* row,
                                            RosterScanResult& result,
                                            std::size_t until = std::string_view::npos);

[[nodiscard]] std::size_t lineBreaks(std::string_view content);

} // namespace meetscan::core::detail
