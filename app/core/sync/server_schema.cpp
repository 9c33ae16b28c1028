#include "core/sync/server_schema.hpp"

#include <fmt/format.h>

#include <array>
#include <string_view>

namespace meetscan::core {

namespace {

struct ServerStep {
    int version;
    std::string_view name;
    std::string_view sql;
};

// The server-wide part only: each event's rows live in a schema of their own (event_schema.cpp),
// created when the office first syncs. The registry says which schema holds which event. New
// schemas and tables are nobody's but their owner's: PUBLIC may not create in `public`.
constexpr std::string_view kStep2 = R"sql(
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
CREATE TABLE meetscan_event (
    event_id text PRIMARY KEY, schema_name text NOT NULL UNIQUE, created_at timestamptz NOT NULL DEFAULT now());
REVOKE ALL ON meetscan_event FROM PUBLIC;
)sql";

// Step 1 once put every event's tables in `public`, shared by all events and all stations. It is
// kept as a number, doing nothing now, so a server set up then upgrades with step 2; its old
// tables are left alone (no station reads them any more).
constexpr std::array kSteps{ServerStep{1, "shared event tables (retired)", "SELECT 1"},
                            ServerStep{2, "event registry", kStep2}};

constexpr std::string_view kVersionTable = "CREATE TABLE IF NOT EXISTS meetscan_schema ("
                                           "version integer PRIMARY KEY, name text NOT NULL, "
                                           "applied_at timestamptz NOT NULL DEFAULT now())";

} // namespace

int latestServerSchemaVersion() { return kSteps.back().version; }

int serverSchemaVersion(PgConnection& server) {
    auto exists = server.exec("SELECT to_regclass('meetscan_schema') IS NOT NULL");
    if (!pgTrue(exists.at(0).at(0)))
        return 0;
    auto version = server.exec("SELECT coalesce(max(version), 0) FROM meetscan_schema");
    return std::stoi(version.at(0).at(0).value_or("0"));
}

Expected<int> initServerSchema(PgConnection& server) {
    try {
        server.execScript(std::string(kVersionTable));
        for (const auto& step : kSteps) {
            server.execScript("BEGIN");
            try {
                // Two `server init` at once: the second waits here, then sees the step done.
                server.exec(fmt::format("SELECT pg_advisory_xact_lock({})", kServerWriteLock));
                if (serverSchemaVersion(server) < step.version) {
                    server.execScript(std::string(step.sql));
                    server.exec("INSERT INTO meetscan_schema (version, name) VALUES ($1, $2)",
                                {std::to_string(step.version), std::string(step.name)});
                }
                server.execScript("COMMIT");
            } catch (const PgError&) {
                if (server.healthy())
                    server.execScript("ROLLBACK");
                throw;
            }
        }
        if (const int version = serverSchemaVersion(server); version > latestServerSchemaVersion())
            return Error::world(fmt::format("the server's schema (version {}) is newer than this MeetScan knows ({})",
                                            version, latestServerSchemaVersion()));
        return serverSchemaVersion(server);
    } catch (const PgError& e) {
        return Error::world(fmt::format("cannot set up the server schema: {}", e.what()));
    }
}

Status requireServerSchema(PgConnection& server) {
    const int version = serverSchemaVersion(server);
    if (version == latestServerSchemaVersion())
        return Done{};
    if (version == 0)
        return Error::badInput("the server has no MeetScan schema: run `meetscan server init --server URL` first");
    if (version < latestServerSchemaVersion())
        return Error::badInput(fmt::format("the server's schema is at version {}, this MeetScan needs {}: run "
                                           "`meetscan server init --server URL`",
                                           version, latestServerSchemaVersion()));
    return Error::world(fmt::format("the server's schema (version {}) is newer than this MeetScan knows ({})", version,
                                    latestServerSchemaVersion()));
}

} // namespace meetscan::core
