#include "core/store/store.hpp"

#include "core/store/database.hpp"
#include "core/store/private_scratch.hpp"

#include <fmt/format.h>

namespace meetscan::core {

Store::Store(std::filesystem::path path, std::unique_ptr<SQLite::Database> db)
    : m_path(std::move(path)), m_db(std::move(db)), m_events(*m_db), m_attendees(*m_db), m_exhibitors(*m_db),
      m_scans(*m_db), m_meetings(*m_db), m_leads(*m_db), m_keys(*m_db), m_mailOutbox(*m_db),
      m_leadExports(*m_db) {}

Expected<std::unique_ptr<Store>> Store::open(const std::filesystem::path& path) {
    sweepLeftOverScratch(path);
    auto db = openDatabase(path);
    if (!db)
        return db.error();
    std::unique_ptr<Store> store(new Store(path, std::move(db).value()));
    try {
        if (auto defaults = store->events().ensureDefaults(); !defaults)
            return defaults.error();
    } catch (const SQLite::Exception& e) {
        return Error::world(fmt::format("cannot initialise {}: {}", path.string(), e.what()));
    }
    return store;
}

} // namespace meetscan::core
