#include "core/store/attendee_repository.hpp"

#include "core/domain/ulid.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <algorithm>
#include <tuple>

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

std::vector<std::string> otherCodesOf(SQLite::Database& db, const Attendee& a) {
    SQLite::Statement query(db, "SELECT code FROM attendee_code WHERE attendee_id = ? AND code <> ? ORDER BY code");
    query.bind(1, a.id);
    query.bind(2, a.badgeCode);
    std::vector<std::string> codes;
    while (query.executeStep())
        codes.push_back(query.getColumn(0).getString());
    return codes;
}

auto comparable(const Attendee& a) {
    return std::tie(a.badgeCode, a.firstName, a.lastName, a.company, a.title, a.email, a.phone, a.country,
                    a.ticketType, a.role, a.exhibitorId, a.consentExhibitors, a.consentNetworking);
}

// Prepared once per import: a 100,000-row roster reuses each statement 100,000 times.
struct ImportStatements {
    SQLite::Statement find;
    SQLite::Statement upsert;
    SQLite::Statement clearCodes;
    SQLite::Statement addCode;
    SQLite::Statement codeOwner;

    explicit ImportStatements(SQLite::Database& db)
        : find(db, fmt::format("SELECT {} FROM attendee a WHERE a.id = ?", kColumns)),
          upsert(db, "INSERT INTO attendee (id, badge_code, first_name, last_name, company, title, email, phone, "
                     "country, ticket_type, role, exhibitor_id, consent_exhibitors, consent_networking, source, "
                     "station_id, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                     "?15, ?16, ?17) ON CONFLICT (id) DO UPDATE SET badge_code = ?2, first_name = ?3, "
                     "last_name = ?4, company = ?5, title = ?6, email = ?7, phone = ?8, country = ?9, "
                     "ticket_type = ?10, role = ?11, exhibitor_id = ?12, consent_exhibitors = ?13, "
                     "consent_networking = ?14, source = 'roster', updated_at = ?17"),
          clearCodes(db, "DELETE FROM attendee_code WHERE attendee_id = ?"),
          addCode(db, "INSERT OR IGNORE INTO attendee_code (code, attendee_id) VALUES (?, ?)"),
          codeOwner(db, "SELECT attendee_id FROM attendee_code WHERE code = ?") {}
};

void bindAttendee(SQLite::Statement& upsert, const Attendee& a, const char* source, const std::string& stationId) {
    upsert.bind(1, a.id);
    upsert.bind(2, a.badgeCode);
    upsert.bind(3, a.firstName);
    upsert.bind(4, a.lastName);
    upsert.bind(5, a.company);
    upsert.bind(6, a.title);
    upsert.bind(7, a.email);
    upsert.bind(8, a.phone);
    upsert.bind(9, a.country);
    upsert.bind(10, a.ticketType);
    upsert.bind(11, a.role);
    upsert.bind(12, a.exhibitorId);
    upsert.bind(13, a.consentExhibitors ? 1 : 0);
    upsert.bind(14, a.consentNetworking ? 1 : 0);
    upsert.bind(15, source);
    upsert.bind(16, stationId);
    upsert.bind(17, nowMs());
}

// Registers every code of `a`; fails when a code already belongs to someone else.
Status storeCodes(ImportStatements& s, const Attendee& a) {
    s.clearCodes.bind(1, a.id);
    s.clearCodes.exec();
    s.clearCodes.reset();
    std::vector<const std::string*> codes{&a.badgeCode};
    for (const auto& code : a.otherCodes)
        codes.push_back(&code);
    for (const std::string* code : codes) {
        if (code->empty())
            continue;
        s.addCode.bind(1, *code);
        s.addCode.bind(2, a.id);
        const int inserted = s.addCode.exec();
        s.addCode.reset();
        if (inserted == 0) {
            s.codeOwner.bind(1, *code);
            std::string owner = s.codeOwner.executeStep() ? s.codeOwner.getColumn(0).getString() : "";
            s.codeOwner.reset();
            if (owner != a.id)
                return Error::badInput(fmt::format("badge code {} of {} already belongs to attendee {}", *code,
                                                   a.displayName(), owner));
        }
    }
    return Done{};
}

} // namespace

Expected<ImportCounts> AttendeeRepository::importAll(const std::vector<Attendee>& attendees) {
    try {
        SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
        ImportStatements s(m_db);
        ImportCounts counts;
        for (Attendee a : attendees) {
            if (a.badgeCode.empty())
                return Error::badInput(fmt::format("{} has no badge code", a.displayName()));
            if (a.id.empty())
                a.id = attendeeIdForCode(a.badgeCode);
            s.find.bind(1, a.id);
            std::optional<Attendee> existing;
            if (s.find.executeStep())
                existing = readAttendee(s.find);
            s.find.reset();
            if (existing && existing->erased) {
                ++counts.unchanged; // an erasure always wins over a later import
                continue;
            }
            std::sort(a.otherCodes.begin(), a.otherCodes.end());
            if (existing && comparable(*existing) == comparable(a) && otherCodesOf(m_db, a) == a.otherCodes) {
                ++counts.unchanged;
                continue;
            }
            bindAttendee(s.upsert, a, "roster", "");
            s.upsert.exec();
            s.upsert.reset();
            if (auto stored = storeCodes(s, a); !stored)
                return stored.error();
            ++(existing ? counts.updated : counts.added);
        }
        transaction.commit();
        return counts;
    } catch (const SQLite::Exception& e) {
        return Error::world(fmt::format("cannot save the roster: {}", e.what()));
    }
}

std::vector<Attendee> AttendeeRepository::all() const {
    SQLite::Statement query(m_db, fmt::format("SELECT {} FROM attendee a WHERE a.erased_at IS NULL "
                                              "ORDER BY a.last_name COLLATE NOCASE, a.first_name COLLATE NOCASE, a.id",
                                              kColumns));
    std::vector<Attendee> attendees;
    while (query.executeStep())
        attendees.push_back(readAttendee(query));
    return attendees;
}

std::optional<Attendee> AttendeeRepository::byId(const std::string& id) const {
    SQLite::Statement query(m_db, fmt::format("SELECT {} FROM attendee a WHERE a.id = ?", kColumns));
    query.bind(1, id);
    if (!query.executeStep())
        return std::nullopt;
    Attendee a = readAttendee(query);
    a.otherCodes = otherCodesOf(m_db, a);
    return a;
}

std::optional<Attendee> AttendeeRepository::byCode(const std::string& code) const {
    SQLite::Statement query(m_db, "SELECT attendee_id FROM attendee_code WHERE code = ?");
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

Expected<Attendee> AttendeeRepository::addWalkIn(Attendee attendee) {
    try {
        SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
        if (attendee.id.empty())
            attendee.id = attendeeIdForCode(attendee.badgeCode);
        ImportStatements s(m_db);
        SQLite::Statement station(m_db, "SELECT value FROM meta WHERE key = 'station_id'");
        const std::string stationId = station.executeStep() ? station.getColumn(0).getString() : "";
        bindAttendee(s.upsert, attendee, "walk_in", stationId);
        s.upsert.exec();
        if (auto stored = storeCodes(s, attendee); !stored)
            return stored.error();
        transaction.commit();
        return attendee;
    } catch (const SQLite::Exception& e) {
        return Error::world(fmt::format("cannot save walk-in {}: {}", attendee.displayName(), e.what()));
    }
}

int AttendeeRepository::count() const {
    return m_db.execAndGet("SELECT count(*) FROM attendee WHERE erased_at IS NULL").getInt();
}

} // namespace meetscan::core
