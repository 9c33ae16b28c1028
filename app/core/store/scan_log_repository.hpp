#pragma once
#include "core/domain/scan_record.hpp"

#include <SQLiteCpp/Database.h>

#include <map>
#include <vector>

namespace meetscan::core {

// The append-only log of every badge shown. Callers wrap append() in their own transaction when
// the scan also creates a meeting or a lead, so both are durable together.
class ScanLogRepository {
public:
    explicit ScanLogRepository(SQLite::Database& db) : m_db(db) {}

    void append(const ScanRecord& record);
    [[nodiscard]] std::vector<ScanRecord> recent(int limit) const; // newest first
    [[nodiscard]] std::vector<ScanRecord> forAttendee(const std::string& attendeeId) const;
    [[nodiscard]] int count() const;
    [[nodiscard]] std::map<std::string, int> countsByOutcome() const;
    // Scans per clock hour (UTC, "2026-11-22T09") over the last `hours` hours before `now`.
    [[nodiscard]] std::map<std::string, int> countsByHour(TimeMs now, int hours) const;

private:
    SQLite::Database& m_db;
};

} // namespace meetscan::core
