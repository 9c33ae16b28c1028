#include "core/store/migration.hpp"

namespace meetscan::core::migrations {

// Every badge shown, with its outcome. Append-only: rows are never deleted, and the only change
// allowed is blanking the raw text when the person it names is erased (GDPR).
extern const Migration kM003{3, "scan log", R"sql(
CREATE TABLE scan (
    id          TEXT PRIMARY KEY,
    station_id  TEXT NOT NULL,
    at          INTEGER NOT NULL,
    mode        TEXT NOT NULL,
    raw_text    TEXT NOT NULL,
    format      TEXT NOT NULL DEFAULT '',
    kind        TEXT NOT NULL DEFAULT '',
    attendee_id TEXT,
    outcome     TEXT NOT NULL,
    detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX scan_by_attendee ON scan (attendee_id);
CREATE INDEX scan_by_time ON scan (at);
CREATE TRIGGER scan_no_delete BEFORE DELETE ON scan
BEGIN
    SELECT RAISE(ABORT, 'the scan log is append-only');
END;
CREATE TRIGGER scan_no_update BEFORE UPDATE ON scan
WHEN NEW.raw_text <> '' OR NEW.id IS NOT OLD.id OR NEW.station_id IS NOT OLD.station_id
     OR NEW.at IS NOT OLD.at OR NEW.outcome IS NOT OLD.outcome OR NEW.attendee_id IS NOT OLD.attendee_id
BEGIN
    SELECT RAISE(ABORT, 'the scan log is append-only');
END;
)sql"};

} // namespace meetscan::core::migrations
