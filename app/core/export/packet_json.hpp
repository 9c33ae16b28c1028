#pragma once
// packet.json: the packet as data, for a mail merge or a CRM. Schema: PACKET_SCHEMA.md.
#include "core/export/packet_data.hpp"

#include <string>

namespace meetscan::core {

constexpr int kPacketSchemaVersion = 1;

[[nodiscard]] std::string packetJson(const Packet& packet);

} // namespace meetscan::core
