#include "core/sync/event_download.hpp"

#include "core/store/database.hpp"
#include "core/sync/server_schema.hpp"
#include "core/sync/sync_pull.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace meetscan::core {

Expected<std::unique_ptr<Store>> downloadEvent(const std::string& server, const std::filesystem::path& path) {
    if (std::filesystem::exists(path))
        return Error::badInput(fmt::format("{} already exists", path.string()));
    auto connection = PgConnection::connect(server);
    if (!connection)
        return connection.error();
    try {
        if (auto schema = requireServerSchema(*connection); !schema)
            return schema.error();
        {
            auto db = openDatabase(path);
            if (!db)
                return db.error();
            pullChanges(*connection, **db, PullScope::WholeEvent, 5000);
            // The event the server was started with is the one exported.
            (*db)->exec("INSERT OR REPLACE INTO meta (key, value) SELECT 'event_id', id FROM event "
                        "ORDER BY created_at, id LIMIT 1");
            (*db)->exec("DELETE FROM sync_outbox"); // a snapshot, never pushed anywhere
        }
        return Store::open(path);
    } catch (const PgError& e) {
        return Error::world(fmt::format("server: {}", e.what()));
    } catch (const SQLite::Exception& e) {
        return Error::world(fmt::format("cannot write {}: {}", path.string(), e.what()));
    }
}

Expected<std::unique_ptr<DownloadedEvent>> DownloadedEvent::fetch(const std::string& server) {
    std::string pattern = (std::filesystem::temp_directory_path() / "meetscan-export-XXXXXX").string();
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (mkdtemp(buffer.data()) == nullptr)
        return Error::world(fmt::format("cannot create a temporary folder in {}",
                                        std::filesystem::temp_directory_path().string()));
    const std::filesystem::path folder(buffer.data());
    auto store = downloadEvent(server, folder / "event.db");
    if (!store) {
        std::error_code ignored;
        std::filesystem::remove_all(folder, ignored);
        return store.error();
    }
    return std::unique_ptr<DownloadedEvent>(new DownloadedEvent(folder, std::move(store).value()));
}

DownloadedEvent::DownloadedEvent(std::filesystem::path folder, std::unique_ptr<Store> store)
    : m_folder(std::move(folder)), m_store(std::move(store)) {}

DownloadedEvent::~DownloadedEvent() {
    m_store.reset(); // close the database before its folder goes
    std::error_code ignored;
    std::filesystem::remove_all(m_folder, ignored);
}

} // namespace meetscan::core
