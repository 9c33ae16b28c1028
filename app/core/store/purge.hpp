#pragma once
// Retention: `meetscan purge --before DATE` removes the personal data recorded before DATE.
//  - A person about whom nothing was recorded on or after DATE (roster row, scan, meeting, lead,
//    lead edit) is erased exactly like `meetscan erase` (erasure.hpp): their roster row, codes,
//    raw badge texts and lead notes are blanked, and the erasure is recorded so a merge cannot
//    bring them back.
//  - Every scan before DATE loses its raw badge text (an unknown badge can be a whole vCard).
//  - Lead notes, tags and answers last changed before DATE are cleared, and so are the values
//    of lead edits made before DATE.
// Rows themselves stay, anonymous: the counts of scans, meetings, connections and leads in
// `meetscan stats` do not change; erased people count as erased rather than as attendees.
#include "core/domain/ulid.hpp"
#include "meetscan/scanner/expected.hpp"

#include <SQLiteCpp/Database.h>

#include <string>
#include <string_view>

namespace meetscan::core {

struct PurgeReport {
    int attendeesErased = 0;
    int scansBlanked = 0;
    int leadsCleared = 0;
    int leadEditsCleared = 0;
};

// "YYYY-MM-DD" (midnight UTC, the start of that day) or "YYYY-MM-DDTHH:MM[:SS]Z" (UTC).
Expected<TimeMs> parsePurgeDate(std::string_view text);

// With `dryRun` only counts what would be removed.
Expected<PurgeReport> purgeBefore(SQLite::Database& db, TimeMs cutoff, const std::string& stationId, bool dryRun);

} // namespace meetscan::core
