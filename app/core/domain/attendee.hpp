#pragma once
#include <string>
#include <vector>

namespace meetscan::core {

// One person on the roster. `id` is stable across stations: it is derived from the primary
// badge code (see attendeeIdForCode), so that rosters imported at several kiosks agree.
struct Attendee {
    std::string id;
    std::string badgeCode;               // the code printed on the badge (ticket secret, barcode, ...)
    std::vector<std::string> otherCodes; // further codes that identify the same person
    std::string firstName;
    std::string lastName;
    std::string company;
    std::string title;
    std::string email;
    std::string phone;
    std::string country;
    std::string ticketType;
    std::string role;        // attendee, exhibitor, speaker, staff, ...
    std::string exhibitorId; // set for an exhibitor's staff member
    bool consentExhibitors = true; // may be scanned by exhibitors at booths
    bool consentNetworking = true; // contact details may be shared with people they met
    bool erased = false;

    [[nodiscard]] std::string displayName() const;
};

// A stable, non-secret id for a badge code: ticket secrets must never appear in exports.
[[nodiscard]] std::string attendeeIdForCode(const std::string& badgeCode);

} // namespace meetscan::core
