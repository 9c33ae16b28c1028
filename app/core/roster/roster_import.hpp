#pragma once
// Turns a registration system's attendee export (CSV text) into roster rows, checking every row:
// nothing reaches the database unless the whole file is right (or the organiser chose to skip
// the bad rows, each of which is then reported).
#include "core/domain/attendee.hpp"
#include "core/roster/roster_layout.hpp"
#include "meetscan/scanner/expected.hpp"

#include <array>
#include <cstddef>
#include <functional>
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
    // --consent-default: what an attendee's consent is where the export does not say (no column,
    // or an empty cell); unset: yes in an empty cell, and the CLI refuses an export with no
    // consent_exhibitors column at all.
    std::optional<bool> consentDefault;
    // --buyer-contact: a pretix order's e-mail and phone fill an attendee's empty ones. Off by
    // default: the buyer is often someone else (an assistant, a company's booking office), and
    // these details go to exhibitors.
    bool buyerContact = false;
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

inline constexpr std::size_t kAttendeeIdBytes = 17; // "A" and 16 base32 letters: attendeeIdForCode

// Where a good row's record starts in the export, so that a later pass can read it again alone.
struct RosterRowPlace {
    std::size_t offset = 0;
    std::size_t line = 1;
    // The row's attendee id: the order to write in, and what a later pass need not hash again.
    std::array<char, kAttendeeIdBytes> id{};
};

// Orders the places by the rows' attendee ids (bytes compared as SQLite compares text): the
// store's B-tree then grows by appends instead of splitting pages all over.
void sortByAttendeeId(std::vector<RosterRowPlace>& places);

// What a pass over the export found, without the rows themselves.
struct RosterScanResult {
    RosterPreset preset = RosterPreset::Generic;
    char delimiter = ',';
    std::size_t rows = 0; // good rows, each handed to the row callback
    int cancelled = 0;
    std::vector<RosterProblem> skipped;
    std::vector<RosterRowPlace> places; // of the good rows, in the order they were handed over
};

// Called once per good row, in file order. The attendee is reused from row to row (nothing is
// allocated per row once its strings have grown), so it is only valid during the call. An error
// stops the pass and is what scanRoster returns.
using RosterRowSink = std::function<Status(const Attendee&)>;

// yes/no/true/false/1/0/y/n/x/on/off (and ja/nein, oui/non, si/no), any case; empty means
// `fallback`. nullopt: not a consent value.
[[nodiscard]] std::optional<bool> parseConsent(std::string_view text, bool fallback);

// NUL, the other C0 controls and DEL: never part of a name, a company or a code.
[[nodiscard]] bool isControlByte(char c);

// Whether a status column's value means the ticket no longer counts: cancelled/canceled,
// refunded, deleted, transferred, expired, not attending (any case, any system's spelling).
[[nodiscard]] bool isCancelledStatus(std::string_view status);

// Reads the whole export. `file` names it in messages. Errors are bad input with the message
// "FILE:LINE:COLUMN: reason" (or "FILE: reason" for the file as a whole).
[[nodiscard]] Expected<RosterParseResult> parseRoster(std::string_view content, const std::string& file,
                                                      const RosterImportOptions& options);

// The same reading and checking as parseRoster, streamed: a 100,000-row export is checked, and
// then imported, without ever holding 100,000 attendees in memory.
[[nodiscard]] Expected<RosterScanResult> scanRoster(std::string_view content, const std::string& file,
                                                    const RosterImportOptions& options, const RosterRowSink& row);

// Reads again just the rows at `places` (found by scanRoster over the same text with the same
// options), in the order given: a second pass may then write them in the order the store
// prefers. Returns how many rows were handed over.
[[nodiscard]] Expected<std::size_t> readRosterRows(std::string_view content, const std::string& file,
                                                   const RosterImportOptions& options,
                                                   const std::vector<RosterRowPlace>& places,
                                                   const RosterRowSink& row);

} // namespace meetscan::core
