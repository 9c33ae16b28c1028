#pragma once
#include "core/domain/attendee.hpp"
#include "core/domain/event.hpp"
#include "core/store/store.hpp"
#include "meetscan/scanner/badge_reading.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace meetscan::core {

// The verdict of `meetscan badge inspect` and of every scan: the badge reading (scanner) checked
// against this event's roster and consent rules.
enum class Verdict { Ok, Unknown, Forged, Malformed, NoConsent };
[[nodiscard]] std::string_view toString(Verdict verdict);

struct Resolution {
    scanner::BadgeReading reading;
    Verdict verdict = Verdict::Malformed;
    std::string reason;
    std::optional<Attendee> attendee;
    bool walkIn = false; // a self-contained contact (vCard, MECARD, ...) that is not on the roster
};

// Reads badge text with the event's trusted keys and URL patterns, then finds the attendee.
class BadgeResolver {
public:
    explicit BadgeResolver(Store& store);

    // Picks up keys and settings changed since construction.
    void reload();

    // `mode` decides consent: at a booth, people who said no to exhibitor scans are refused,
    // except the booth's own staff (`exhibitorId`). With `addWalkIns`, a
    // contact badge that is not on the roster is added as a walk-in; without it (badge inspect),
    // nothing is written.
    Resolution resolve(std::string_view text, Mode mode, const std::string& exhibitorId, bool addWalkIns);

private:
    std::optional<Attendee> findAttendee(const scanner::BadgeReading& reading) const;

    Store& m_store;
    scanner::ReaderConfig m_config;
};

} // namespace meetscan::core
