// Writing people into the roster: the bulk import of a registration export and the single
// walk-in. Split from attendee_repository.cpp because the import is built for speed: a
// 100,000-row roster must load in about the time sqlite3's own .import takes.
#include "core/store/attendee_repository.hpp"

#include "core/domain/ulid.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

namespace meetscan::core {

namespace {

// Unchanged rows are left alone (changes() == 0), so a re-import of the same export writes nothing.
constexpr const char* kUpsert =
    "INSERT INTO attendee (id, badge_code, first_name, last_name, company, title, email, phone, country, "
    "ticket_type, role, exhibitor_id, consent_exhibitors, consent_networking, source, station_id, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17) "
    "ON CONFLICT (id) DO UPDATE SET badge_code = ?2, first_name = ?3, last_name = ?4, company = ?5, title = ?6, "
    "email = ?7, phone = ?8, country = ?9, ticket_type = ?10, role = ?11, exhibitor_id = ?12, "
    "consent_exhibitors = ?13, consent_networking = ?14, source = ?15, updated_at = ?17 "
    "WHERE badge_code IS NOT ?2 OR first_name IS NOT ?3 OR last_name IS NOT ?4 OR company IS NOT ?5 "
    "OR title IS NOT ?6 OR email IS NOT ?7 OR phone IS NOT ?8 OR country IS NOT ?9 OR ticket_type IS NOT ?10 "
    "OR role IS NOT ?11 OR exhibitor_id IS NOT ?12 OR consent_exhibitors IS NOT ?13 "
    "OR consent_networking IS NOT ?14 OR source IS NOT ?15";

// Secondary indexes are rebuilt in one sorted pass after a large first import rather than
// updated row by row in random order.
constexpr const char* kDropIndexes = "DROP INDEX IF EXISTS attendee_by_email; DROP INDEX IF EXISTS attendee_code_by_attendee;";
constexpr const char* kCreateIndexes =
    "CREATE INDEX IF NOT EXISTS attendee_by_email ON attendee (lower(email)) WHERE email <> ''; "
    "CREATE INDEX IF NOT EXISTS attendee_code_by_attendee ON attendee_code (attendee_id);";
constexpr size_t kBulkRows = 5000;

// The strings outlive exec(), so SQLite may read them in place instead of copying each one.
void bindAttendee(SQLite::Statement& upsert, const Attendee& a, const std::string& id, const char* source,
                  const std::string& stationId, TimeMs now) {
    upsert.bindNoCopy(1, id);
    upsert.bindNoCopy(2, a.badgeCode);
    upsert.bindNoCopy(3, a.firstName);
    upsert.bindNoCopy(4, a.lastName);
    upsert.bindNoCopy(5, a.company);
    upsert.bindNoCopy(6, a.title);
    upsert.bindNoCopy(7, a.email);
    upsert.bindNoCopy(8, a.phone);
    upsert.bindNoCopy(9, a.country);
    upsert.bindNoCopy(10, a.ticketType);
    upsert.bindNoCopy(11, a.role);
    upsert.bindNoCopy(12, a.exhibitorId);
    upsert.bind(13, a.consentExhibitors ? 1 : 0);
    upsert.bind(14, a.consentNetworking ? 1 : 0);
    upsert.bind(15, source);
    upsert.bindNoCopy(16, stationId);
    upsert.bind(17, now);
}

// Views into the caller's rows, which outlive the import: no string is copied per row.
std::vector<std::string_view> codesOf(const Attendee& a) {
    std::vector<std::string_view> codes{a.badgeCode};
    for (const auto& code : a.otherCodes)
        if (!code.empty())
            codes.push_back(code);
    if (codes.size() > 1) {
        std::sort(codes.begin(), codes.end());
        codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    }
    return codes;
}

bool sameCodes(const std::vector<std::string>& held, const std::vector<std::string_view>& wanted) {
    return std::equal(held.begin(), held.end(), wanted.begin(), wanted.end());
}

// What the database holds before the import, read in two sequential scans.
struct ExistingRoster {
    std::unordered_map<std::string, bool> erasedById;
    std::unordered_map<std::string, std::string> ownerByCode;
    std::unordered_map<std::string, std::vector<std::string>> codesById;

    explicit ExistingRoster(SQLite::Database& db) {
        SQLite::Statement people(db, "SELECT id, erased_at IS NOT NULL FROM attendee");
        while (people.executeStep())
            erasedById.emplace(people.getColumn(0).getString(), people.getColumn(1).getInt() != 0);
        SQLite::Statement codes(db, "SELECT code, attendee_id FROM attendee_code ORDER BY code");
        while (codes.executeStep()) {
            auto code = codes.getColumn(0).getString();
            auto owner = codes.getColumn(1).getString();
            codesById[owner].push_back(code);
            ownerByCode.emplace(std::move(code), std::move(owner));
        }
    }
};

} // namespace

Expected<ImportCounts> AttendeeRepository::importAll(const std::vector<Attendee>& attendees) {
    std::vector<std::string> ids(attendees.size());
    for (size_t i = 0; i < attendees.size(); ++i) {
        if (attendees[i].badgeCode.empty())
            return Error::badInput(fmt::format("{} has no badge code", attendees[i].displayName()));
        ids[i] = attendees[i].id.empty() ? attendeeIdForCode(attendees[i].badgeCode) : attendees[i].id;
    }
    // Writing in key order turns the B-tree inserts into appends.
    std::vector<size_t> order(attendees.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return ids[a] < ids[b]; });
    for (size_t i = 1; i < order.size(); ++i)
        if (ids[order[i]] == ids[order[i - 1]])
            return Error::badInput(fmt::format("badge code {} appears twice", attendees[order[i]].badgeCode));

