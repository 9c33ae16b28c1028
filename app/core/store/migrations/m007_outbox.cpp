#include "core/store/migration.hpp"

namespace meetscan::core::migrations {

// The sync outbox: triggers note every row this station writes, inside the very transaction that
// writes it, so a scan is never saved without also being queued for the server. Rows applied from
// the server are written while `sync_state` holds the key 'applying' (only ever inside that
// transaction), which keeps them from being queued back. Rows that exist before this migration
// are queued too, so a station that upgrades mid-event pushes its history.
extern const Migration kM007{7, "sync outbox", R"sql(
CREATE TABLE sync_outbox (
    seq    INTEGER PRIMARY KEY AUTOINCREMENT,
    tbl    TEXT NOT NULL,
    row_id TEXT NOT NULL
);
CREATE TABLE sync_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TRIGGER event_outbox_insert AFTER INSERT ON event
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'applying')
BEGIN INSERT INTO sync_outbox (tbl, row_id) VALUES ('event', NEW.id); END;
CREATE TRIGGER event_outbox_update AFTER UPDATE ON event
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'applying')
BEGIN INSERT INTO sync_outbox (tbl, row_id) VALUES ('event', NEW.id); END;
CREATE TRIGGER station_outbox_insert AFTER INSERT ON station
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'applying')
BEGIN INSERT INTO sync_outbox (tbl, row_id) VALUES ('station', NEW.id); END;
CREATE TRIGGER station_outbox_update AFTER UPDATE ON station
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'applying')
BEGIN INSERT INTO sync_outbox (tbl, row_id) VALUES ('station', NEW.id); END;
CREATE TRIGGER exhibitor_outbox_insert AFTER INSERT ON exhibitor
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'applying')
BEGIN INSERT INTO sync_outbox (tbl, row_id) VALUES ('exhibitor', NEW.id); END;
CREATE TRIGGER exhibitor_outbox_update AFTER UPDATE ON exhibitor
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'applying')
BEGIN INSERT INTO sync_outbox (tbl, row_id) VALUES ('exhibitor', NEW.id); END;
CREATE TRIGGER attendee_outbox_insert AFTER INSERT ON attendee
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'applying')
BEGIN INSERT INTO sync_outbox (tbl, row_id) VALUES ('attendee', NEW.id); END;
CREATE TRIGGER attendee_outbox_update AFTER UPDATE ON attendee
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'applying')
BEGIN INSERT INTO sync_outbox (tbl, row_id) VALUES ('attendee', NEW.id); END;
CREATE TRIGGER scan_outbox_insert AFTER INSERT ON scan
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'applying')
BEGIN INSERT INTO sync_outbox (tbl, row_id) VALUES ('scan', NEW.id); END;
CREATE TRIGGER meeting_outbox_insert AFTER INSERT ON meeting
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'applying')
BEGIN INSERT INTO sync_outbox (tbl, row_id) VALUES ('meeting', NEW.id); END;
CREATE TRIGGER lead_outbox_insert AFTER INSERT ON lead
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'applying')
BEGIN INSERT INTO sync_outbox (tbl, row_id) VALUES ('lead', NEW.id); END;
CREATE TRIGGER lead_outbox_update AFTER UPDATE OF last_scan_at, scan_count ON lead
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'applying')
BEGIN INSERT INTO sync_outbox (tbl, row_id) VALUES ('lead', NEW.id); END;
CREATE TRIGGER lead_edit_outbox_insert AFTER INSERT ON lead_edit
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'applying')
BEGIN INSERT INTO sync_outbox (tbl, row_id) VALUES ('lead_edit', NEW.id); END;
CREATE TRIGGER erasure_outbox_insert AFTER INSERT ON erasure
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'applying')
BEGIN INSERT INTO sync_outbox (tbl, row_id) VALUES ('erasure', NEW.attendee_id); END;
INSERT INTO sync_outbox (tbl, row_id) SELECT 'event', id FROM event;
INSERT INTO sync_outbox (tbl, row_id) SELECT 'station', id FROM station;
INSERT INTO sync_outbox (tbl, row_id) SELECT 'exhibitor', id FROM exhibitor;
INSERT INTO sync_outbox (tbl, row_id) SELECT 'attendee', id FROM attendee;
INSERT INTO sync_outbox (tbl, row_id) SELECT 'scan', id FROM scan ORDER BY id;
INSERT INTO sync_outbox (tbl, row_id) SELECT 'meeting', id FROM meeting ORDER BY id;
INSERT INTO sync_outbox (tbl, row_id) SELECT 'lead', id FROM lead ORDER BY id;
INSERT INTO sync_outbox (tbl, row_id) SELECT 'lead_edit', id FROM lead_edit ORDER BY id;
INSERT INTO sync_outbox (tbl, row_id) SELECT 'erasure', attendee_id FROM erasure;
)sql"};

} // namespace meetscan::core::migrations
