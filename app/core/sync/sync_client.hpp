#pragma once
// One database's conversation with its event's schema on the server: push the outbox in batches
// (only the rows this database owns), then pull what changed and fold it in with the merge engine.
// The office (`meta.role` office) creates the event's schema the first time it syncs and connects
// as its owner; a station connects with its own role (station_login.hpp).
#include "core/sync/pg_connection.hpp"
#include "core/sync/sync_pull.hpp"

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace meetscan::core {

struct SyncOptions {
    int batchSize = 5000;  // outbox entries per server transaction
    int pageSize = 20000;  // rows per pulled page
    PullScope scope = PullScope::Station;
};

struct SyncReport {
    long pushedRows = 0;
    int batches = 0;
    long pulledRows = 0;
    int queued = 0; // outbox entries still waiting (written while this round ran)
};

// Keeps its connection between rounds and reconnects after a failure. Not thread-safe: one
// owner (the CLI, or the SyncWorker's thread).
class SyncClient {
public:
    explicit SyncClient(std::string server, SyncOptions options = {});

    // Pushes until the outbox is empty (or `stop` says so), then pulls. A failure keeps every
    // unconfirmed outbox entry; the next round sends them again and the server ignores repeats.
    Expected<SyncReport> syncOnce(SQLite::Database& db, const std::function<bool()>& stop = {});

private:
    Status connect(SQLite::Database& db);

    std::string m_server;
    std::string m_schema; // the event's schema the connection was checked against
    SyncOptions m_options;
    std::optional<PgConnection> m_connection;
};

// The server given by --server, else $MEETSCAN_SERVER; empty when neither is set.
[[nodiscard]] std::string serverFromEnvironment(const std::string& option);

// What `meetscan sync` connects with: --server, else $MEETSCAN_SERVER, else the station's own
// login from its `meta` (station_login.hpp); empty when there is none of them.
Expected<std::string> syncServerFor(SQLite::Database& db, const std::string& option);
// The same for the database file at `database` (empty when it does not exist).
Expected<std::string> syncServerFor(const std::filesystem::path& database, const std::string& option);

// When this station last finished a sync round (ms since the epoch, 0 for never).
[[nodiscard]] std::int64_t lastSyncAt(SQLite::Database& db);

} // namespace meetscan::core
