#pragma once
// The record of every lead list the admin panel wrote onto a USB stick (store migration 11), so
// the panel can say how many leads are new since the last export. Errors: recording returns a
// Status (World when SQLite fails); reading never fails short of a broken database (throws, as
// the other repositories).
#include "core/domain/ulid.hpp"
#include "meetscan/scanner/expected.hpp"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <string>
#include <vector>

namespace meetscan::core {

struct LeadExportEntry {
    std::int64_t id = 0;
    std::string exhibitorId;
    std::string destination;           // the folder the files were written into
    std::vector<std::string> files;    // their names
    std::vector<std::string> contents; // the attendee ids the list carried
    TimeMs exportedAt = 0;
};

class LeadExportRepository {
public:
    explicit LeadExportRepository(SQLite::Database& db) : m_db(db) {}

    // One exhibitor's exports, oldest first.
    [[nodiscard]] std::vector<LeadExportEntry> entriesFor(const std::string& exhibitorId) const;
    Status record(const LeadExportEntry& entry);

private:
    SQLite::Database& m_db;
};

} // namespace meetscan::core
