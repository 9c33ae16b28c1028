#pragma once
#include "core/domain/ulid.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace meetscan::core {

// What the station decided about one badge shown. Stored in the append-only scan log and
// printed by `meetscan scan --json`.
enum class Outcome {
    FirstBadge,       // Meet: waiting for the second badge
    Connected,        // Meet: a new connection
    AlreadyConnected, // Meet: the pair met before; the meeting is counted again
    SameBadge,        // Meet: the same badge twice
    StaffSignedIn,    // Booth: a staff member of this exhibitor signed in
    LeadCaptured,     // Booth: a new lead
    LeadReopened,     // Booth: the visitor's lead exists and was opened again
    SummaryShown,     // Summary: the attendee's connections were shown
    NoConsent,        // refused: the attendee does not want to be scanned by exhibitors
    UnknownBadge,     // read fine but not on the roster
    BadSignature,     // forged or altered signed badge
    Malformed,        // not a badge at all
    NotConfigured,    // the station cannot decide (e.g. Booth mode without an exhibitor)
};

[[nodiscard]] std::string_view toString(Outcome outcome);
[[nodiscard]] std::optional<Outcome> parseOutcome(std::string_view text);
// True for outcomes that record something for the attendee (a meeting, a lead, a sign-in, a summary).
[[nodiscard]] bool isAccepted(Outcome outcome);

struct ScanRecord {
    std::string id;
    std::string stationId;
    TimeMs at = 0;
    std::string mode;
    std::string rawText;
    std::string format; // symbology, e.g. QRCode; "keyboard" for a USB wedge scanner
    std::string kind;   // badge kind: meetscan, pretix, vcard, ...
    std::string attendeeId;
    Outcome outcome = Outcome::Malformed;
    std::string detail; // human-readable reason
};

} // namespace meetscan::core
