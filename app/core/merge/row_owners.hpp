#pragma once
// Who may change what (MERGE_RULES.md, "Row owners"). The office (the organiser's database)
// owns the event, the roster, the exhibitors, the keys and the erasures; a station owns its own
// station row and the scans, meetings, lead edits and walk-ins it records. A fold refuses rows
// that change what belongs to the database it folds into, unless they come from the owner.
#include "meetscan/scanner/expected.hpp"

#include <SQLiteCpp/Database.h>

#include <string>

namespace meetscan::core {

enum class DatabaseRole { Office, Station };

// The role in `meta` (migration 9); a database that predates roles is its event's office.
[[nodiscard]] DatabaseRole databaseRole(SQLite::Database& db, const std::string& schema = "main");
void saveDatabaseRole(SQLite::Database& db, DatabaseRole role, const std::string& schema = "main");
[[nodiscard]] const char* toString(DatabaseRole role);

// Which office a database answers to: the hash of the office's secret (migration 9), kept by the
// office itself and given to each station in its pack. Empty when unknown.
[[nodiscard]] std::string officeIdOf(SQLite::Database& db, const std::string& schema = "main");
// The office id that the office secret `secret` proves.
[[nodiscard]] std::string officeIdForSecret(const std::string& secret);
// Turns the (freshly made) database in `schema` into a station of the office `officeId`: its role,
// the office's id, and no office secret.
void makeStationOf(SQLite::Database& db, const std::string& officeId, const std::string& schema = "main");
// Makes `db` an office copy holding `secret` (a scratch database that carries only that office's
// own files).
void saveOfficeSecret(SQLite::Database& db, const std::string& secret);

// Where the rows of an attached schema come from, as far as ownership goes.
enum class RowSource {
    Office,   // the office's own database (or a pack it wrote): its roster rows are the roster
    Server,   // the central server, whose row-level security let only each row's owner write it
    Stations, // one or more stations' databases: copies of the roster, never changes to it
};

// A file is the office's own only when it holds the secret of the office main answers to; what
// it says its role is counts for nothing. A staging schema (no `meta`) holds rows pulled from
// the server.
[[nodiscard]] RowSource rowSourceOf(SQLite::Database& db, const std::string& schema);

// Bad input when `schema` holds a changed or made-up copy of a row that main owns or knows from
// its office: one of this station's own rows, or a roster, exhibitor, key or erasure row that
// did not come from the office (checked at the fold into the target, not into a scratch
// database). Stale copies (older versions) are fine: the fold keeps ours.
[[nodiscard]] Status checkRowOwners(SQLite::Database& db, const std::string& schema, RowSource source,
                                    bool officeRowsChecked = true);

} // namespace meetscan::core
