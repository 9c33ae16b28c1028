#pragma once
#include "core/domain/event.hpp"
#include "meetscan/scanner/expected.hpp"

#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>

namespace meetscan::core {

// The event and this database's own station. A database always has both once opened through
// Store: defaults are created on first use, and `meetscan init` names them.
class EventRepository {
public:
    explicit EventRepository(SQLite::Database& db) : m_db(db) {}

    [[nodiscard]] Event event() const;
    Status saveEvent(const Event& event);

    [[nodiscard]] Station station() const; // this kiosk
    Status saveStation(const Station& station);
    [[nodiscard]] std::vector<Station> allStations() const;

    // Creates the default event and station when the database is new.
    Status ensureDefaults();

    // This database's own small settings (the `meta` table): "" when the key is not set.
    [[nodiscard]] std::string metaValue(const std::string& key) const;
    void saveMetaValue(const std::string& key, const std::string& value);

private:
    SQLite::Database& m_db;
};

} // namespace meetscan::core
