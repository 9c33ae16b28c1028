#pragma once
#include <chrono>
#include <cstdint>
#include <string>

namespace meetscan::core {

// Milliseconds since the Unix epoch, UTC: how every time is stored.
using TimeMs = std::int64_t;
[[nodiscard]] TimeMs nowMs();
// ISO 8601 UTC with milliseconds, e.g. 2026-11-22T09:30:00.123Z.
[[nodiscard]] std::string formatIsoTime(TimeMs at);

// A ULID: 48-bit time + 80 random bits, Crockford base32, 26 characters. Sorts by creation time
// and is unique across stations, so databases of several kiosks merge without conflict.
[[nodiscard]] std::string newUlid(TimeMs at = nowMs());

} // namespace meetscan::core
