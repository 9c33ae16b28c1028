#include "core/store/lead_repository.hpp"

#include "core/store/hybrid_clock.hpp"
#include "core/store/json_strings.hpp"

#include <SQLiteCpp/Statement.h>
#include <nlohmann/json.hpp>

namespace meetscan::core {

namespace {

constexpr const char* kColumns = "id, station_id, exhibitor_id, attendee_id, first_scan_at, last_scan_at, "
                                 "scan_count, staff_id, rating, tags, answers, note";

Lead readLead(SQLite::Statement& row) {
    Lead lead;
    lead.id = row.getColumn(0).getString();
    lead.stationId = row.getColumn(1).getString();
    lead.exhibitorId = row.getColumn(2).getString();
    lead.attendeeId = row.getColumn(3).getString();
    lead.firstScanAt = row.getColumn(4).getInt64();
    lead.lastScanAt = row.getColumn(5).getInt64();
    lead.scanCount = row.getColumn(6).getInt();
    lead.staffId = row.getColumn(7).getString();
    lead.rating = row.getColumn(8).getString();
    lead.tags = stringsFromJson(row.getColumn(9).getString());
    auto answers = nlohmann::json::parse(row.getColumn(10).getString(), nullptr, false);
    if (answers.is_object())
        for (const auto& [key, value] : answers.items())
            if (value.is_string())
                lead.answers[key] = value.get<std::string>();
    lead.note = row.getColumn(11).getString();
    return lead;
}

std::vector<Lead> queryLeads(SQLite::Database& db, const char* where, const std::string& value) {
    SQLite::Statement query(db, std::string("SELECT ") + kColumns + " FROM lead WHERE " + where +
                                    " ORDER BY first_scan_at, id");
    query.bind(1, value);
    std::vector<Lead> leads;
    while (query.executeStep())
        leads.push_back(readLead(query));
    return leads;
}

} // namespace

LeadRepository::Touched LeadRepository::touch(const std::string& exhibitorId, const std::string& attendeeId,
                                              const std::string& staffId, const std::string& stationId, TimeMs at) {
    if (auto existing = find(exhibitorId, attendeeId)) {
        SQLite::Statement bump(m_db, "UPDATE lead SET last_scan_at = max(last_scan_at, ?), scan_count = scan_count + 1, "
                                     "updated_at = ? WHERE id = ?");
        bump.bind(1, at);
        bump.bind(2, at);
        bump.bind(3, existing->id);
        bump.exec();
        existing->lastScanAt = std::max(existing->lastScanAt, at);
        existing->scanCount += 1;
        return {*existing, false};
    }
    Lead lead;
    lead.id = newUlid(at);
    lead.stationId = stationId;
    lead.exhibitorId = exhibitorId;
    lead.attendeeId = attendeeId;
    lead.firstScanAt = lead.lastScanAt = at;
    lead.scanCount = 1;
    lead.staffId = staffId;
    SQLite::Statement insert(m_db, "INSERT INTO lead (id, station_id, exhibitor_id, attendee_id, first_scan_at, "
                                   "last_scan_at, scan_count, staff_id, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5, 1, ?6, ?5)");
    insert.bind(1, lead.id);
    insert.bind(2, stationId);
    insert.bind(3, exhibitorId);
    insert.bind(4, attendeeId);
    insert.bind(5, at);
    insert.bind(6, staffId);
    insert.exec();
    return {lead, true};
}

void LeadRepository::saveEdits(const Lead& edited, const std::string& stationId, TimeMs at) {
    auto current = find(edited.exhibitorId, edited.attendeeId);
    if (!current)
        return;
    const std::string tags = nlohmann::json(edited.tags).dump();
    const std::string answers = nlohmann::json(edited.answers).dump();
    // The latest edit of a field wins at every station, so its time is a hybrid clock tick: a
    // station whose clock runs ahead cannot keep its edits on top after its rows were seen.
    at = hybridClockTick(m_db, OrderedRows::LeadEdits, at);
    SQLite::Statement logEdit(m_db, "INSERT INTO lead_edit (id, station_id, exhibitor_id, attendee_id, field, value, "
                                    "staff_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    auto log = [&](const char* field, const std::string& value) {
        logEdit.bind(1, newUlid(at));
        logEdit.bind(2, stationId);
        logEdit.bind(3, edited.exhibitorId);
        logEdit.bind(4, edited.attendeeId);
        logEdit.bind(5, field);
        logEdit.bind(6, value);
        logEdit.bind(7, edited.staffId);
        logEdit.bind(8, at);
        logEdit.exec();
        logEdit.reset();
    };
    if (current->rating != edited.rating)
        log("rating", edited.rating);
    if (current->tags != edited.tags)
        log("tags", tags);
    if (current->answers != edited.answers)
        log("answers", answers);
    if (current->note != edited.note)
        log("note", edited.note);
    if (current->staffId != edited.staffId)
        log("staff_id", edited.staffId);
    SQLite::Statement update(m_db, "UPDATE lead SET rating = ?, tags = ?, answers = ?, note = ?, staff_id = ?, "
                                   "updated_at = ? WHERE id = ?");
    update.bind(1, edited.rating);
    update.bind(2, tags);
    update.bind(3, answers);
    update.bind(4, edited.note);
    update.bind(5, edited.staffId);
    update.bind(6, at);
    update.bind(7, current->id);
    update.exec();
}

std::optional<Lead> LeadRepository::find(const std::string& exhibitorId, const std::string& attendeeId) const {
    SQLite::Statement query(m_db, std::string("SELECT ") + kColumns + " FROM lead WHERE exhibitor_id = ? AND attendee_id = ?");
    query.bind(1, exhibitorId);
    query.bind(2, attendeeId);
    if (!query.executeStep())
        return std::nullopt;
    return readLead(query);
}

std::vector<Lead> LeadRepository::forExhibitor(const std::string& exhibitorId) const {
    return queryLeads(m_db, "exhibitor_id = ?", exhibitorId);
}

std::vector<Lead> LeadRepository::forAttendee(const std::string& attendeeId) const {
    return queryLeads(m_db, "attendee_id = ?", attendeeId);
}

int LeadRepository::count() const { return m_db.execAndGet("SELECT count(*) FROM lead").getInt(); }

} // namespace meetscan::core
