#pragma once
#include "core/domain/event.hpp"
#include "core/domain/exhibitor.hpp"
#include "core/domain/lead.hpp"
#include "core/domain/scan_record.hpp"
#include "core/session/attendee_summary.hpp"
#include "core/session/badge_resolver.hpp"
#include "core/store/store.hpp"

#include <optional>
#include <string>

namespace meetscan::core {

// A badge as the scanner (or a USB keyboard-wedge scanner) delivered it.
struct ScanInput {
    std::string text;
    std::string format; // QRCode, PDF417, ..., or "keyboard"
};

// A person as a result screen shows them: no contact details.
struct PersonCard {
    std::string id;
    std::string name;
    std::string company;
    std::string title;
};

// The station's answer to one badge, after it is durably recorded (or failed to be).
struct Decision {
    ScanRecord record;
    bool saved = false;
    std::string error; // why it could not be saved (disk full, ...); the screen shows it
    Outcome outcome = Outcome::Malformed;
    Verdict verdict = Verdict::Malformed;
    std::string message;                    // one short sentence for the screen
    std::optional<PersonCard> person;       // who was scanned
    std::optional<PersonCard> partner;      // Meet: the person scanned first
    std::optional<Lead> lead;               // Booth: the visitor's lead, open for editing
    std::optional<AttendeeSummary> summary; // Summary mode
};

// Meet mode: the first badge waiting for its partner.
struct PendingPair {
    PersonCard first;
    std::string scanId;
    TimeMs expiresAt = 0;
};

// The rules of the three kiosk modes (DESIGN.md, "Kiosk modes"). Single-threaded: the kiosk runs
// it on its session worker, `meetscan scan` on its main thread. Every decision is written in one
// transaction (scan log + meeting or lead) before it is returned with saved = true.
class ScanSession {
public:
    explicit ScanSession(Store& store);

    Decision onScan(const ScanInput& input, TimeMs now);

    // Meet: drops a first badge whose window ran out; returns true when that happened.
    bool expire(TimeMs now);
    [[nodiscard]] const std::optional<PendingPair>& pending() const { return m_pending; }

    // Booth.
    [[nodiscard]] const std::optional<PersonCard>& staff() const { return m_staff; }
    void signOutStaff() { m_staff.reset(); }
    Status saveLead(const Lead& edited, TimeMs now);

    // The station's configuration, re-read after a mode change.
    [[nodiscard]] const Event& event() const { return m_event; }
    [[nodiscard]] const Station& station() const { return m_station; }
    [[nodiscard]] const std::optional<Exhibitor>& exhibitor() const { return m_exhibitor; }
    Status changeStation(const Station& station);
    // Runs this session in another mode without saving it as the station's mode (`scan --mode`).
    void useMode(Mode mode) { m_station.mode = mode; }
    void reload();

private:
    Decision decideMeet(Decision decision, const Resolution& resolution, TimeMs now);
    Decision decideBooth(Decision decision, const Resolution& resolution, TimeMs now);
    Decision decideSummary(Decision decision, const Resolution& resolution);

    Store& m_store;
    BadgeResolver m_resolver;
    Event m_event;
    Station m_station;
    std::optional<Exhibitor> m_exhibitor;
    std::optional<PendingPair> m_pending;
    std::optional<PersonCard> m_staff;
};

[[nodiscard]] PersonCard personCard(const Attendee& attendee);

} // namespace meetscan::core
