// Leads: one per (exhibitor, attendee) whichever station created it. The row with the smallest
// id survives; its times widen to cover every copy; its count and editable fields are then
// recomputed from the unioned scan log and lead edits, never added up, so folding the same
// rows twice changes nothing.
#include "core/merge/merge_steps.hpp"

#include <fmt/format.h>

#include <array>

namespace meetscan::core::merge_steps {

namespace {

// The fields a staff member edits; each is logged in lead_edit under its column name.
constexpr std::array kEditable{"rating", "tags", "answers", "note", "staff_id"};

} // namespace

void foldLeads(SQLite::Database& db, const std::string& schema) {
    const auto columns = sharedColumns(db, schema, "lead");
    std::string survivor;
    for (const char* field : {"id", "station_id", "rating", "tags", "answers", "note", "staff_id"})
        survivor += fmt::format("{0} = CASE WHEN excluded.id < lead.id THEN excluded.{0} ELSE lead.{0} END, ", field);
    db.exec(fmt::format("INSERT INTO main.lead ({0}) SELECT {0} FROM {1}.lead WHERE true "
                        "ON CONFLICT (exhibitor_id, attendee_id) DO UPDATE SET {2}"
                        "first_scan_at = min(lead.first_scan_at, excluded.first_scan_at), "
                        "last_scan_at = max(lead.last_scan_at, excluded.last_scan_at), "
                        "scan_count = max(lead.scan_count, excluded.scan_count), "
                        "updated_at = max(lead.updated_at, excluded.updated_at) "
                        "WHERE excluded.id < lead.id OR excluded.first_scan_at < lead.first_scan_at "
                        "OR excluded.last_scan_at > lead.last_scan_at OR excluded.scan_count > lead.scan_count "
                        "OR excluded.updated_at > lead.updated_at",
                        columnList(columns), schema, survivor));
}

void recomputeLeads(SQLite::Database& db) {
    // scan_count: the visitor's lead scans in the whole log at the exhibitor's stations. It never
    // drops below a count a station kept itself (a station that later changed exhibitor).
    std::string fields;
    for (const char* field : kEditable)
        fields += fmt::format(", coalesce((SELECT e.value FROM main.lead_edit e WHERE e.exhibitor_id = l.exhibitor_id "
                              "AND e.attendee_id = l.attendee_id AND e.field = '{0}' ORDER BY e.at DESC, e.id DESC "
                              "LIMIT 1), l.{0}) AS {0}",
                              field);
    db.exec("DROP TABLE IF EXISTS temp.merge_lead_fold");
    db.exec(fmt::format("CREATE TEMP TABLE merge_lead_fold AS SELECT l.id AS id, "
                        "max(l.scan_count, (SELECT count(*) FROM main.scan s JOIN main.station st ON st.id = s.station_id "
                        "WHERE s.attendee_id = l.attendee_id AND s.outcome IN ('lead_captured', 'lead_reopened') "
                        "AND st.exhibitor_id = l.exhibitor_id)) AS scan_count{0} FROM main.lead l JOIN temp.merge_touched_lead t "
                        "ON t.exhibitor_id = l.exhibitor_id AND t.attendee_id = l.attendee_id",
                        fields));
    std::string set = "scan_count = f.scan_count";
    std::string differs = "lead.scan_count <> f.scan_count";
    for (const char* field : kEditable) {
        set += fmt::format(", {0} = f.{0}", field);
        differs += fmt::format(" OR lead.{0} IS NOT f.{0}", field);
    }
    // Only rows that change are written, so a fold that brings nothing new writes nothing.
    db.exec(fmt::format("UPDATE main.lead SET {} FROM temp.merge_lead_fold f WHERE f.id = lead.id AND ({})", set,
                        differs));
    db.exec("DROP TABLE temp.merge_lead_fold");
}

} // namespace meetscan::core::merge_steps
