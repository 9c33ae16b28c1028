#include "core/export/lead_list_csv.hpp"

#include "core/export/atomic_file.hpp"
#include "core/export/csv_writer.hpp"

namespace meetscan::core {

std::string leadListCsv(const LeadTable& table, char delimiter) {
    CsvWriter csv(delimiter);
    csv.row(table.header);
    std::vector<std::string> cells;
    for (const auto& row : table.rows) {
        cells.clear();
        for (const auto& cell : row)
            cells.push_back(cell.text); // a time's text carries its UTC offset
        csv.row(cells);
    }
    return csv.take();
}

Status writeLeadListCsv(const LeadTable& table, const std::filesystem::path& path, char delimiter) {
    return writeFileAtomically(path, leadListCsv(table, delimiter));
}

} // namespace meetscan::core
