#pragma once
// Rows that arrive from elsewhere (a merged file, a station pack, a sync pull) are input like any
// file: they are checked before a single one is folded, and the first bad one fails the whole
// operation, named. The checks run as SQL over the attached schema, so a pack of 100,000 people
// is checked in a fraction of a second.
#include "meetscan/scanner/expected.hpp"

#include <SQLiteCpp/Database.h>

#include <string>

namespace meetscan::core {

// Checks every folded table of the attached schema `schema`:
// - ids have their shapes (ULIDs; roster ids from attendeeIdForCode; exhibitor ids that are no
//   path and no control text);
// - every text is valid UTF-8 with no NUL or other control character (tab and line breaks are
//   allowed in notes), every time and flag is an integer;
// - references stay inside the event (stations, people and exhibitors of this database or of
//   the same source);
// - values lie inside their sets (modes, outcomes, ratings, edited fields, key kinds, consent).
// Bad input names the table, the row and the column. Throws SQLite::Exception for a failing world.
// Many merged files are folded into a scratch database first; their rows may name people only
// the target knows, so there references (and the office's rows, row_owners.hpp) are checked at
// the fold into the target.
enum class FoldInto { Database, Scratch };
[[nodiscard]] Status checkIncomingRows(SQLite::Database& db, const std::string& schema,
                                       FoldInto into = FoldInto::Database);

} // namespace meetscan::core
