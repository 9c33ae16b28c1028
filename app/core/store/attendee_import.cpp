// Writing people into the roster: the bulk import of a registration export and the single
// walk-in. Split from attendee_repository.cpp because the import is built for speed: a
// 100,000-row roster must load in about the time sqlite3's own .import takes.
#include "core/store/attendee_repository.hpp"

#include "core/domain/ulid.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>
#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <optional>
#include <unordered_map>

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

// Views into the row being written, into a vector reused from row to row.
void codesOf(const Attendee& a, std::vector<std::string_view>& codes) {
    codes.assign(1, a.badgeCode);
    for (const auto& code : a.otherCodes)
        if (!code.empty())
            codes.push_back(code);
    if (codes.size() > 1) {
        std::sort(codes.begin(), codes.end());
        codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    }
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

// One import in progress: the transaction is the caller's; rows come one at a time, in any order.
class RosterWriter {
public:
    RosterWriter(SQLite::Database& db, std::size_t expectedRows)
        : m_db(db), m_existing(db),
          m_bulk(expectedRows >= kBulkRows && expectedRows > 2 * m_existing.erasedById.size()),
          m_now(nowMs()) {
        if (m_bulk) {
            m_db.exec(kDropIndexes);
            m_codeArena.reserve(expectedRows * 64); // a ticket secret, an id and two NULs, give or take
            m_newCodes.reserve(expectedRows);
        }
        m_upsert.emplace(m_db, kUpsert);
        m_dropCode.emplace(m_db, "DELETE FROM attendee_code WHERE code = ?");
        m_addCode.emplace(m_db, "INSERT INTO attendee_code (code, attendee_id) VALUES (?, ?)");
    }

    Status write(const Attendee& a) {
        if (a.badgeCode.empty())
            return Error::badInput(fmt::format("{} has no badge code", a.displayName()));
        if (a.id.empty())
            m_id = attendeeIdForCode(a.badgeCode);
        const std::string& id = a.id.empty() ? m_id : a.id;
        const auto found = m_existing.erasedById.find(id);
        const bool existed = found != m_existing.erasedById.end();
        if (existed && found->second) {
            ++m_counts.unchanged; // an erasure always wins over a later import
            return Done{};
        }
        codesOf(a, m_wanted);
        for (const auto& code : m_wanted) {
            m_code.assign(code);
            const auto owner = m_existing.ownerByCode.find(m_code);
            if (owner != m_existing.ownerByCode.end() && owner->second != id)
                return Error::badInput(fmt::format("badge code {} of {} already belongs to attendee {}", code,
                                                   a.displayName(), owner->second));
        }
        bindAttendee(*m_upsert, a, id, "roster", "", m_now);
        const bool rowChanged = m_upsert->exec() > 0;
        m_upsert->reset();

        static const std::vector<std::string> kNone;
        const auto held = m_existing.codesById.find(id);
        const auto& current = held == m_existing.codesById.end() ? kNone : held->second;
        const bool codesChanged = !sameCodes(current, m_wanted);
        if (codesChanged) {
            for (const auto& code : current) {
                if (!std::binary_search(m_wanted.begin(), m_wanted.end(), std::string_view(code))) {
                    m_dropCode->bind(1, code);
                    m_dropCode->exec();
                    m_dropCode->reset();
                }
            }
            for (const auto& code : m_wanted) {
                if (std::binary_search(current.begin(), current.end(), code, std::less<>{}))
                    continue;
                if (m_bulk) {
                    m_newCodes.push_back(m_codeArena.size());
                    m_codeArena.append(code).append(1, '\0').append(id).append(1, '\0');
                } else if (auto added = addCode(a, code, id); !added) {
                    return added;
                }
            }
        }
        if (!existed)
            ++m_counts.added;
        else if (rowChanged || codesChanged)
            ++m_counts.updated;
        else
            ++m_counts.unchanged;
        return Done{};
    }

    Expected<ImportCounts> finish() {
        if (auto added = addBulkCodes(); !added)
            return added.error();
        if (m_bulk)
            m_db.exec(kCreateIndexes);
        return m_counts;
    }

private:
    // A large import's new codes go in together, in key order: appends to the code table's B-tree.
    Status addBulkCodes() {
        const char* arena = m_codeArena.data();
        auto codeAt = [arena](std::size_t at) { return std::string_view(arena + at); };
        std::sort(m_newCodes.begin(), m_newCodes.end(),
                  [&codeAt](std::size_t a, std::size_t b) { return codeAt(a) < codeAt(b); });
        for (std::size_t i = 0; i < m_newCodes.size(); ++i) {
            const std::string_view code = codeAt(m_newCodes[i]);
            const char* id = arena + m_newCodes[i] + code.size() + 1;
            if (i > 0 && codeAt(m_newCodes[i - 1]) == code)
                return Error::badInput(fmt::format("badge code {} of attendee {} already belongs to attendee {}",
                                                   code, id, arena + m_newCodes[i - 1] + code.size() + 1));
            // The arena holds NUL-terminated text and is not touched until the import ends.
            m_addCode->bindNoCopy(1, code.data());
            m_addCode->bindNoCopy(2, id);
            m_addCode->exec();
            m_addCode->reset();
        }
        return Done{};
    }

    // The code table's key keeps a code from belonging to two people in this same import.
    Status addCode(const Attendee& a, std::string_view code, const std::string& id) {
        // Each code views a whole std::string of the row, so data() is NUL-terminated text.
        m_addCode->bindNoCopy(1, code.data());
        m_addCode->bindNoCopy(2, id);
        try {
            m_addCode->exec();
            m_addCode->reset();
            return Done{};
        } catch (const SQLite::Exception& e) {
            m_addCode->tryReset(); // reports the failed step's error again: already being handled
            if ((e.getErrorCode() & 0xFF) != SQLITE_CONSTRAINT) // primary-key violations come as extended codes
                throw;
        }
        SQLite::Statement owner(m_db, "SELECT attendee_id FROM attendee_code WHERE code = ?");
        owner.bind(1, std::string(code));
        const std::string ownerId = owner.executeStep() ? owner.getColumn(0).getString() : "another row";
        return Error::badInput(
            fmt::format("badge code {} of {} already belongs to attendee {}", code, a.displayName(), ownerId));
    }

    SQLite::Database& m_db;
    ExistingRoster m_existing;
    bool m_bulk;
    TimeMs m_now;
    std::optional<SQLite::Statement> m_upsert;
    std::optional<SQLite::Statement> m_dropCode;
    std::optional<SQLite::Statement> m_addCode;
    ImportCounts m_counts;
    std::string m_id;   // reused from row to row
    std::string m_code; // reused from row to row
    std::vector<std::string_view> m_wanted;
    std::string m_codeArena;             // large imports: "code\0id\0" for each new code
    std::vector<std::size_t> m_newCodes; // where each starts in the arena
};

} // namespace

Expected<ImportCounts> AttendeeRepository::importFeed(std::size_t expectedRows, const AttendeeFeed& feed) {
    try {
        SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
        RosterWriter writer(m_db, expectedRows);
        if (auto fed = feed([&writer](const Attendee& a) { return writer.write(a); }); !fed)
            return fed.error();
        auto counts = writer.finish();
        if (!counts)
            return counts.error();
        transaction.commit();
        return counts;
    } catch (const SQLite::Exception& e) {
        return Error::world(fmt::format("cannot save the roster: {}", e.what()));
    }
}

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
    return importFeed(attendees.size(), [&](const AttendeeWriter& write) -> Status {
        for (size_t index : order)
            if (auto written = write(attendees[index]); !written)
                return written;
        return Done{};
    });
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
