#include "core/sync/sync_push.hpp"

#include "core/sync/pg_array.hpp"
#include "core/sync/server_schema.hpp"
#include "core/sync/sync_tables.hpp"

#include <fmt/format.h>

#include <set>
#include <utility>

namespace meetscan::core {

namespace {

// Libpq allows 65,535 parameters per statement; stay well below.
constexpr std::size_t kMaxParameters = 30'000;

// What a row already on the server does when it is pushed again. Immutable rows stay as they are;
// roster and configuration rows take the newer copy; a lead visit only grows. Erased people stay erased.
std::string conflictClause(const SyncTable& table) {
    const std::string name(table.serverName);
    if (name == "scan" || name == "meeting" || name == "lead_edit" || name == "erasure")
        return fmt::format("ON CONFLICT ({}) DO NOTHING", table.key);
    if (name == "lead_visit")
        return "ON CONFLICT (id) DO UPDATE SET first_scan_at = LEAST(lead_visit.first_scan_at, EXCLUDED.first_scan_at), "
               "last_scan_at = GREATEST(lead_visit.last_scan_at, EXCLUDED.last_scan_at), "
               "scan_count = GREATEST(lead_visit.scan_count, EXCLUDED.scan_count), seq = nextval('change_seq') "
               "WHERE EXCLUDED.first_scan_at < lead_visit.first_scan_at OR EXCLUDED.last_scan_at > lead_visit.last_scan_at "
               "OR EXCLUDED.scan_count > lead_visit.scan_count";
    std::string set;
    for (const auto column : table.columns) {
        if (column == table.key || column == "created_at")
            continue;
        set += fmt::format("{} = EXCLUDED.{}, ", column, column);
    }
    set += "seq = nextval('change_seq')";
    std::string guard;
    if (name == "event")
        guard = "(event.name, event.settings) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.settings)";
    else if (name == "attendee")
        guard = "EXCLUDED.updated_at > attendee.updated_at AND attendee.erased_at IS NULL";
    else
        guard = fmt::format("EXCLUDED.updated_at > {}.updated_at", name);
    return fmt::format("ON CONFLICT ({}) DO UPDATE SET {} WHERE {}", table.key, set, guard);
}

void insertRows(PgConnection& server, const SyncTable& table, const std::vector<PgRow>& rows) {
    const std::size_t width = table.columns.size();
    const std::size_t perStatement = std::max<std::size_t>(1, kMaxParameters / width);
    const std::string head = fmt::format("INSERT INTO {} ({}) VALUES ", table.serverName, table.columnList());
    const std::string tail = " " + conflictClause(table);
    for (std::size_t start = 0; start < rows.size(); start += perStatement) {
        const std::size_t end = std::min(rows.size(), start + perStatement);
        std::string sql = head;
        std::vector<PgValue> params;
        params.reserve((end - start) * width);
        for (std::size_t r = start; r < end; ++r) {
            sql += r == start ? "(" : ",(";
            for (std::size_t c = 0; c < width; ++c) {
                params.push_back(rows[r][c]);
                sql += fmt::format("{}${}", c == 0 ? "" : ",", params.size());
            }
            sql += ')';
        }
        server.exec(sql + tail, params);
    }
}

std::vector<std::string> column(const std::vector<PgRow>& rows, std::size_t index) {
    std::vector<std::string> values;
    values.reserve(rows.size());
    for (const auto& row : rows)
        values.push_back(row[index].value_or(""));
    return values;
}

void replaceAttendeeCodes(PgConnection& server, const std::vector<PgRow>& attendees, const std::vector<PgRow>& codes) {
    server.exec("DELETE FROM attendee_code WHERE attendee_id = ANY($1::text[])", {pgTextArray(column(attendees, 0))});
    if (codes.empty())
        return;
    server.exec("INSERT INTO attendee_code (code, attendee_id) SELECT c, a FROM unnest($1::text[], $2::text[]) AS t(c, a) "
                "WHERE NOT EXISTS (SELECT 1 FROM attendee x WHERE x.id = t.a AND x.erased_at IS NOT NULL) "
                "ON CONFLICT (code) DO UPDATE SET attendee_id = EXCLUDED.attendee_id",
                {pgTextArray(column(codes, 0)), pgTextArray(column(codes, 1))});
}

// An erasure wins over everything: the person's data is blanked wherever it is on the server, now
// and for rows of theirs that arrive later (scans pushed after the erasure by another station).
void applyErasures(PgConnection& server, const std::vector<std::string>& erased, const std::vector<std::string>& scanIds,
                   const std::vector<std::string>& editIds) {
    if (!erased.empty()) {
        const std::string ids = pgTextArray(erased);
        server.exec("UPDATE attendee a SET badge_code = 'erased:' || a.id, first_name = '', last_name = '', company = '', "
                    "title = '', email = '', phone = '', country = '', role = '', consent_exhibitors = 0, "
                    "consent_networking = 0, erased_at = e.at, updated_at = GREATEST(a.updated_at, e.at), "
                    "seq = nextval('change_seq') FROM erasure e WHERE e.attendee_id = a.id AND a.id = ANY($1::text[]) "
                    "AND a.erased_at IS NULL",
                    {ids});
        server.exec("DELETE FROM attendee_code WHERE attendee_id = ANY($1::text[])", {ids});
        server.exec("UPDATE scan SET raw_text = '' WHERE attendee_id = ANY($1::text[]) AND raw_text <> ''", {ids});
        server.exec("UPDATE lead_edit SET value = '' WHERE attendee_id = ANY($1::text[]) AND value <> ''", {ids});
    }
    if (!scanIds.empty())
        server.exec("UPDATE scan s SET raw_text = '' FROM erasure e WHERE e.attendee_id = s.attendee_id "
                    "AND s.id = ANY($1::text[]) AND s.raw_text <> ''",
                    {pgTextArray(scanIds)});
    if (!editIds.empty())
        server.exec("UPDATE lead_edit l SET value = '' FROM erasure e WHERE e.attendee_id = l.attendee_id "
                    "AND l.id = ANY($1::text[]) AND l.value <> ''",
                    {pgTextArray(editIds)});
}

// The event-wide lead of each touched (exhibitor, attendee): visits add up (first and last scan,
// count, the first visit's id and staff), and each field takes its latest edit (time, then id,
// breaks ties the same way at every station). An erasure blanks the personal fields.
constexpr const char* kRecomputeLeads = R"sql(
WITH pairs AS (
    SELECT DISTINCT exhibitor_id, attendee_id FROM unnest($1::text[], $2::text[]) AS p(exhibitor_id, attendee_id)
    UNION SELECT DISTINCT exhibitor_id, attendee_id FROM lead_visit WHERE attendee_id = ANY($3::text[])
), visits AS (
    SELECT v.exhibitor_id, v.attendee_id,
           (array_agg(v.id ORDER BY v.first_scan_at, v.id))[1] AS id,
           (array_agg(v.station_id ORDER BY v.first_scan_at, v.id))[1] AS station_id,
           (array_agg(v.staff_id ORDER BY v.first_scan_at, v.id))[1] AS staff_id,
           min(v.first_scan_at) AS first_scan_at, max(v.last_scan_at) AS last_scan_at, sum(v.scan_count) AS scan_count
    FROM lead_visit v JOIN pairs USING (exhibitor_id, attendee_id)
    GROUP BY v.exhibitor_id, v.attendee_id
), edits AS (
    SELECT DISTINCT ON (e.exhibitor_id, e.attendee_id, e.field) e.exhibitor_id, e.attendee_id, e.field, e.value, e.at
    FROM lead_edit e JOIN pairs USING (exhibitor_id, attendee_id)
    ORDER BY e.exhibitor_id, e.attendee_id, e.field, e.at DESC, e.id DESC
), merged AS (
    SELECT v.*, max(e.at) AS edited_at,
           max(e.value) FILTER (WHERE e.field = 'staff_id') AS e_staff,
           max(e.value) FILTER (WHERE e.field = 'rating') AS e_rating,
           max(e.value) FILTER (WHERE e.field = 'tags') AS e_tags,
           max(e.value) FILTER (WHERE e.field = 'answers') AS e_answers,
           max(e.value) FILTER (WHERE e.field = 'note') AS e_note,
           EXISTS (SELECT 1 FROM erasure x WHERE x.attendee_id = v.attendee_id) AS erased
    FROM visits v LEFT JOIN edits e USING (exhibitor_id, attendee_id)
    GROUP BY v.exhibitor_id, v.attendee_id, v.id, v.station_id, v.staff_id, v.first_scan_at, v.last_scan_at, v.scan_count
)
INSERT INTO lead (exhibitor_id, attendee_id, id, station_id, first_scan_at, last_scan_at, scan_count, staff_id,
                  rating, tags, answers, note, updated_at)
SELECT exhibitor_id, attendee_id, id, station_id, first_scan_at, last_scan_at, scan_count,
       coalesce(e_staff, staff_id), coalesce(e_rating, ''),
       CASE WHEN erased THEN '[]' ELSE coalesce(e_tags, '[]') END,
       CASE WHEN erased THEN '{}' ELSE coalesce(e_answers, '{}') END,
       CASE WHEN erased THEN '' ELSE coalesce(e_note, '') END,
       GREATEST(last_scan_at, coalesce(edited_at, 0))
FROM merged
ON CONFLICT (exhibitor_id, attendee_id) DO UPDATE SET
    id = EXCLUDED.id, station_id = EXCLUDED.station_id, first_scan_at = EXCLUDED.first_scan_at,
    last_scan_at = EXCLUDED.last_scan_at, scan_count = EXCLUDED.scan_count, staff_id = EXCLUDED.staff_id,
    rating = EXCLUDED.rating, tags = EXCLUDED.tags, answers = EXCLUDED.answers, note = EXCLUDED.note,
    updated_at = EXCLUDED.updated_at, seq = nextval('change_seq')
WHERE (lead.id, lead.station_id, lead.first_scan_at, lead.last_scan_at, lead.scan_count, lead.staff_id, lead.rating,
       lead.tags, lead.answers, lead.note, lead.updated_at)
      IS DISTINCT FROM (EXCLUDED.id, EXCLUDED.station_id, EXCLUDED.first_scan_at, EXCLUDED.last_scan_at,
       EXCLUDED.scan_count, EXCLUDED.staff_id, EXCLUDED.rating, EXCLUDED.tags, EXCLUDED.answers, EXCLUDED.note,
       EXCLUDED.updated_at)
)sql";

const std::vector<PgRow>& rowsOf(const OutboxBatch& batch, std::string_view table) {
    static const std::vector<PgRow> kNone;
    auto found = batch.rows.find(table);
    return found == batch.rows.end() ? kNone : found->second;
}

void pushInTransaction(PgConnection& server, const OutboxBatch& batch) {
    server.exec(fmt::format("SELECT pg_advisory_xact_lock({})", kServerWriteLock));
    for (const auto& table : pushedTables())
        if (const auto& rows = rowsOf(batch, table.outboxName); !rows.empty())
            insertRows(server, table, rows);
    if (const auto& attendees = rowsOf(batch, "attendee"); !attendees.empty())
        replaceAttendeeCodes(server, attendees, batch.attendeeCodes);

    const auto& erasures = rowsOf(batch, "erasure");
    const auto& edits = rowsOf(batch, "lead_edit");
    applyErasures(server, column(erasures, 0), column(rowsOf(batch, "scan"), 0), column(edits, 0));

    std::set<std::pair<std::string, std::string>> pairs;
    for (const auto* rows : {&rowsOf(batch, "lead"), &edits})
        for (const auto& row : *rows)
            pairs.emplace(row[2].value_or(""), row[3].value_or(""));
    if (pairs.empty() && erasures.empty())
        return;
    std::vector<std::string> exhibitors, attendees;
    for (const auto& [exhibitor, attendee] : pairs) {
        exhibitors.push_back(exhibitor);
        attendees.push_back(attendee);
    }
    server.exec(kRecomputeLeads, {pgTextArray(exhibitors), pgTextArray(attendees), pgTextArray(column(erasures, 0))});
}

} // namespace

void pushBatch(PgConnection& server, const OutboxBatch& batch) {
    if (batch.empty())
        return;
    server.execScript("BEGIN");
    try {
        pushInTransaction(server, batch);
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

} // namespace meetscan::core
