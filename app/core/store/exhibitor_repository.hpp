#pragma once
#include "core/domain/exhibitor.hpp"
#include "core/store/attendee_repository.hpp"

#include <SQLiteCpp/Database.h>

#include <optional>
#include <vector>

namespace meetscan::core {

class ExhibitorRepository {
public:
    explicit ExhibitorRepository(SQLite::Database& db) : m_db(db) {}

    // All or nothing; exhibitors are matched by id and updated in place.
    Expected<ImportCounts> importAll(const std::vector<Exhibitor>& exhibitors);
    [[nodiscard]] std::vector<Exhibitor> all() const;
    [[nodiscard]] std::optional<Exhibitor> byId(const std::string& id) const;

private:
    SQLite::Database& m_db;
};

} // namespace meetscan::core
