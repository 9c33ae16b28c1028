#pragma once
// connections.csv: the people met, one row each, for a spreadsheet (csv_writer.hpp rules).
#include "core/export/packet_data.hpp"

#include <string>

namespace meetscan::core {

[[nodiscard]] std::string connectionsCsv(const Packet& packet);

} // namespace meetscan::core
