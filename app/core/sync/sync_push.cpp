#include "core/sync/sync_push.hpp"

#include "core/sync/event_schema.hpp"
#include "core/sync/pg_array.hpp"
#include "core/sync/sync_tables.hpp"

#include <fmt/format.h>
#include <functional>

namespace meetscan::core {

namespace {

// What a row already on the server does when it is pushed again. Immutable rows stay as they
// are; roster and configuration rows take the newer copy; a lead visit only grows, its fields
// follow its newer copy. Erased people stay erased. A row that would not change is not touched,
// so its `seq` stays and nobody pulls it again.
std::string conflictClause(const SyncTable& table, const std::string& schema) {
    const std::string name(table.name);
    const std::string nextSeq = fmt::format("seq = nextval('{}.change_seq')", schema);
    if (name == "scan" || name == "meeting" || name == "lead_edit" || name == "erasure")
        return fmt::format("ON CONFLICT ({}) DO NOTHING", table.key);
    if (name == "lead") {
        std::string set = "first_scan_at = LEAST(t.first_scan_at, EXCLUDED.first_scan_at), "
                          "last_scan_at = GREATEST(t.last_scan_at, EXCLUDED.last_scan_at), "
                          "scan_count = GREATEST(t.scan_count, EXCLUDED.scan_count), "
                          "updated_at = GREATEST(t.updated_at, EXCLUDED.updated_at), ";
        for (const char* field : {"staff_id", "rating", "tags", "answers", "note"})
            set += fmt::format(
                "{0} = CASE WHEN EXCLUDED.updated_at > t.updated_at THEN EXCLUDED.{0} ELSE t.{0} END, ",
                field);
        return fmt::format(
            "ON CONFLICT (id) DO UPDATE SET {}{} WHERE EXCLUDED.first_scan_at < t.first_scan_at OR "
            "EXCLUDED.last_scan_at > t.last_scan_at OR EXCLUDED.scan_count > t.scan_count OR "
            "EXCLUDED.updated_at > t.updated_at",
            set, nextSeq);
    }
    std::string set;
    for (const auto column : table.columns) {
        if (column == table.key || column == "created_at")
            continue;
        set += fmt::format("{0} = EXCLUDED.{0}, ", column);
    }
    std::string guard;
    if (name == "event")
        guard = "(t.name, t.settings) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.settings)";
    else if (name == "attendee")
        guard = "EXCLUDED.updated_at > t.updated_at AND t.erased_at IS NULL";
    else
        guard = "EXCLUDED.updated_at > t.updated_at";
    return fmt::format("ON CONFLICT ({}) DO UPDATE SET {}{} WHERE {}", table.key, set, nextSeq, guard);
}

// COPY into a temporary twin of the table (text columns, emptied at commit or rollback), then
// one INSERT ... SELECT: the server parses and plans one statement per table, not one per row.
void upsertRows(PgConnection& server, const std::string& schema, const SyncTable& table,
                const std::vector<PgRow>& rows) {
    const std::string staging = fmt::format("push_{}", table.name);
    server.execScript(
        fmt::format("CREATE TEMP TABLE IF NOT EXISTS {} ON COMMIT DELETE ROWS AS SELECT {} FROM {}.{} "
                    "WITH NO DATA",
                    staging, table.columnList(), schema, table.name));
    server.copyIn(fmt::format("COPY {} ({}) FROM STDIN", staging, table.columnList()), rows);
    server.exec(fmt::format("INSERT INTO {0}.{1} AS t ({2}) SELECT {2} FROM {3} {4}", schema, table.name,
                            table.columnList(), staging, conflictClause(table, schema)));
}

std::vector<std::string> column(const std::vector<PgRow>& rows, std::size_t index) {
    std::vector<std::string> values;
    values.reserve(rows.size());
    for (const auto& row : rows)
        values.push_back(row[index].value_or(""));
    return values;
}

void replaceAttendeeCodes(PgConnection& server, const std::string& schema,
                          const std::vector<PgRow>& attendees, const std::vector<PgRow>& codes) {
    server.exec(fmt::format("DELETE FROM {}.attendee_code WHERE attendee_id = ANY($1::text[])", schema),
                {pgTextArray(column(attendees, 0))});
    if (codes.empty())
        return;
    server.exec(
        fmt::format("INSERT INTO {0}.attendee_code (code, attendee_id) SELECT c, a FROM unnest($1::text[], "
                    "$2::text[]) AS t(c, a) WHERE NOT EXISTS (SELECT 1 FROM {0}.attendee x WHERE x.id = t.a "
                    "AND x.erased_at IS NOT NULL) ON CONFLICT (code) DO UPDATE SET attendee_id = "
                    "EXCLUDED.attendee_id",
                    schema),
        {pgTextArray(column(codes, 0)), pgTextArray(column(codes, 1))});
}

// The office's erasures blank the person wherever they are on the server; rows of theirs that
// arrive later are blanked on insert (the schema's blank_if_erased trigger).
void applyErasures(PgConnection& server, const std::string& schema, const std::vector<std::string>& erased) {
    if (erased.empty())
        return;
    const std::string ids = pgTextArray(erased);
    server.exec(
        fmt::format(
            "UPDATE {0}.attendee a SET badge_code = 'erased:' || a.id, first_name = '', last_name = '', "
            "company = '', title = '', email = '', phone = '', country = '', role = '', "
            "consent_exhibitors = 0, consent_networking = 0, erased_at = e.at, "
            "updated_at = GREATEST(a.updated_at, e.at), seq = nextval('{0}.change_seq') "
            "FROM {0}.erasure e WHERE e.attendee_id = a.id AND a.id = ANY($1::text[]) "
            "AND a.erased_at IS NULL",
            schema),
        {ids});
    server.exec(fmt::format("DELETE FROM {}.attendee_code WHERE attendee_id = ANY($1::text[])", schema),
                {ids});
    server.exec(
        fmt::format("UPDATE {}.scan SET raw_text = '' WHERE attendee_id = ANY($1::text[]) AND raw_text <> ''",
                    schema),
        {ids});
    server.exec(
        fmt::format("UPDATE {}.lead_edit SET value = '' WHERE attendee_id = ANY($1::text[]) AND value <> ''",
                    schema),
        {ids});
    server.exec(
        fmt::format(
            "UPDATE {0}.lead SET note = '', tags = '[]', answers = '{{}}', seq = nextval('{0}.change_seq') "
            "WHERE attendee_id = ANY($1::text[]) AND (note, tags, answers) <> ('', '[]', '{{}}')",
            schema),
        {ids});
}

const std::vector<PgRow>& rowsOf(const OutboxBatch& batch, std::string_view table) {
    static const std::vector<PgRow> kNone;
    auto found = batch.rows.find(table);
    return found == batch.rows.end() ? kNone : found->second;
}

void inTransaction(PgConnection& server, const std::string& schema, const std::function<void()>& work) {
    server.execScript("BEGIN");
    try {
        server.exec(eventWriteLockSql(schema));
        work();
    } catch (const PgError&) {
        if (server.healthy()) {
            try {
                server.execScript("ROLLBACK");
            } catch (const PgError&) {
                // The connection died while rolling back: the server rolls back on its own.
            }
        }
        throw;
    }
    server.execScript("COMMIT");
}

} // namespace

void pushBatch(PgConnection& server, const std::string& schema, const OutboxBatch& batch) {
    if (batch.rowCount() == 0)
        return;
    inTransaction(server, schema, [&] {
        for (const auto& table : pushedTables())
            if (const auto& rows = rowsOf(batch, table.name); !rows.empty())
                upsertRows(server, schema, table, rows);
        if (const auto& attendees = rowsOf(batch, "attendee"); batch.fromOffice && !attendees.empty())
            replaceAttendeeCodes(server, schema, attendees, batch.attendeeCodes);
        applyErasures(server, schema, column(rowsOf(batch, "erasure"), 0));
    });
}

void pushTrustedKeys(PgConnection& server, const std::string& schema, const std::vector<PgRow>& keys) {
    if (keys.empty())
        return;
    inTransaction(server, schema, [&] {
        server.exec(
            fmt::format("INSERT INTO {}.trusted_key (public_key, kind, added_at) SELECT k, d, a::bigint FROM "
                        "unnest($1::text[], $2::text[], $3::text[]) AS t(k, d, a) ON CONFLICT (public_key) "
                        "DO NOTHING",
                        schema),
            {pgTextArray(column(keys, 0)), pgTextArray(column(keys, 1)), pgTextArray(column(keys, 2))});
    });
}

} // namespace meetscan::core
