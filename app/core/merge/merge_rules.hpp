#pragma once
// The rules that fold one station's rows into another's database (MERGE_RULES.md). They are
// written so that folding is idempotent, commutative and associative: every station can fold
// every other station in any order, any number of times, and all end with the same rows.
// `meetscan merge` folds other database files; sync folds rows pulled from the server.
#include "core/merge/row_checks.hpp"
#include "core/merge/row_owners.hpp"
#include "meetscan/scanner/expected.hpp"

#include <SQLiteCpp/Database.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace meetscan::core {

struct TableCounts {
    int added = 0;   // rows that were not here before
    int updated = 0; // rows that were here and changed
};

// What a fold changed, by table name (station, exhibitor, attendee, attendee_code, trusted_key,
// signing_key, scan, meeting, lead, lead_edit, erasure).
struct MergeCounts {
    std::map<std::string, TableCounts> tables;

    [[nodiscard]] int added() const;
    [[nodiscard]] int updated() const;
};

// The tables a fold reads from the source schema, in the order it folds them.
[[nodiscard]] const std::vector<std::string>& foldedTables();

// Attaches an empty schema `schema` (in memory) holding every folded table with main's columns
// (no keys), for rows that do not come from a database file, e.g. rows pulled from a server:
// fill it, then call foldAttached. Must be called outside a transaction (SQLite cannot attach
// inside one). Throws SQLite::Exception.
void attachStaging(SQLite::Database& db, const std::string& schema);

// Folds every row of the attached schema `schema` into main, inside the caller's transaction
// (so a failure rolls everything back), then re-applies every erasure and recomputes every lead
// from the scan log and lead edits. The source must have the same tables as main (migrate a
// database file first); it may hold a row more than once. Does not check that both belong to
// the same event: the caller does (see mergeDatabases). A constraint broken by the source's
// rows is bad input; anything else is a world failure. Rows are checked first (row_checks.hpp,
// row_owners.hpp); `into` is Scratch only for a scratch database that is folded into the target
// afterwards.
// `source` overrides where the rows come from (row_owners.hpp) for a pack joined by hand.
Expected<MergeCounts> foldAttached(SQLite::Database& db, const std::string& schema,
                                   FoldInto into = FoldInto::Database, std::optional<RowSource> source = std::nullopt);

} // namespace meetscan::core
