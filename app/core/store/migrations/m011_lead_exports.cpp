#include "core/store/migration.hpp"

namespace meetscan::core::migrations {

// Leads taken away at the booth.
// - `lead_export` records each time the admin panel wrote an exhibitor's lead list onto a USB
//   stick: where (the drive and the file names) and which leads it carried (`contents`, attendee
//   ids, as mail_outbox's), so the panel can say how many leads are new since the last export.
//   It stays in this database like mail_outbox: it is this kiosk's own history, no other station
//   needs it, and merge and sync leave it alone.
extern const Migration kM011{11, "lead exports", R"sql(
CREATE TABLE lead_export (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    exhibitor_id TEXT NOT NULL,
    destination  TEXT NOT NULL,
    files        TEXT NOT NULL DEFAULT '[]',
    contents     TEXT NOT NULL DEFAULT '[]',
    exported_at  INTEGER NOT NULL
);
CREATE INDEX lead_export_by_exhibitor ON lead_export (exhibitor_id);
)sql"};

} // namespace meetscan::core::migrations
