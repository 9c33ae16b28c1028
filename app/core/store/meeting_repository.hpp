#pragma once
#include "core/domain/lead.hpp"

#include <SQLiteCpp/Database.h>

#include <vector>

namespace meetscan::core {

class MeetingRepository {
public:
    explicit MeetingRepository(SQLite::Database& db) : m_db(db) {}

    void add(const Meeting& meeting); // the pair is ordered here
    [[nodiscard]] bool connected(const std::string& a, const std::string& b) const;
    [[nodiscard]] std::vector<Connection> connectionsOf(const std::string& attendeeId) const;
    // Every meeting the attendee was in, oldest first (ties broken by id, so the order is stable).
    [[nodiscard]] std::vector<Meeting> meetingsOf(const std::string& attendeeId) const;
    [[nodiscard]] int meetingCount() const;
    [[nodiscard]] int connectionCount() const;

private:
    SQLite::Database& m_db;
};

} // namespace meetscan::core
