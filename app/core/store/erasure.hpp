#pragma once
#include "core/domain/ulid.hpp"
#include "meetscan/scanner/expected.hpp"

#include <SQLiteCpp/Database.h>

#include <string>

namespace meetscan::core {

// GDPR erasure: blanks the person's personal data everywhere (roster row, codes, raw badge texts,
// lead notes and answers, edit history) and records the erasure so a later import or merge
// cannot bring it back. Meetings and leads stay as anonymous rows so counts are kept.
Status eraseAttendee(SQLite::Database& db, const std::string& attendeeId, const std::string& stationId);

// The blanking part of an erasure, inside the caller's transaction, with the recorded erasure
// time: a merge re-applies it after folding in another station's rows, so an old copy never
// brings the data back. Rows already blank are left alone. Throws SQLite::Exception.
void blankErasedAttendee(SQLite::Database& db, const std::string& attendeeId, TimeMs at);

} // namespace meetscan::core
