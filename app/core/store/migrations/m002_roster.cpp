#include "core/store/migration.hpp"

namespace meetscan::core::migrations {

// Attendees and exhibitors. Attendee ids derive from the badge code so every station agrees on
// them; `attendee_code` holds every code (primary and others) for the badge look-up, and its
// key is what keeps a code from belonging to two people. Both are WITHOUT ROWID tables keyed by
// text, so a roster of 100,000 people imports as ordered B-tree appends.
extern const Migration kM002{2, "roster", R"sql(
CREATE TABLE exhibitor (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    booth      TEXT NOT NULL DEFAULT '',
    tags       TEXT NOT NULL DEFAULT '[]',
    questions  TEXT NOT NULL DEFAULT '[]',
    updated_at INTEGER NOT NULL
);
CREATE TABLE attendee (
    id                 TEXT PRIMARY KEY,
    badge_code         TEXT NOT NULL,
    first_name         TEXT NOT NULL DEFAULT '',
    last_name          TEXT NOT NULL DEFAULT '',
    company            TEXT NOT NULL DEFAULT '',
    title              TEXT NOT NULL DEFAULT '',
    email              TEXT NOT NULL DEFAULT '',
    phone              TEXT NOT NULL DEFAULT '',
    country            TEXT NOT NULL DEFAULT '',
    ticket_type        TEXT NOT NULL DEFAULT '',
    role               TEXT NOT NULL DEFAULT '',
    exhibitor_id       TEXT NOT NULL DEFAULT '',
    consent_exhibitors INTEGER NOT NULL DEFAULT 1,
    consent_networking INTEGER NOT NULL DEFAULT 1,
    source             TEXT NOT NULL DEFAULT 'roster' CHECK (source IN ('roster', 'walk_in')),
    station_id         TEXT NOT NULL DEFAULT '',
    erased_at          INTEGER,
    updated_at         INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX attendee_by_email ON attendee (lower(email)) WHERE email <> '';
CREATE TABLE attendee_code (
    code        TEXT PRIMARY KEY,
    attendee_id TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX attendee_code_by_attendee ON attendee_code (attendee_id);
)sql"};

} // namespace meetscan::core::migrations
