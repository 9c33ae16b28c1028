#pragma once
// The steps of foldAttached (merge_rules.hpp), one family per file. Each runs on `db` inside the
// caller's transaction, reads the attached schema `schema` and throws SQLite::Exception.
#include <SQLiteCpp/Database.h>

#include <string>
#include <string_view>
#include <vector>

namespace meetscan::core::merge_steps {

// main's columns of `table` that `schema` has too, in main's order; new columns added by later
// migrations are carried along without touching the rules.
[[nodiscard]] std::vector<std::string> sharedColumns(SQLite::Database& db, const std::string& schema,
                                                     const std::string& table);
// "a, b, c", or "p.a, p.b, p.c" with a prefix.
[[nodiscard]] std::string columnList(const std::vector<std::string>& columns, std::string_view prefix = "");

// merge_roster.cpp: configuration and roster, the latest version of each row wins.
void foldStations(SQLite::Database& db, const std::string& schema);
void foldExhibitors(SQLite::Database& db, const std::string& schema);
void foldAttendees(SQLite::Database& db, const std::string& schema);
void foldKeys(SQLite::Database& db, const std::string& schema, bool withSigningKeys);

// merge_log.cpp: rows that never change (scans, meetings, lead edits) are unioned by id; an
// erasure is unioned by person and then re-applied everywhere.
void foldImmutable(SQLite::Database& db, const std::string& schema, const std::string& table);
void foldErasures(SQLite::Database& db, const std::string& schema);
void reapplyErasures(SQLite::Database& db);

// merge_leads.cpp: one lead per (exhibitor, attendee), its fields recomputed from the union.
void foldLeads(SQLite::Database& db, const std::string& schema);
// Recomputes the leads listed in temp.merge_touched_lead (exhibitor_id, attendee_id).
void recomputeLeads(SQLite::Database& db);

} // namespace meetscan::core::merge_steps
