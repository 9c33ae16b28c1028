#include "core/sync/event_download.hpp"

#include "core/store/database.hpp"
#include "core/sync/event_schema.hpp"
#include "core/sync/sync_pull.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <string>
#include <vector>

namespace meetscan::core {

Expected<std::unique_ptr<Store>> downloadEvent(const std::string& server, const std::string& eventId,
                                               const std::filesystem::path& path) {
    auto schema = eventSchemaName(eventId);
    if (!schema)
        return schema.error();
    if (std::filesystem::exists(path))
        return Error::badInput(fmt::format("{} already exists", path.string()));
    auto connection = PgConnection::connect(server);
    if (!connection)
        return connection.error();
    if (auto ready = requireEventSchema(*connection, eventId); !ready)
        return ready.error();
    try {
        {
            auto db = openDatabase(path);
            if (!db)
                return db.error();
            auto events = connection->exec(
                fmt::format("SELECT id, name, settings, created_at FROM {}.event WHERE id = $1", *schema), {eventId});
            if (events.empty())
                return Error::badInput(fmt::format("the server holds no event {} yet: let the office sync first", eventId));
            SQLite::Statement event(**db, "INSERT INTO event (id, name, settings, created_at) VALUES (?, ?, ?, ?)");
            for (int c = 0; c < 4; ++c)
                event.bind(c + 1, events[0][static_cast<std::size_t>(c)].value_or(""));
            event.exec();
            (*db)->exec(fmt::format("INSERT OR REPLACE INTO meta (key, value) VALUES ('event_id', '{}'), "
                                    "('role', 'download')",
                                    eventId)); // a ULID: nothing to quote
            if (auto pulled = pullChanges(*connection, *schema, **db, PullScope::WholeEvent, 20'000); !pulled)
                return pulled.error();
            (*db)->exec("DELETE FROM sync_outbox"); // a snapshot, never pushed anywhere
        }
        return Store::open(path);
    } catch (const PgError& e) {
        return Error::world(fmt::format("server: {}", e.what()));
    } catch (const SQLite::Exception& e) {
        return Error::world(fmt::format("cannot write {}: {}", path.string(), e.what()));
    }
}

Expected<std::unique_ptr<DownloadedEvent>> DownloadedEvent::fetch(const std::string& server, const std::string& eventId,
                                                                  const std::filesystem::path& nextTo) {
    auto scratch = PrivateScratch::create(nextTo);
    if (!scratch)
        return scratch.error();
    auto store = downloadEvent(server, eventId, scratch->path() / "event.db");
    if (!store)
        return store.error();
    return std::unique_ptr<DownloadedEvent>(new DownloadedEvent(std::move(*scratch), std::move(store).value()));
}

DownloadedEvent::DownloadedEvent(PrivateScratch scratch, std::unique_ptr<Store> store)
    : m_scratch(std::move(scratch)), m_store(std::move(store)) {}

DownloadedEvent::~DownloadedEvent() {
    m_store.reset(); // close the database before its folder goes
}

} // namespace meetscan::core
