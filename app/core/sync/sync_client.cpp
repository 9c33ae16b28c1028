#include "core/sync/sync_client.hpp"

#include "core/domain/ulid.hpp"
#include "core/merge/row_owners.hpp"
#include "core/sync/event_schema.hpp"
#include "core/sync/outbox.hpp"
#include "core/sync/server_schema.hpp"
#include "core/sync/station_login.hpp"
#include "core/sync/sync_push.hpp"

#include <SQLiteCpp/Statement.h>
#include <cstdlib>
#include <fmt/format.h>

namespace meetscan::core {

namespace {

std::vector<PgRow> trustedKeys(SQLite::Database& db) {
    SQLite::Statement query(db, "SELECT public_key, kind, added_at FROM trusted_key");
    std::vector<PgRow> keys;
    while (query.executeStep())
        keys.push_back(
            {query.getColumn(0).getString(), query.getColumn(1).getString(), query.getColumn(2).getString()});
    return keys;
}

} // namespace

SyncClient::SyncClient(std::string server, SyncOptions options)
    : m_server(std::move(server)), m_options(options) {}

Status SyncClient::connect(SQLite::Database& db) {
    const auto eventId = metaValue(db, "event_id");
    auto schema = eventSchemaName(eventId);
    if (!schema)
        return schema.error();
    if (m_connection && m_connection->healthy() && m_schema == *schema)
        return Done{};
    m_connection.reset();
    auto connection = PgConnection::connect(m_server);
    if (!connection)
        return connection.error();
    // The office makes its event's schema on first contact; a station only checks it is there.
    auto ready =
        databaseRole(db) == DatabaseRole::Office ? ensureEventSchema(*connection, eventId) : requireEventSchema(*connection, eventId);
    if (!ready)
        return ready.error();
    m_connection.emplace(std::move(connection).value());
    m_schema = *schema;
    return Done{};
}

Expected<SyncReport> SyncClient::syncOnce(SQLite::Database& db, const std::function<bool()>& stop) {
    try {
        if (auto connected = connect(db); !connected)
            return connected.error();
        SyncReport report;
        Outbox outbox(db);
        if (databaseRole(db) == DatabaseRole::Office)
            pushTrustedKeys(*m_connection, m_schema, trustedKeys(db));
        for (;;) {
            if (stop && stop())
                break;
            const auto batch = outbox.next(m_options.batchSize);
            if (batch.empty())
                break;
            pushBatch(*m_connection, m_schema, batch);
            // Only now is the batch the server's: a crash before this line sends it again.
            outbox.remove(batch.lastSeq);
            report.pushedRows += static_cast<long>(batch.rowCount());
            ++report.batches;
        }
        if (!stop || !stop()) {
            auto pulled = pullChanges(*m_connection, m_schema, db, m_options.scope, m_options.pageSize);
            if (!pulled)
                return pulled.error();
            report.pulledRows = *pulled;
        }
        report.queued = outbox.size();
        SQLite::Statement done(db,
                               "INSERT OR REPLACE INTO sync_state (key, value) VALUES ('last_sync_at', ?)");
        done.bind(1, std::to_string(nowMs()));
        done.exec();
        return report;
    } catch (const PgError& e) {
        m_connection.reset(); // a half-dead connection is not reused
        return Error::world(fmt::format("server: {}", e.what()));
    } catch (const SQLite::Exception& e) {
        return Error::world(fmt::format("station database: {}", e.what()));
    }
}

std::string serverFromEnvironment(const std::string& option) {
    if (!option.empty())
        return option;
    const char* fromEnv = std::getenv("MEETSCAN_SERVER");
    return fromEnv != nullptr ? fromEnv : "";
}

Expected<std::string> syncServerFor(SQLite::Database& db, const std::string& option) {
    if (auto server = serverFromEnvironment(option); !server.empty())
        return server;
    try {
        return serverFromStationLogin(db);
    } catch (const SQLite::Exception& e) {
        return Error::world(fmt::format("station database: {}", e.what()));
    }
}

Expected<std::string> syncServerFor(const std::filesystem::path& database, const std::string& option) {
    if (auto server = serverFromEnvironment(option); !server.empty())
        return server;
    std::error_code error;
    if (!std::filesystem::exists(database, error))
        return std::string{};
    try {
        SQLite::Database db(database.string(), SQLite::OPEN_READONLY);
        return serverFromStationLogin(db);
    } catch (const SQLite::Exception& e) {
        return Error::world(fmt::format("station database: {}", e.what()));
    }
}

std::int64_t lastSyncAt(SQLite::Database& db) {
    SQLite::Statement query(db, "SELECT value FROM sync_state WHERE key = 'last_sync_at'");
    return query.executeStep() ? std::stoll(query.getColumn(0).getString()) : 0;
}

} // namespace meetscan::core
