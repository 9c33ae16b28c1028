#pragma once
#include "meetscan/scanner/expected.hpp"

#include <SQLiteCpp/Database.h>

#include <string>

namespace meetscan::core {

// GDPR erasure: blanks the person's personal data everywhere (roster row, codes, raw badge texts,
// lead notes and answers, edit history) and records the erasure so a later import or merge
// cannot bring it back. Meetings and leads stay as anonymous rows so counts are kept.
Status eraseAttendee(SQLite::Database& db, const std::string& attendeeId, const std::string& stationId);

} // namespace meetscan::core
