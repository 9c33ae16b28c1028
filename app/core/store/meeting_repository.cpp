#include "core/store/meeting_repository.hpp"

#include <SQLiteCpp/Statement.h>

#include <utility>

namespace meetscan::core {

void MeetingRepository::add(const Meeting& meeting) {
    std::string a = meeting.attendeeA, b = meeting.attendeeB;
    std::string scanA = meeting.scanA, scanB = meeting.scanB;
    if (b < a) {
        std::swap(a, b);
        std::swap(scanA, scanB);
    }
    SQLite::Statement insert(m_db, "INSERT INTO meeting (id, station_id, at, attendee_a, attendee_b, scan_a, scan_b) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, meeting.id);
    insert.bind(2, meeting.stationId);
    insert.bind(3, meeting.at);
    insert.bind(4, a);
    insert.bind(5, b);
    insert.bind(6, scanA);
    insert.bind(7, scanB);
    insert.exec();
}

bool MeetingRepository::connected(const std::string& a, const std::string& b) const {
    SQLite::Statement query(m_db, "SELECT 1 FROM meeting WHERE attendee_a = ? AND attendee_b = ? LIMIT 1");
    query.bind(1, a < b ? a : b);
    query.bind(2, a < b ? b : a);
    return query.executeStep();
}

std::vector<Connection> MeetingRepository::connectionsOf(const std::string& attendeeId) const {
    SQLite::Statement query(m_db, "SELECT attendee_b, first_at, last_at, meetings FROM connection WHERE attendee_a = ?1 "
                                  "UNION ALL SELECT attendee_a, first_at, last_at, meetings FROM connection "
                                  "WHERE attendee_b = ?1 ORDER BY 2");
    query.bind(1, attendeeId);
    std::vector<Connection> connections;
    while (query.executeStep())
        connections.push_back({query.getColumn(0).getString(), query.getColumn(1).getInt64(),
                               query.getColumn(2).getInt64(), query.getColumn(3).getInt()});
    return connections;
}

std::vector<Meeting> MeetingRepository::meetingsOf(const std::string& attendeeId) const {
    SQLite::Statement query(m_db, "SELECT id, station_id, at, attendee_a, attendee_b, scan_a, scan_b FROM meeting "
                                  "WHERE attendee_a = ?1 UNION ALL "
                                  "SELECT id, station_id, at, attendee_a, attendee_b, scan_a, scan_b FROM meeting "
                                  "WHERE attendee_b = ?1 ORDER BY 3, 1");
    query.bind(1, attendeeId);
    std::vector<Meeting> meetings;
    while (query.executeStep())
        meetings.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                            query.getColumn(2).getInt64(), query.getColumn(3).getString(),
                            query.getColumn(4).getString(), query.getColumn(5).getString(),
                            query.getColumn(6).getString()});
    return meetings;
}

int MeetingRepository::meetingCount() const { return m_db.execAndGet("SELECT count(*) FROM meeting").getInt(); }

int MeetingRepository::connectionCount() const {
    return m_db.execAndGet("SELECT count(*) FROM connection").getInt();
}

} // namespace meetscan::core
