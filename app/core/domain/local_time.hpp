#pragma once
// The one home for "this moment as the event's people read it": every human-facing output
// (summary.pdf, the receipt, connections.csv, lead lists) formats its times here, in the
// event's time zone (the event setting `time_zone`, an IANA name; empty: the machine's zone).
//
// Zones are read from the system's tzdata (TZif files, RFC 8536, under /usr/share/zoneinfo or
// $TZDIR), including the POSIX rule at a file's end for years after its last transition.
// Why not the alternatives: libstdc++ 12 has no std::chrono::tzdb (GCC 14 does); glibc's
// localtime_r follows the process-wide TZ, which cannot be switched per call without racing every
// other thread; ICU carries its own, older copy of the zone rules (ICU 72: 2022e, which still
// puts Mexico City on summer time). A TimeZone is immutable once loaded: share it between
// threads freely.
//
// Errors: loading a zone returns an Expected (BadInput: not a zone name, or no such zone);
// converting and formatting never fail.
#include "core/domain/ulid.hpp"
#include "meetscan/scanner/expected.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace meetscan::core {

struct ZoneRules; // local_time.cpp

class TimeZone {
public:
    TimeZone(); // UTC

    // An IANA name such as "Europe/Berlin", looked up in the system's tzdata.
    [[nodiscard]] static Expected<TimeZone> named(std::string_view ianaName);
    // The machine's zone, as the C library reads it: $TZ (a zone name or a POSIX rule such as
    // "CET-1CEST,M3.5.0,M10.5.0/3"), else /etc/localtime, else UTC.
    [[nodiscard]] static TimeZone machine();
    // The event setting: empty for the machine's zone, else an IANA name.
    [[nodiscard]] static Expected<TimeZone> forSetting(std::string_view setting);
    // forSetting, or UTC (which every output then names) for a setting that no longer loads:
    // tzdata removed, or a database merged in from a machine that knows newer zones. Callers
    // that can warn call forSetting first.
    [[nodiscard]] static TimeZone forSettingOrUtc(std::string_view setting);

    // What a reader is told the times are in: the IANA name when known, else "UTC" or "local time".
    [[nodiscard]] const std::string& label() const { return m_label; }
    // Seconds east of UTC at `at`.
    [[nodiscard]] int offsetSeconds(TimeMs at) const;

private:
    TimeZone(std::shared_ptr<const ZoneRules> rules, std::string label);

    std::shared_ptr<const ZoneRules> m_rules; // null: UTC
    std::string m_label;
};

// Checks the shape of a zone name before any file is opened: "Area/Location" style, letters,
// digits, '_', '-', '+' and '/', no empty, "." or ".." part.
[[nodiscard]] bool isZoneNameShape(std::string_view name);

struct LocalDateTime {
    int year = 1970;
    unsigned month = 1, day = 1, hour = 0, minute = 0, second = 0, millisecond = 0;
    int offsetSeconds = 0; // east of UTC
};

[[nodiscard]] LocalDateTime toLocal(TimeMs at, const TimeZone& zone);

enum class LocalFormat {
    Minute,           // 2026-03-14 10:05            (for pages that say the zone once)
    MinuteWithOffset, // 2026-03-14 10:05 +01:00     (a CSV cell a CRM reads unambiguously)
    Iso,              // 2026-03-14T10:05:41+01:00   (RFC 3339, for machine readers)
    Date,             // 2026-03-14
};

[[nodiscard]] std::string formatLocal(TimeMs at, const TimeZone& zone, LocalFormat format);

} // namespace meetscan::core
