#include "core/store/migration.hpp"

namespace meetscan::core::migrations {

// One event, many stations. A database is either the event's office (the organiser's: it owns
// the event, the roster, the exhibitors and the keys) or a station made from a station pack
// (`init --join`: it owns its own station row and what it records). Every database that
// existed before was the whole event on its own, so it becomes an office. An office holds a
// random secret that never leaves it (packs carry only its hash, `office_id`): a file proves it
// is this office's own copy by holding it, never by saying `role = office`.
//
// The admin PIN's hash moves out of the event settings into this database's own `meta`: the
// settings travel in packs, merges and syncs, and a short PIN's hash falls to a brute force
// wherever it lands.
extern const Migration kM009{9, "station roles", R"sql(
INSERT OR IGNORE INTO meta (key, value) VALUES ('role', 'office');
INSERT OR IGNORE INTO meta (key, value)
    SELECT 'office_secret', lower(hex(randomblob(32))) WHERE (SELECT value FROM meta WHERE key = 'role') = 'office';
INSERT OR REPLACE INTO meta (key, value)
    SELECT 'admin_pin_hash', json_extract(settings, '$.admin_pin_hash') FROM event
    WHERE id = (SELECT value FROM meta WHERE key = 'event_id') AND json_valid(settings)
      AND coalesce(json_extract(settings, '$.admin_pin_hash'), '') <> '';
UPDATE event SET settings = json_remove(settings, '$.admin_pin_hash')
    WHERE json_valid(settings) AND json_extract(settings, '$.admin_pin_hash') IS NOT NULL;
)sql"};

} // namespace meetscan::core::migrations
