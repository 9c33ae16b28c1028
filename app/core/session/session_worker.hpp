#pragma once
#include "core/session/admin_lock.hpp"
#include "core/session/scan_session.hpp"
#include "core/report/event_report.hpp"
#include "core/store/stats.hpp"

#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meetscan::core {

// What the kiosk screens read once per frame (a copy; never blocks on the disk).
struct SessionSnapshot {
    Event event;
    Station station;
    std::optional<Exhibitor> exhibitor;
    std::vector<Exhibitor> exhibitors;  // every exhibitor, for the admin panel's choice
    std::optional<PendingPair> pending; // Meet
    std::optional<PersonCard> staff;    // Booth
    EventStats stats;                   // refreshed every few seconds
    StationReport report;               // this station's charts, refreshed with the stats
    std::string storeError;             // the last write failure, empty when writes work
    bool diskFull = false;              // ... and it was the disk (or file-size limit) being full
    int queued = 0;                     // scans waiting to be written
    bool hasAdminPin = false; // without one nothing opens the admin panel
};

// Whether a failed write failed for want of space, so the screen can tell staff what to do:
// SQLITE_FULL, or an I/O error while the database's filesystem is (nearly) out of space or one
// of its files has reached the process's file-size limit (RLIMIT_FSIZE gives EFBIG, which SQLite
// reports as a plain I/O error). `error` is the failure's message.
[[nodiscard]] bool isDiskFull(const std::filesystem::path& databasePath, std::string_view error);

// Runs the ScanSession and its own Store on a worker thread (std::jthread), so the UI thread
// never waits on the disk: the UI submits scans and edits and drains decisions each frame.
class SessionWorker {
public:
    static Expected<std::unique_ptr<SessionWorker>> start(const std::filesystem::path& databasePath);
    ~SessionWorker(); // finishes queued work, then stops and joins
    SessionWorker(const SessionWorker&) = delete;
    SessionWorker& operator=(const SessionWorker&) = delete;

    void submitScan(ScanInput input);
    void submitLeadEdit(Lead edited);
    void submitStaffSignOut();
    void submitStation(Station station); // admin: mode, name, exhibitor
    std::future<AdminLock::Answer> checkAdminPin(std::string pin);
    // A new kiosk's first PIN (core::setAdminPin): ready once stored, or refused.
    std::future<Status> setAdminPin(std::string pin);

    [[nodiscard]] std::vector<Decision> takeDecisions();
    [[nodiscard]] SessionSnapshot snapshot() const;
    // Meet: true once after a pending first badge expired (for the "window expired" screen).
    [[nodiscard]] bool takeExpired();

    struct Impl;

private:
    explicit SessionWorker(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace meetscan::core
