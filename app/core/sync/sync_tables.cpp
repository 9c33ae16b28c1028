#include "core/sync/sync_tables.hpp"

#include <array>

namespace meetscan::core {

std::string SyncTable::columnList(std::string_view prefix) const {
    std::string list;
    for (const auto column : columns) {
        if (!list.empty())
            list += ", ";
        list += prefix;
        list += column;
    }
    return list;
}

std::span<const SyncTable> pushedTables() {
    static const std::array kTables{
        SyncTable{"event", "event", "id", {"id", "name", "settings", "created_at"}},
        SyncTable{"station", "station", "id", {"id", "name", "mode", "exhibitor_id", "created_at", "updated_at"}},
        SyncTable{"exhibitor", "exhibitor", "id", {"id", "name", "booth", "tags", "questions", "updated_at"}},
        SyncTable{"attendee",
                  "attendee",
                  "id",
                  {"id", "badge_code", "first_name", "last_name", "company", "title", "email", "phone", "country",
                   "ticket_type", "role", "exhibitor_id", "consent_exhibitors", "consent_networking", "source",
                   "station_id", "erased_at", "updated_at"}},
        SyncTable{"scan",
                  "scan",
                  "id",
                  {"id", "station_id", "at", "mode", "raw_text", "format", "kind", "attendee_id", "outcome", "detail"}},
        SyncTable{"meeting", "meeting", "id", {"id", "station_id", "at", "attendee_a", "attendee_b", "scan_a", "scan_b"}},
        SyncTable{"lead",
                  "lead_visit",
                  "id",
                  {"id", "station_id", "exhibitor_id", "attendee_id", "first_scan_at", "last_scan_at", "scan_count",
                   "staff_id"}},
        SyncTable{"lead_edit",
                  "lead_edit",
                  "id",
                  {"id", "station_id", "exhibitor_id", "attendee_id", "field", "value", "staff_id", "at"}},
        SyncTable{"erasure", "erasure", "attendee_id", {"attendee_id", "station_id", "at"}},
    };
    return kTables;
}

const SyncTable* pushedTable(std::string_view outboxName) {
    for (const auto& table : pushedTables())
        if (table.outboxName == outboxName)
            return &table;
    return nullptr;
}

const SyncTable& serverLeadTable() {
    static const SyncTable kLead{"lead",
                                 "lead",
                                 "id",
                                 {"id", "station_id", "exhibitor_id", "attendee_id", "first_scan_at", "last_scan_at",
                                  "scan_count", "staff_id", "rating", "tags", "answers", "note", "updated_at"}};
    return kLead;
}

} // namespace meetscan::core
