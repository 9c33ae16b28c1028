#include "core/store/migration.hpp"

namespace meetscan::core::migrations {

// Keys this event trusts for signed badges, the key pair it signs its own badges with, and the
// record of erasures (which must win over any later merge).
extern const Migration kM006{6, "keys and erasure", R"sql(
CREATE TABLE trusted_key (
    public_key TEXT PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('meetscan', 'pretix')),
    added_at   INTEGER NOT NULL
);
CREATE TABLE signing_key (
    public_key TEXT PRIMARY KEY,
    secret_key TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE TABLE erasure (
    attendee_id TEXT PRIMARY KEY,
    station_id  TEXT NOT NULL,
    at          INTEGER NOT NULL
);
)sql"};

} // namespace meetscan::core::migrations
