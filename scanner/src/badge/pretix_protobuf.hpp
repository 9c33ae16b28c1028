#pragma once
// The pretix_sig1 Ticket message (pretix/base/secretgenerators/pretix_sig1.proto), read and
// written by hand: six scalar fields do not justify a protobuf dependency.
//   string seed = 1; int64 item = 2; int64 variation = 3; int64 subevent = 4;
//   optional int64 validFromUnixTime = 5; optional int64 validUntilUnixTime = 6;
#include "meetscan/scanner/badge_reading.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace meetscan::scanner::detail {

// nullopt when the bytes are not a well-formed message (truncated varint, length past the end,
// wrong wire type for a known field, invalid UTF-8 seed). Unknown fields are skipped, as
// protobuf does.
std::optional<PretixTicket> decodePretixTicket(std::string_view bytes);

std::string encodePretixTicket(const PretixTicket& ticket);

} // namespace meetscan::scanner::detail
