#pragma once
// Turns a registration system's attendee export (CSV text) into roster rows, checking every row:
// nothing reaches the database unless the whole file is right (or the organiser chose to skip
// the bad rows, each of which is then reported).
#include "core/domain/attendee.hpp"
#include "core/roster/roster_layout.hpp"
#include "meetscan/scanner/expected.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace meetscan::core {

inline constexpr std::size_t kMaxFieldBytes = 512;
inline constexpr std::size_t kMaxCodeBytes = 4096; // signed badges and pretix secrets are long

struct RosterImportOptions {
    RosterPreset preset = RosterPreset::Auto;
    std::vector<std::pair<std::string, std::string>> overrides; // --map FIELD=COLUMN
    bool skipBadRows = false;
};

// Where a row went wrong; `message()` is "FILE:LINE:COLUMN: reason".
struct RosterProblem {
    std::string file;
    std::size_t line = 0;
    std::size_t column = 0;
    std::string reason;

    [[nodiscard]] std::string message() const;
};

struct RosterParseResult {
    RosterPreset preset = RosterPreset::Generic; // the one used (detected when Auto)
    char delimiter = ',';
    std::vector<Attendee> attendees;
    int cancelled = 0;                  // refunded or cancelled rows, left out on purpose
    std::vector<RosterProblem> skipped; // bad rows left out under skipBadRows
};

// yes/no/true/false/1/0/y/n/x/on/off (and ja/nein, oui/non, si/no), any case; empty means
// `fallback`. nullopt: not a consent value.
[[nodiscard]] std::optional<bool> parseConsent(std::string_view text, bool fallback);

// Whether a status column's value means the ticket no longer counts: cancelled/canceled,
// refunded, deleted, transferred, expired, not attending (any case, any system's spelling).
[[nodiscard]] bool isCancelledStatus(std::string_view status);

// Reads the whole export. `file` names it in messages. Errors are bad input with the message
// "FILE:LINE:COLUMN: reason" (or "FILE: reason" for the file as a whole).
[[nodiscard]] Expected<RosterParseResult> parseRoster(std::string_view content, const std::string& file,
                                                      const RosterImportOptions& options);

} // namespace meetscan::core
