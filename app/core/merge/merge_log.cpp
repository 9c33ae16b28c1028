// Rows that are written once and never change (scans, meetings, lead edits) are unioned by their
// global id. Erasures are unioned by person and then re-applied to everything, so personal data
// that arrived with another station's older copy is removed again before the fold commits.
#include "core/merge/merge_steps.hpp"

#include "core/store/erasure.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <utility>

namespace meetscan::core::merge_steps {

void foldImmutable(SQLite::Database& db, const std::string& schema, const std::string& table) {
    const auto columns = sharedColumns(db, schema, table);
    // Only an id already here is skipped; any other broken constraint fails the whole merge
    // rather than dropping a row silently (as INSERT OR IGNORE would).
    db.exec(fmt::format("INSERT INTO main.{0} ({1}) SELECT {1} FROM {2}.{0} WHERE true ON CONFLICT (id) DO NOTHING",
                        table, columnList(columns), schema));
}

void foldErasures(SQLite::Database& db, const std::string& schema) {
    // The first erasure of a person is the one kept, whichever station made it.
    db.exec(fmt::format("INSERT INTO main.erasure (attendee_id, station_id, at) "
                        "SELECT attendee_id, station_id, at FROM {0}.erasure WHERE true "
                        "ON CONFLICT (attendee_id) DO UPDATE SET station_id = excluded.station_id, at = excluded.at "
                        "WHERE (excluded.at, excluded.station_id) < (erasure.at, erasure.station_id)",
                        schema));
}

void reapplyErasures(SQLite::Database& db) {
    std::vector<std::pair<std::string, TimeMs>> erased;
    SQLite::Statement query(db, "SELECT attendee_id, at FROM main.erasure ORDER BY attendee_id");
    while (query.executeStep())
        erased.emplace_back(query.getColumn(0).getString(), query.getColumn(1).getInt64());
    for (const auto& [attendeeId, at] : erased)
        blankErasedAttendee(db, attendeeId, at);
}

} // namespace meetscan::core::merge_steps
