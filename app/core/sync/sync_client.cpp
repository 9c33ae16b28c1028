#include "core/sync/sync_client.hpp"

#include "core/domain/ulid.hpp"
#include "core/sync/outbox.hpp"
#include "core/sync/server_schema.hpp"
#include "core/sync/sync_push.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <cstdlib>

namespace meetscan::core {

SyncClient::SyncClient(std::string server, SyncOptions options)
    : m_server(std::move(server)), m_options(options) {}

Status SyncClient::connect() {
    if (m_connection && m_connection->healthy())
        return Done{};
    m_connection.reset();
    auto connection = PgConnection::connect(m_server);
    if (!connection)
        return connection.error();
    try {
        if (auto schema = requireServerSchema(*connection); !schema)
            return schema.error();
    } catch (const PgError& e) {
        return Error::world(fmt::format("server: {}", e.what()));
    }
    m_connection.emplace(std::move(connection).value());
    return Done{};
}

Expected<SyncReport> SyncClient::syncOnce(SQLite::Database& db, const std::function<bool()>& stop) {
    if (auto connected = connect(); !connected)
        return connected.error();
    SyncReport report;
    Outbox outbox(db);
    try {
        for (;;) {
            if (stop && stop())
                break;
            const auto batch = outbox.next(m_options.batchSize);
            if (batch.empty())
                break;
            pushBatch(*m_connection, batch);
            // Only now is the batch the server's: a crash before this line sends it again.
            outbox.remove(batch.lastSeq);
            report.pushedRows += static_cast<long>(batch.rowCount());
            ++report.batches;
        }
        if (!stop || !stop())
            report.pulledRows = pullChanges(*m_connection, db, m_options.scope, m_options.pageSize);
        report.queued = outbox.size();
        SQLite::Statement done(db, "INSERT OR REPLACE INTO sync_state (key, value) VALUES ('last_sync_at', ?)");
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

std::int64_t lastSyncAt(SQLite::Database& db) {
    SQLite::Statement query(db, "SELECT value FROM sync_state WHERE key = 'last_sync_at'");
    return query.executeStep() ? std::stoll(query.getColumn(0).getString()) : 0;
}

} // namespace meetscan::core
