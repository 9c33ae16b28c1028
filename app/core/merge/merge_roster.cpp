// Configuration and roster rows: one row per id, the latest version wins. "Latest" is a total
// order on the row's own columns (its time first, then its values), never on which database it
// came from, so every station picks the same winner.
#include "core/merge/merge_steps.hpp"

#include <fmt/format.h>

namespace meetscan::core::merge_steps {

namespace {

// "col = excluded.col" for every column but the key.
std::string takeExcluded(const std::vector<std::string>& columns, const std::string& key) {
    std::string set;
    for (const auto& column : columns) {
        if (column == key)
            continue;
        if (!set.empty())
            set += ", ";
        set += fmt::format("{0} = excluded.{0}", column);
    }
    return set;
}

// The order that decides which version of a roster row wins, as an SQL row value of `row`.
// An erased row beats any row that is not (an erasure always wins). Between rows that are not
// erased the latest roster change (import or walk-in, `updated_at`) wins. Between erased rows
// the times are left out, because re-applying an erasure rewrites them; the columns an erasure
// keeps decide. The remaining columns only break ties between rows changed in the same
// millisecond, so that the choice never depends on the order of merging.
std::string attendeeOrderColumns(const std::string& row) {
    return fmt::format("{0}.erased_at IS NOT NULL, CASE WHEN {0}.erased_at IS NULL THEN {0}.updated_at ELSE 0 END, "
                       "{0}.ticket_type, {0}.exhibitor_id, {0}.source, {0}.station_id, {0}.badge_code, "
                       "{0}.first_name, {0}.last_name, {0}.company, {0}.title, {0}.email, {0}.phone, {0}.country, "
                       "{0}.role, {0}.consent_exhibitors, {0}.consent_networking",
                       row);
}

std::string attendeeOrder(const std::string& row) { return "(" + attendeeOrderColumns(row) + ")"; }

} // namespace

void foldStations(SQLite::Database& db, const std::string& schema) {
    const auto columns = sharedColumns(db, schema, "station");
    // This database's own station is its local configuration (mode, exhibitor): a copy of it
    // found elsewhere never reconfigures the kiosk.
    db.exec(fmt::format("INSERT INTO main.station ({0}) SELECT {0} FROM {1}.station WHERE true "
                        "ON CONFLICT (id) DO UPDATE SET {2} "
                        "WHERE station.id IS NOT (SELECT value FROM main.meta WHERE key = 'station_id') "
                        "AND (excluded.updated_at, excluded.name, excluded.mode, coalesce(excluded.exhibitor_id, ''), "
                        "excluded.created_at) > (station.updated_at, station.name, station.mode, "
                        "coalesce(station.exhibitor_id, ''), station.created_at)",
                        columnList(columns), schema, takeExcluded(columns, "id")));
}

void foldExhibitors(SQLite::Database& db, const std::string& schema) {
    const auto columns = sharedColumns(db, schema, "exhibitor");
    db.exec(fmt::format("INSERT INTO main.exhibitor ({0}) SELECT {0} FROM {1}.exhibitor WHERE true "
                        "ON CONFLICT (id) DO UPDATE SET {2} "
                        "WHERE (excluded.updated_at, excluded.name, excluded.booth, excluded.tags, excluded.questions, "
                        "excluded.contact) > (exhibitor.updated_at, exhibitor.name, exhibitor.booth, exhibitor.tags, "
                        "exhibitor.questions, exhibitor.contact)",
                        columnList(columns), schema, takeExcluded(columns, "id")));
}

void foldAttendees(SQLite::Database& db, const std::string& schema) {
    const auto columns = sharedColumns(db, schema, "attendee");
    // Which people the source's version wins for: their badge codes come from the source too.
    db.exec("DROP TABLE IF EXISTS temp.merge_roster_won");
    db.exec(fmt::format("CREATE TEMP TABLE merge_roster_won AS SELECT DISTINCT s.id AS id FROM {0}.attendee s "
                        "LEFT JOIN main.attendee m ON m.id = s.id WHERE m.id IS NULL OR {1} > {2}",
                        schema, attendeeOrder("s"), attendeeOrder("m")));
    db.exec(fmt::format("INSERT INTO main.attendee ({0}) SELECT {0} FROM {1}.attendee "
                        "WHERE id IN (SELECT id FROM temp.merge_roster_won) "
                        "ON CONFLICT (id) DO UPDATE SET {2} WHERE {3} > {4}",
                        columnList(columns), schema, takeExcluded(columns, "id"), attendeeOrder("excluded"),
                        attendeeOrder("attendee")));
    db.exec("DELETE FROM main.attendee_code WHERE attendee_id IN (SELECT id FROM temp.merge_roster_won)");
    // The codes of every person whose row here is now the source's version (it won, or both
    // were the same version: then the codes are unioned, since an import that only changes
    // codes leaves the row's time alone). A code that moved from one person to another belongs
    // to whoever's roster row wins the order against the other's.
    db.exec(fmt::format("INSERT INTO main.attendee_code (code, attendee_id) SELECT c.code, c.attendee_id "
                        "FROM {0}.attendee_code c JOIN {0}.attendee s ON s.id = c.attendee_id "
                        "JOIN main.attendee m ON m.id = s.id WHERE {1} = {2} "
                        "ON CONFLICT (code) DO UPDATE SET attendee_id = excluded.attendee_id "
                        "WHERE (SELECT {3} FROM main.attendee a WHERE a.id = excluded.attendee_id) > "
                        "(SELECT {3} FROM main.attendee a WHERE a.id = attendee_code.attendee_id)",
                        schema, attendeeOrder("s"), attendeeOrder("m"), attendeeOrderColumns("a")));
    // A code that is somebody's badge code is theirs, whoever else lists it as a further code
    // (badge codes are found on the row itself, migration 8).
    db.exec("DELETE FROM main.attendee_code WHERE code IN (SELECT badge_code FROM main.attendee)");
    db.exec("DROP TABLE temp.merge_roster_won");
}

void foldKeys(SQLite::Database& db, const std::string& schema, bool withSigningKeys) {
    // A key is its public half; the first time any station added it is kept.
    db.exec(fmt::format("INSERT INTO main.trusted_key (public_key, kind, added_at) "
                        "SELECT public_key, kind, added_at FROM {0}.trusted_key WHERE true "
                        "ON CONFLICT (public_key) DO UPDATE SET kind = excluded.kind, added_at = excluded.added_at "
                        "WHERE (excluded.added_at, excluded.kind) < (trusted_key.added_at, trusted_key.kind)",
                        schema));
    if (!withSigningKeys)
        return;
    db.exec(fmt::format("INSERT INTO main.signing_key (public_key, secret_key, created_at) "
                        "SELECT public_key, secret_key, created_at FROM {0}.signing_key WHERE true "
                        "ON CONFLICT (public_key) DO UPDATE SET secret_key = excluded.secret_key, "
                        "created_at = excluded.created_at "
                        "WHERE (excluded.created_at, excluded.secret_key) < (signing_key.created_at, signing_key.secret_key)",
                        schema));
}

} // namespace meetscan::core::merge_steps
