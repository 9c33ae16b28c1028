#pragma once
#include "core/sync/pg_connection.hpp"

#include <SQLiteCpp/Database.h>

namespace meetscan::core {

// What a pull brings down. A station needs the roster and configuration (new attendees, consent
// changes, erasures, exhibitors, stations) and every station's meetings for Summary mode; a
// download for an export takes the whole event, scans and leads included.
enum class PullScope { Station, WholeEvent };

// Applies every server row changed since the last pull to the station database, page by page,
// each page in one SQLite transaction together with its cursor, so an interrupted pull resumes
// where it stopped. Rows applied here are not queued for the outbox. Returns the rows applied.
// Throws PgError or SQLite::Exception.
long pullChanges(PgConnection& server, SQLite::Database& db, PullScope scope, int pageSize);

} // namespace meetscan::core
