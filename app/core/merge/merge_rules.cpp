#include "core/merge/merge_rules.hpp"

#include "core/merge/merge_steps.hpp"
#include "core/merge/row_checks.hpp"
#include "core/merge/row_owners.hpp"
#include "core/store/hybrid_clock.hpp"

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace meetscan::core {

namespace merge_steps {

std::vector<std::string> sharedColumns(SQLite::Database& db, const std::string& schema, const std::string& table) {
    auto columnsIn = [&db, &table](const std::string& where) {
        SQLite::Statement query(db, fmt::format("SELECT name FROM pragma_table_info('{}', '{}') ORDER BY cid", table, where));
        std::vector<std::string> names;
        while (query.executeStep())
            names.push_back(query.getColumn(0).getString());
        return names;
    };
    const auto mine = columnsIn("main");
    const auto theirs = columnsIn(schema);
    std::vector<std::string> shared;
    for (const auto& name : mine)
        if (std::find(theirs.begin(), theirs.end(), name) != theirs.end())
            shared.push_back(name);
    return shared;
}

std::string columnList(const std::vector<std::string>& columns, std::string_view prefix) {
    std::string list;
    for (const auto& column : columns) {
        if (!list.empty())
            list += ", ";
        list.append(prefix).append(column);
    }
    return list;
}

} // namespace merge_steps

namespace {

// Tables whose rows can change in place: their updates are counted by comparing a snapshot of
// the rows the fold may change (all of them for the two small tables).
constexpr std::array kMutable{"station", "exhibitor", "attendee", "lead"};
constexpr std::array kSnapshotFilter{"", "", " WHERE id IN (SELECT id FROM temp.merge_touched_attendee)",
                                     " WHERE (exhibitor_id, attendee_id) IN "
                                     "(SELECT exhibitor_id, attendee_id FROM temp.merge_touched_lead)"};

bool isIdentifier(const std::string& name) {
    return !name.empty() && std::all_of(name.begin(), name.end(), [](unsigned char c) {
        return std::isalnum(c) != 0 || c == '_';
    });
}

int rowCount(SQLite::Database& db, const std::string& table) {
    return db.execAndGet(fmt::format("SELECT count(*) FROM main.{}", table)).getInt();
}

void dropTemporaries(SQLite::Database& db) {
    for (const char* table : kMutable)
        db.exec(fmt::format("DROP TABLE IF EXISTS temp.merge_before_{}", table));
    db.exec("DROP TABLE IF EXISTS temp.merge_touched_attendee");
    db.exec("DROP TABLE IF EXISTS temp.merge_touched_lead");
}

// The people and leads the source has rows about, so that a small batch (a sync pull) only
// recomputes what it can change. Every lead of an erased person is included on every fold: the
// recomputation blanks their edited fields, and it must have happened on every station alike.
void markTouched(SQLite::Database& db, const std::string& schema) {
    db.exec("CREATE TEMP TABLE merge_touched_attendee (id TEXT PRIMARY KEY) WITHOUT ROWID");
    db.exec(fmt::format("INSERT OR IGNORE INTO temp.merge_touched_attendee (id) "
                        "SELECT id FROM {0}.attendee UNION SELECT attendee_id FROM {0}.attendee_code "
                        "UNION SELECT attendee_id FROM {0}.erasure UNION SELECT attendee_id FROM main.erasure "
                        "UNION SELECT attendee_id FROM {0}.scan WHERE attendee_id IS NOT NULL "
                        "UNION SELECT attendee_id FROM {0}.lead UNION SELECT attendee_id FROM {0}.lead_edit",
                        schema));
    db.exec("CREATE TEMP TABLE merge_touched_lead (exhibitor_id TEXT, attendee_id TEXT, "
            "PRIMARY KEY (exhibitor_id, attendee_id)) WITHOUT ROWID");
    db.exec(fmt::format("INSERT OR IGNORE INTO temp.merge_touched_lead (exhibitor_id, attendee_id) "
                        "SELECT exhibitor_id, attendee_id FROM {0}.lead "
                        "UNION SELECT exhibitor_id, attendee_id FROM {0}.lead_edit "
                        "UNION SELECT st.exhibitor_id, s.attendee_id FROM {0}.scan s JOIN main.station st "
                        "ON st.id = s.station_id WHERE s.outcome IN ('lead_captured', 'lead_reopened') "
                        "AND s.attendee_id IS NOT NULL AND st.exhibitor_id IS NOT NULL "
                        "UNION SELECT l.exhibitor_id, l.attendee_id FROM main.lead l "
                        "WHERE l.attendee_id IN (SELECT attendee_id FROM main.erasure UNION "
                        "SELECT attendee_id FROM {0}.erasure)",
                        schema));
}

} // namespace

int MergeCounts::added() const {
    int sum = 0;
    for (const auto& [table, counts] : tables)
        sum += counts.added;
    return sum;
}

int MergeCounts::updated() const {
    int sum = 0;
    for (const auto& [table, counts] : tables)
        sum += counts.updated;
    return sum;
}

const std::vector<std::string>& foldedTables() {
    static const std::vector<std::string> kTables{"station", "exhibitor", "attendee", "attendee_code",
                                                  "trusted_key", "signing_key", "erasure", "scan",
                                                  "meeting", "lead_edit", "lead"};
    return kTables;
}

void attachStaging(SQLite::Database& db, const std::string& schema) {
    if (!isIdentifier(schema))
        throw SQLite::Exception(fmt::format("bad schema name {}", schema), SQLITE_MISUSE);
    db.exec(fmt::format("ATTACH DATABASE '' AS {}", schema));
    for (const auto& table : foldedTables())
        db.exec(fmt::format("CREATE TABLE {0}.{1} AS SELECT * FROM main.{1} WHERE 0", schema, table));
}

Expected<MergeCounts> foldAttached(SQLite::Database& db, const std::string& schema, FoldInto into,
                                   std::optional<RowSource> claimed) {
    if (!isIdentifier(schema))
        return Error::badInput(fmt::format("bad schema name {}", schema));
    using namespace merge_steps;
    try {
        if (auto checked = checkIncomingRows(db, schema, into); !checked)
            return checked.error();
        const RowSource source = claimed.value_or(rowSourceOf(db, schema));
        if (auto owned = checkRowOwners(db, schema, source, into == FoldInto::Database); !owned)
            return owned.error();
        MergeCounts counts;
        std::map<std::string, int> before;
        for (const auto& table : foldedTables())
            before[table] = rowCount(db, table);
        dropTemporaries(db);
        auto snapshot = [&db](std::size_t index) {
            db.exec(fmt::format("CREATE TEMP TABLE merge_before_{0} AS SELECT * FROM main.{0}{1}", kMutable[index],
                                kSnapshotFilter[index]));
        };
        snapshot(0);
        snapshot(1);

        // Stations first, so lead counts see every station's exhibitor.
        foldStations(db, schema);
        markTouched(db, schema);
        snapshot(2);
        snapshot(3);
        foldExhibitors(db, schema);
        foldAttendees(db, schema);
        // The secret that signs badges stays at the office: only an office's own copy brings it.
        foldKeys(db, schema, databaseRole(db) == DatabaseRole::Office && source == RowSource::Office);
        foldErasures(db, schema);
        for (const char* table : {"scan", "meeting", "lead_edit"})
            foldImmutable(db, schema, table);
        foldLeads(db, schema);
        // Erasures are applied before the leads are recomputed (so an old copy's edits cannot
        // bring a note back) and after (to blank the lead fields the recomputation filled in).
        reapplyErasures(db);
        recomputeLeads(db);
        reapplyErasures(db);
        hybridClockObserveRows(db);

        for (const auto& table : foldedTables())
            counts.tables[table].added = std::max(0, rowCount(db, table) - before[table]);
        for (std::size_t i = 0; i < kMutable.size(); ++i) {
            const char* table = kMutable[i];
            const int changedOrNew = db.execAndGet(fmt::format("SELECT count(*) FROM (SELECT * FROM main.{0}{1} EXCEPT "
                                                               "SELECT * FROM temp.merge_before_{0})",
                                                               table, kSnapshotFilter[i]))
                                         .getInt();
            counts.tables[table].updated = std::max(0, changedOrNew - counts.tables[table].added);
        }
        dropTemporaries(db);
        return counts;
    } catch (const SQLite::Exception& e) {
        const std::string what = fmt::format("cannot merge its rows: {}", e.what());
        if ((e.getErrorCode() & 0xff) == SQLITE_CONSTRAINT)
            return Error::badInput(what);
        return Error::world(what);
    }
}

} // namespace meetscan::core
