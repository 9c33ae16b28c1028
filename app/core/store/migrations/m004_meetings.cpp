#include "core/store/migration.hpp"

namespace meetscan::core::migrations {

// Each meeting in Meet mode is its own row (so stations merge by union); a connection is the
// pair seen at least once, derived by the view. Pairs are stored ordered (a < b).
extern const Migration kM004{4, "meetings", R"sql(
CREATE TABLE meeting (
    id         TEXT PRIMARY KEY,
    station_id TEXT NOT NULL,
    at         INTEGER NOT NULL,
    attendee_a TEXT NOT NULL,
    attendee_b TEXT NOT NULL,
    scan_a     TEXT,
    scan_b     TEXT,
    CHECK (attendee_a < attendee_b)
);
CREATE INDEX meeting_by_a ON meeting (attendee_a, attendee_b);
CREATE INDEX meeting_by_b ON meeting (attendee_b);
CREATE VIEW connection AS
    SELECT attendee_a, attendee_b, min(at) AS first_at, max(at) AS last_at, count(*) AS meetings
    FROM meeting GROUP BY attendee_a, attendee_b;
)sql"};

} // namespace meetscan::core::migrations
