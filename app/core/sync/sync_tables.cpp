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
        SyncTable{"event", "id", RowOwner::Office, {"id", "name", "settings", "created_at"}},
        SyncTable{"station",
                  "id",
                  RowOwner::StationSelf,
                  {"id", "name", "mode", "exhibitor_id", "created_at", "updated_at"}},
        SyncTable{"exhibitor", "id", RowOwner::Office, {"id", "name", "booth", "tags", "questions", "contact", "updated_at"}},
        SyncTable{"attendee",
                  "id",
                  RowOwner::Attendee,
                  {"id", "badge_code", "first_name", "last_name", "company", "title", "email", "phone", "country",
                   "ticket_type", "role", "exhibitor_id", "consent_exhibitors", "consent_networking", "source",
                   "station_id", "erased_at", "updated_at"}},
        SyncTable{"erasure", "attendee_id", RowOwner::Office, {"attendee_id", "station_id", "at"}},
        SyncTable{"scan",
                  "id",
                  RowOwner::Station,
                  {"id", "station_id", "at", "mode", "raw_text", "format", "kind", "attendee_id", "outcome", "detail"}},
        SyncTable{"meeting",
                  "id",
                  RowOwner::Station,
                  {"id", "station_id", "at", "attendee_a", "attendee_b", "scan_a", "scan_b"}},
        SyncTable{"lead",
                  "id",
                  RowOwner::Station,
                  {"id", "station_id", "exhibitor_id", "attendee_id", "first_scan_at", "last_scan_at", "scan_count",
                   "staff_id", "rating", "tags", "answers", "note", "updated_at"}},
        SyncTable{"lead_edit",
                  "id",
                  RowOwner::Station,
                  {"id", "station_id", "exhibitor_id", "attendee_id", "field", "value", "staff_id", "at"}},
    };
    return kTables;
}

const SyncTable* pushedTable(std::string_view name) {
    for (const auto& table : pushedTables())
        if (table.name == name)
            return &table;
    return nullptr;
}

const SyncTable& trustedKeyTable() {
    static const SyncTable kTable{"trusted_key", "public_key", RowOwner::Office, {"public_key", "kind", "added_at"}};
    return kTable;
}

std::string ownedRowsCondition(const SyncTable& table, bool office) {
    switch (table.owner) {
    case RowOwner::Office:
        return office ? "1" : "0";
    case RowOwner::Station:
        return "station_id = ?2";
    case RowOwner::StationSelf:
        return "id = ?2";
    case RowOwner::Attendee:
        // The office's own desk may add walk-ins too; a kiosk never sends a roster row.
        return office ? "(source = 'roster' OR station_id = ?2)" : "(source = 'walk_in' AND station_id = ?2)";
    }
    return "0";
}

} // namespace meetscan::core
