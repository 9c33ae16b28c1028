#include "core/store/migration.hpp"

namespace meetscan::core::migrations {

// The event this database belongs to, and the stations (kiosks) known to it. `meta` holds which
// station is this one, so rows it creates carry its id.
extern const Migration kM001{1, "event and station", R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE event (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    settings   TEXT NOT NULL DEFAULT '{}',
    created_at INTEGER NOT NULL
);
CREATE TABLE station (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    mode         TEXT NOT NULL CHECK (mode IN ('meet', 'booth', 'summary')),
    exhibitor_id TEXT,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);
)sql"};

} // namespace meetscan::core::migrations
