#pragma once
#include "core/export/lead_columns.hpp"
#include "meetscan/scanner/expected.hpp"

#include <filesystem>

namespace meetscan::core {

// One worksheet "Leads": a bold header row with an autofilter, panes frozen under it, column
// widths from the content. Every cell is a string cell, neutralised like the CSV
// (csv_writer.hpp), so a phone number or an id keeps its leading zeros and nothing runs as a
// formula; scan times are ISO 8601 text, the same as in the CSV.
Status writeLeadListXlsx(const LeadTable& table, const std::filesystem::path& path);

} // namespace meetscan::core
