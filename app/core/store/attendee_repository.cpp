#include "core/store/attendee_repository.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <set>

namespace meetscan::core {

namespace {

constexpr const char* kColumns =
    "a.id, a.badge_code, a.first_name, a.last_name, a.company, a.title, a.email, a.phone, a.country, "
    "a.ticket_type, a.role, a.exhibitor_id, a.consent_exhibitors, a.consent_networking, a.erased_at";

Attendee readAttendee(SQLite::Statement& row) {
    Attendee a;
    a.id = row.getColumn(0).getString();
    a.badgeCode = row.getColumn(1).getString();
    a.firstName = row.getColumn(2).getString();
    a.lastName = row.getColumn(3).getString();
    a.company = row.getColumn(4).getString();
    a.title = row.getColumn(5).getString();
    a.email = row.getColumn(6).getString();
    a.phone = row.getColumn(7).getString();
    a.country = row.getColumn(8).getString();
    a.ticketType = row.getColumn(9).getString();
    a.role = row.getColumn(10).getString();
    a.exhibitorId = row.getColumn(11).getString();
    a.consentExhibitors = row.getColumn(12).getInt() != 0;
    a.consentNetworking = row.getColumn(13).getInt() != 0;
    a.erased = !row.getColumn(14).isNull();
    return a;
}

} // namespace

std::vector<Attendee> AttendeeRepository::all() const {
    SQLite::Statement query(m_db, fmt::format("SELECT {} FROM attendee a WHERE a.erased_at IS NULL "
                                              "ORDER BY a.last_name COLLATE NOCASE, a.first_name COLLATE NOCASE, a.id",
                                              kColumns));
    std::vector<Attendee> attendees;
    while (query.executeStep())
        attendees.push_back(readAttendee(query));
    return attendees;
}

Expected<std::vector<Attendee>> AttendeeRepository::named(const std::vector<std::string>& keys) const {
    std::vector<Attendee> selected;
    std::set<std::string> seen; // an e-mail and a badge code may name the same person
    for (const auto& key : keys) {
        auto attendee = find(key);
        if (!attendee || attendee->erased)
            return Error::badInput(fmt::format("--attendee: no attendee '{}' (see `meetscan attendees list`)", key));
        if (seen.insert(attendee->id).second)
            selected.push_back(std::move(*attendee));
    }
    return selected;
}

std::vector<Attendee> AttendeeRepository::withFollowUp() const {
    SQLite::Statement query(
        m_db, fmt::format("SELECT {} FROM attendee a WHERE a.erased_at IS NULL AND ("
                          "EXISTS (SELECT 1 FROM lead l WHERE l.attendee_id = a.id) "
                          "OR EXISTS (SELECT 1 FROM meeting m JOIN attendee o ON o.id = m.attendee_b "
                          "           WHERE m.attendee_a = a.id AND o.erased_at IS NULL) "
                          "OR EXISTS (SELECT 1 FROM meeting m JOIN attendee o ON o.id = m.attendee_a "
                          "           WHERE m.attendee_b = a.id AND o.erased_at IS NULL)) "
                          "ORDER BY a.last_name COLLATE NOCASE, a.first_name COLLATE NOCASE, a.id",
                          kColumns));
    std::vector<Attendee> attendees;
    while (query.executeStep())
        attendees.push_back(readAttendee(query));
    return attendees;
}

std::optional<Attendee> AttendeeRepository::byId(const std::string& id) const {
    auto found = byIds({id});
    if (found.empty())
        return std::nullopt;
    return std::move(found.begin()->second);
}

std::unordered_map<std::string, Attendee> AttendeeRepository::byIds(const std::vector<std::string>& ids) const {
    std::unordered_map<std::string, Attendee> found;
    if (ids.empty())
        return found;
    // An id typed on the command line may be any bytes: replaced, it matches nobody, as it should.
    const auto idList = nlohmann::json(ids).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    SQLite::Statement rows(m_db, fmt::format("SELECT {} FROM attendee a WHERE a.id IN (SELECT value FROM json_each(?))",
                                             kColumns));
    rows.bind(1, idList);
    while (rows.executeStep()) {
        auto attendee = readAttendee(rows);
        found.emplace(attendee.id, std::move(attendee));
    }
    // A badge code sits on its owner's row; attendee_code holds it too, beside the further codes.
    SQLite::Statement codes(m_db, "SELECT c.attendee_id, c.code FROM attendee_code c JOIN attendee a ON a.id = c.attendee_id "
                                  "WHERE c.attendee_id IN (SELECT value FROM json_each(?)) AND c.code <> a.badge_code "
                                  "ORDER BY c.attendee_id, c.code");
    codes.bind(1, idList);
    while (codes.executeStep())
        if (auto owner = found.find(codes.getColumn(0).getString()); owner != found.end())
            owner->second.otherCodes.push_back(codes.getColumn(1).getString());
    return found;
}

std::optional<Attendee> AttendeeRepository::byCode(const std::string& code) const {
    // A badge code sits on its owner's row; attendee_code holds the further codes (migration 8).
    SQLite::Statement query(m_db, "SELECT id FROM attendee WHERE badge_code = ?1 "
                                  "UNION ALL SELECT attendee_id FROM attendee_code WHERE code = ?1 LIMIT 1");
    query.bind(1, code);
    if (!query.executeStep())
        return std::nullopt;
    return byId(query.getColumn(0).getString());
}

std::optional<Attendee> AttendeeRepository::byEmail(const std::string& email) const {
    if (email.empty())
        return std::nullopt;
    SQLite::Statement query(m_db, "SELECT id FROM attendee WHERE lower(email) = lower(?) AND email <> '' "
                                  "AND erased_at IS NULL ORDER BY source = 'walk_in', id LIMIT 1");
    query.bind(1, email);
    if (!query.executeStep())
        return std::nullopt;
    return byId(query.getColumn(0).getString());
}

std::optional<Attendee> AttendeeRepository::find(const std::string& idCodeOrEmail) const {
    if (auto a = byId(idCodeOrEmail))
        return a;
    if (auto a = byCode(idCodeOrEmail))
        return a;
    return byEmail(idCodeOrEmail);
}

int AttendeeRepository::count() const {
    return m_db.execAndGet("SELECT count(*) FROM attendee WHERE erased_at IS NULL").getInt();
}

} // namespace meetscan::core
