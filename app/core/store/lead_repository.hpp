#pragma once
#include "core/domain/lead.hpp"

#include <SQLiteCpp/Database.h>

#include <optional>
#include <vector>

namespace meetscan::core {

class LeadRepository {
public:
    explicit LeadRepository(SQLite::Database& db) : m_db(db) {}

    struct Touched {
        Lead lead;
        bool created = false;
    };
    // A visitor scanned at a booth: opens their lead, creating it on the first scan.
    Touched touch(const std::string& exhibitorId, const std::string& attendeeId, const std::string& staffId,
                  const std::string& stationId, TimeMs at);
    // Saves the staff's edits; each changed field is also kept in lead_edit with its time and
    // station, so edits made at two stations merge field by field.
    void saveEdits(const Lead& edited, const std::string& stationId, TimeMs at);

    [[nodiscard]] std::optional<Lead> find(const std::string& exhibitorId, const std::string& attendeeId) const;
    [[nodiscard]] std::vector<Lead> forExhibitor(const std::string& exhibitorId) const;
    [[nodiscard]] std::vector<Lead> forAttendee(const std::string& attendeeId) const;
    [[nodiscard]] int count() const;

private:
    SQLite::Database& m_db;
};

} // namespace meetscan::core
