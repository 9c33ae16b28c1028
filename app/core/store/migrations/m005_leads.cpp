#include "core/store/migration.hpp"

namespace meetscan::core::migrations {

// One lead per (exhibitor, attendee). `lead_edit` keeps every change with its time and station
// so edits made at two stations can later be merged field by field (latest edit wins).
extern const Migration kM005{5, "leads", R"sql(
CREATE TABLE lead (
    id            TEXT PRIMARY KEY,
    station_id    TEXT NOT NULL,
    exhibitor_id  TEXT NOT NULL,
    attendee_id   TEXT NOT NULL,
    first_scan_at INTEGER NOT NULL,
    last_scan_at  INTEGER NOT NULL,
    scan_count    INTEGER NOT NULL DEFAULT 1,
    staff_id      TEXT NOT NULL DEFAULT '',
    rating        TEXT NOT NULL DEFAULT '' CHECK (rating IN ('', 'hot', 'warm', 'cold')),
    tags          TEXT NOT NULL DEFAULT '[]',
    answers       TEXT NOT NULL DEFAULT '{}',
    note          TEXT NOT NULL DEFAULT '',
    updated_at    INTEGER NOT NULL,
    UNIQUE (exhibitor_id, attendee_id)
);
CREATE INDEX lead_by_attendee ON lead (attendee_id);
CREATE TABLE lead_edit (
    id           TEXT PRIMARY KEY,
    station_id   TEXT NOT NULL,
    exhibitor_id TEXT NOT NULL,
    attendee_id  TEXT NOT NULL,
    field        TEXT NOT NULL,
    value        TEXT NOT NULL,
    staff_id     TEXT NOT NULL DEFAULT '',
    at           INTEGER NOT NULL
);
CREATE INDEX lead_edit_by_lead ON lead_edit (exhibitor_id, attendee_id);
)sql"};

} // namespace meetscan::core::migrations
