#pragma once
#include "core/export/lead_columns.hpp"
#include "meetscan/scanner/expected.hpp"

#include <filesystem>
#include <string>

namespace meetscan::core {

// RFC 4180, UTF-8 with a BOM, CRLF, `delimiter` `,` or `;`; cells neutralised (csv_writer.hpp).
[[nodiscard]] std::string leadListCsv(const LeadTable& table, char delimiter);
Status writeLeadListCsv(const LeadTable& table, const std::filesystem::path& path, char delimiter);

} // namespace meetscan::core
