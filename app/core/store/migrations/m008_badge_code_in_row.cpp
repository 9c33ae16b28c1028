#include "core/store/migration.hpp"

namespace meetscan::core::migrations {

// A person's own badge code is found through a unique index on their roster row; `attendee_code`
// keeps only their further codes (aliases, other ticket secrets). A 100,000-row roster then
// writes one table entry and one index entry per person instead of two of each, which is what
// brings its import near sqlite3's own .import.
//
// Two rows cannot share a badge code: roster ids derive from the code (attendeeIdForCode), so
// the same code is the same row, and an erased row's code is 'erased:' || its id. A code that is
// somebody's badge code and also another person's alias (a merge of stations that disagreed)
// goes to the person whose badge code it is, as every look-up since this version resolves it.
extern const Migration kM008{8, "badge code in the roster row", R"sql(
CREATE UNIQUE INDEX attendee_by_badge_code ON attendee (badge_code);
DELETE FROM attendee_code WHERE code IN (SELECT badge_code FROM attendee);
)sql"};

} // namespace meetscan::core::migrations
