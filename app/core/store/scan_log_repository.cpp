#include "core/store/scan_log_repository.hpp"

#include <SQLiteCpp/Statement.h>

namespace meetscan::core {

namespace {

constexpr const char* kColumns = "id, station_id, at, mode, raw_text, format, kind, attendee_id, outcome, detail";

ScanRecord readRecord(SQLite::Statement& row) {
    ScanRecord r;
    r.id = row.getColumn(0).getString();
    r.stationId = row.getColumn(1).getString();
    r.at = row.getColumn(2).getInt64();
    r.mode = row.getColumn(3).getString();
    r.rawText = row.getColumn(4).getString();
    r.format = row.getColumn(5).getString();
    r.kind = row.getColumn(6).getString();
    r.attendeeId = row.getColumn(7).isNull() ? "" : row.getColumn(7).getString();
    r.outcome = parseOutcome(row.getColumn(8).getString()).value_or(Outcome::Malformed);
    r.detail = row.getColumn(9).getString();
    return r;
}

} // namespace

void ScanLogRepository::append(const ScanRecord& r) {
    SQLite::Statement insert(m_db, "INSERT INTO scan (id, station_id, at, mode, raw_text, format, kind, attendee_id, "
                                   "outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, r.id);
    insert.bind(2, r.stationId);
    insert.bind(3, r.at);
    insert.bind(4, r.mode);
    insert.bind(5, r.rawText);
    insert.bind(6, r.format);
    insert.bind(7, r.kind);
    if (r.attendeeId.empty())
        insert.bind(8);
    else
        insert.bind(8, r.attendeeId);
    insert.bind(9, std::string(toString(r.outcome)));
    insert.bind(10, r.detail);
    insert.exec();
}

std::vector<ScanRecord> ScanLogRepository::recent(int limit) const {
    SQLite::Statement query(m_db, std::string("SELECT ") + kColumns + " FROM scan ORDER BY at DESC, id DESC LIMIT ?");
    query.bind(1, limit);
    std::vector<ScanRecord> records;
    while (query.executeStep())
        records.push_back(readRecord(query));
    return records;
}

std::vector<ScanRecord> ScanLogRepository::forAttendee(const std::string& attendeeId) const {
    SQLite::Statement query(m_db, std::string("SELECT ") + kColumns + " FROM scan WHERE attendee_id = ? ORDER BY at, id");
    query.bind(1, attendeeId);
    std::vector<ScanRecord> records;
    while (query.executeStep())
        records.push_back(readRecord(query));
    return records;
}

int ScanLogRepository::count() const { return m_db.execAndGet("SELECT count(*) FROM scan").getInt(); }

std::map<std::string, int> ScanLogRepository::countsByOutcome() const {
    SQLite::Statement query(m_db, "SELECT outcome, count(*) FROM scan GROUP BY outcome");
    std::map<std::string, int> counts;
    while (query.executeStep())
        counts[query.getColumn(0).getString()] = query.getColumn(1).getInt();
    return counts;
}

std::map<std::string, int> ScanLogRepository::countsByHour(TimeMs now, int hours) const {
    SQLite::Statement query(m_db, "SELECT strftime('%Y-%m-%dT%H', at / 1000, 'unixepoch') AS hour, count(*) "
                                  "FROM scan WHERE at > ? GROUP BY hour");
    query.bind(1, now - static_cast<TimeMs>(hours) * 3600 * 1000);
    std::map<std::string, int> counts;
    while (query.executeStep())
        counts[query.getColumn(0).getString()] = query.getColumn(1).getInt();
    return counts;
}

} // namespace meetscan::core
