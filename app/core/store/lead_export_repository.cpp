#include "core/store/lead_export_repository.hpp"

#include "core/store/json_strings.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace meetscan::core {

std::vector<LeadExportEntry> LeadExportRepository::entriesFor(const std::string& exhibitorId) const {
    SQLite::Statement query(m_db, "SELECT id, exhibitor_id, destination, files, contents, exported_at FROM lead_export "
                                  "WHERE exhibitor_id = ? ORDER BY id");
    query.bind(1, exhibitorId);
    std::vector<LeadExportEntry> entries;
    while (query.executeStep()) {
        LeadExportEntry entry;
        entry.id = query.getColumn(0).getInt64();
        entry.exhibitorId = query.getColumn(1).getString();
        entry.destination = query.getColumn(2).getString();
        entry.files = stringsFromJson(query.getColumn(3).getString());
        entry.contents = stringsFromJson(query.getColumn(4).getString());
        entry.exportedAt = query.getColumn(5).getInt64();
        entries.push_back(std::move(entry));
    }
    return entries;
}

Status LeadExportRepository::record(const LeadExportEntry& entry) {
    try {
        SQLite::Statement insert(m_db, "INSERT INTO lead_export (exhibitor_id, destination, files, contents, exported_at) "
                                       "VALUES (?, ?, ?, ?, ?)");
        insert.bind(1, entry.exhibitorId);
        insert.bind(2, entry.destination);
        insert.bind(3, nlohmann::json(entry.files).dump());
        insert.bind(4, nlohmann::json(entry.contents).dump());
        insert.bind(5, entry.exportedAt);
        insert.exec();
        return Done{};
    } catch (const SQLite::Exception& e) {
        return Error::world(fmt::format("cannot record the export: {}", e.what()));
    }
}

} // namespace meetscan::core
