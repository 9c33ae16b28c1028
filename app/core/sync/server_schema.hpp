#pragma once
// The central PostgreSQL schema: created and migrated by `meetscan server init`, checked by every
// sync so a station never writes into a server it does not understand.
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

// Every change on the server takes this lock for its transaction: pushes then commit in the order
// they drew their change numbers, so a station pulling "everything after N" never skips a row.
inline constexpr long long kServerWriteLock = 7'070'001;

} // namespace meetscan::core
