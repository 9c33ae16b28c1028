#pragma once
// A hybrid logical clock for the few values whose order decides a conflict between stations
// (lead edits, roster versions at the office). Each tick is the wall clock, but never at or
// below the last tick this database issued or saw in rows from elsewhere. A station whose
// clock runs years ahead therefore leads only until its rows reach the others: from then on
// every later edit anywhere is ordered after its edits, so it cannot stay ahead for good.
#include "core/domain/ulid.hpp"

#include <SQLiteCpp/Database.h>

namespace meetscan::core {

// Each kind of ordered row keeps its own clock: a roster import must not push the lead edits
// made after it past edits made elsewhere at the same wall time.
enum class OrderedRows { LeadEdits, OfficeRows };

// The next time to stamp on an ordered change: max(now, last + 1). Stored in `meta` (keys
// `hlc_leads`, `hlc_office`), inside the caller's transaction when there is one. Throws
// SQLite::Exception.
TimeMs hybridClockTick(SQLite::Database& db, OrderedRows rows, TimeMs now);

// Moves the clock past every ordered time the database now holds (after a merge or sync).
void hybridClockObserveRows(SQLite::Database& db);

} // namespace meetscan::core