    try {
        SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
        ExistingRoster existing(m_db);
        const bool bulk = attendees.size() >= kBulkRows && attendees.size() > 2 * existing.erasedById.size();
        if (bulk)
            m_db.exec(kDropIndexes);
        SQLite::Statement upsert(m_db, kUpsert);
        SQLite::Statement dropCode(m_db, "DELETE FROM attendee_code WHERE code = ?");
        std::vector<std::pair<std::string_view, std::string_view>> newCodes; // code, attendee id
        newCodes.reserve(attendees.size());
        std::unordered_set<std::string_view> claimedHere;
        claimedHere.reserve(attendees.size());
        ImportCounts counts;
        const TimeMs now = nowMs();
        for (size_t index : order) {
            const Attendee& a = attendees[index];
            const std::string& id = ids[index];
            const auto found = existing.erasedById.find(id);
            const bool existed = found != existing.erasedById.end();
            if (existed && found->second) {
                ++counts.unchanged; // an erasure always wins over a later import
                continue;
            }
            const auto wanted = codesOf(a);
            for (const auto& code : wanted) {
                const auto owner = existing.ownerByCode.find(std::string(code));
                const bool ownedByOther = owner != existing.ownerByCode.end() && owner->second != id;
                if (ownedByOther || !claimedHere.insert(code).second)
                    return Error::badInput(fmt::format("badge code {} of {} already belongs to attendee {}", code,
                                                       a.displayName(),
                                                       ownedByOther ? owner->second : std::string("another row")));
            }
            bindAttendee(upsert, a, id, "roster", "", now);
            const bool rowChanged = upsert.exec() > 0;
            upsert.reset();

            static const std::vector<std::string> kNone;
            const auto held = existing.codesById.find(id);
            const auto& current = held == existing.codesById.end() ? kNone : held->second;
            const bool codesChanged = !sameCodes(current, wanted);
            if (codesChanged) {
                for (const auto& code : current) {
                    if (!std::binary_search(wanted.begin(), wanted.end(), std::string_view(code))) {
                        dropCode.bind(1, code);
                        dropCode.exec();
                        dropCode.reset();
                    }
                }
                for (const auto& code : wanted)
                    if (!std::binary_search(current.begin(), current.end(), std::string(code)))
                        newCodes.emplace_back(code, id);
            }
            if (!existed)
                ++counts.added;
            else if (rowChanged || codesChanged)
                ++counts.updated;
            else
                ++counts.unchanged;
        }
        std::sort(newCodes.begin(), newCodes.end());
        SQLite::Statement addCode(m_db, "INSERT INTO attendee_code (code, attendee_id) VALUES (?, ?)");
        for (const auto& [code, id] : newCodes) {
            // Each view spans a whole std::string, so data() is NUL-terminated text.
            addCode.bindNoCopy(1, code.data());
            addCode.bindNoCopy(2, id.data());
            addCode.exec();
            addCode.reset();
        }
        if (bulk)
            m_db.exec(kCreateIndexes);
        transaction.commit();
        return counts;
    } catch (const SQLite::Exception& e) {
        return Error::world(fmt::format("cannot save the roster: {}", e.what()));
    }
}

Expected<Attendee> AttendeeRepository::addWalkIn(Attendee attendee) {
    try {
        SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
        if (attendee.id.empty())
            attendee.id = attendeeIdForCode(attendee.badgeCode);
        SQLite::Statement owner(m_db, "SELECT attendee_id FROM attendee_code WHERE code = ?");
        owner.bind(1, attendee.badgeCode);
        if (owner.executeStep() && owner.getColumn(0).getString() != attendee.id)
            return Error::badInput(fmt::format("badge code {} already belongs to attendee {}", attendee.badgeCode,
                                               owner.getColumn(0).getString()));
        SQLite::Statement station(m_db, "SELECT value FROM meta WHERE key = 'station_id'");
        const std::string stationId = station.executeStep() ? station.getColumn(0).getString() : "";
        SQLite::Statement upsert(m_db, kUpsert);
        bindAttendee(upsert, attendee, attendee.id, "walk_in", stationId, nowMs());
        upsert.exec();
        SQLite::Statement addCode(m_db, "INSERT OR IGNORE INTO attendee_code (code, attendee_id) VALUES (?, ?)");
        addCode.bind(1, attendee.badgeCode);
        addCode.bind(2, attendee.id);
        addCode.exec();
        transaction.commit();
        return attendee;
    } catch (const SQLite::Exception& e) {
        return Error::world(fmt::format("cannot save walk-in {}: {}", attendee.displayName(), e.what()));
    }
}

} // namespace meetscan::core
