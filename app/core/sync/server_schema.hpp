#pragma once
// The central PostgreSQL server's own schema (the event registry): created and migrated by
// `meetscan server init`, checked before an event's schema is made (event_schema.hpp).
#include "core/sync/pg_connection.hpp"

namespace meetscan::core {

// Creates the schema or applies the steps it is missing, one transaction per step (the same shape
// as the station's migrations). Returns the version the server is at afterwards.
Expected<int> initServerSchema(PgConnection& server);

// The server's schema version, 0 when `meetscan server init` never ran there.
[[nodiscard]] int serverSchemaVersion(PgConnection& server);
[[nodiscard]] int latestServerSchemaVersion();

// Fails with a clear message unless the server is at exactly the version this build knows.
Status requireServerSchema(PgConnection& server);

// The first key of every server write lock (the second names the event: eventWriteLockSql).
inline constexpr long long kServerWriteLock = 7'070'001;

} // namespace meetscan::core
