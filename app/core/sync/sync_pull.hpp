#pragma once
#include "core/sync/pg_connection.hpp"

#include <SQLiteCpp/Database.h>

#include <string>

namespace meetscan::core {

// What a pull brings down. A station needs the roster and configuration (new attendees, consent
// changes, erasures, exhibitors, stations, trusted keys) and every station's meetings for Summary
// mode; a download for an export takes the whole event: scans, every station's lead visits and
// the lead edits too.
enum class PullScope { Station, WholeEvent };

// Reads every row of the event's schema `schema` changed since the last pull into the staging
// schema `pulled` (attachStaging), then folds it into the database with the merge engine
// (foldAttached, MERGE_RULES.md) in one transaction together with the new cursors: a pull that
// fails leaves nothing behind and is simply repeated. Folded rows are not queued for the outbox.
// Returns the rows pulled; a row the fold refuses is bad input. Throws PgError.
Expected<long> pullChanges(PgConnection& server, const std::string& schema, SQLite::Database& db, PullScope scope,
                           int pageSize);

} // namespace meetscan::core
