#pragma once
#include "core/store/attendee_repository.hpp"
#include "core/store/event_repository.hpp"
#include "core/store/exhibitor_repository.hpp"
#include "core/store/key_repository.hpp"
#include "core/store/lead_export_repository.hpp"
#include "core/store/lead_repository.hpp"
#include "core/store/mail_outbox_repository.hpp"
#include "core/store/meeting_repository.hpp"
#include "core/store/scan_log_repository.hpp"
#include "meetscan/scanner/expected.hpp"

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <memory>

namespace meetscan::core {

// One station's event database and its repositories. Owned by one thread: SQLiteCpp's
// Database is not to be shared (STYLE.md); another thread opens its own Store.
class Store {
public:
    static Expected<std::unique_ptr<Store>> open(const std::filesystem::path& path);

    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    SQLite::Database& database() { return *m_db; }

    EventRepository& events() { return m_events; }
    AttendeeRepository& attendees() { return m_attendees; }
    ExhibitorRepository& exhibitors() { return m_exhibitors; }
    ScanLogRepository& scans() { return m_scans; }
    MeetingRepository& meetings() { return m_meetings; }
    LeadRepository& leads() { return m_leads; }
    KeyRepository& keys() { return m_keys; }
    MailOutboxRepository& mailOutbox() { return m_mailOutbox; }
    LeadExportRepository& leadExports() { return m_leadExports; }

private:
    Store(std::filesystem::path path, std::unique_ptr<SQLite::Database> db);

    std::filesystem::path m_path;
    std::unique_ptr<SQLite::Database> m_db;
    EventRepository m_events;
    AttendeeRepository m_attendees;
    ExhibitorRepository m_exhibitors;
    ScanLogRepository m_scans;
    MeetingRepository m_meetings;
    LeadRepository m_leads;
    KeyRepository m_keys;
    MailOutboxRepository m_mailOutbox;
    LeadExportRepository m_leadExports;
};

} // namespace meetscan::core
