#pragma once
#include "core/export/lead_columns.hpp"
#include "meetscan/scanner/expected.hpp"

#include <filesystem>

namespace meetscan::core {

// One worksheet "Leads": a bold header row with an autofilter, panes frozen under it, column
// widths from the content. Cells are typed: text is a string cell, written as it is (a string
// cell never runs as a formula, so it needs no guard quote, unlike a CSV cell: a phone number
// "+44 20 7946 0958" or an id keeps its exact text), and a time is a real date-time cell in the
// event's zone, which the column's header names.
Status writeLeadListXlsx(const LeadTable& table, const std::filesystem::path& path);

} // namespace meetscan::core
