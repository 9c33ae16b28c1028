// Writing people into the roster: the bulk import of a registration export and the single
// walk-in. Split from attendee_repository.cpp because the import is built for speed: a
// 100,000-row roster must load in about the time sqlite3's own .import takes.
#include "core/store/attendee_repository.hpp"
#include "core/store/hybrid_clock.hpp"

#include "core/domain/ulid.hpp"
#include "core/store/bulk_write_journal.hpp"
#include "core/store/event_repository.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <numeric>
#include <optional>
#include <stop_token>
#include <thread>
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

// What a large first import sets aside and puts back, as the schema defines them, before its
// transaction commits: the secondary indexes, rebuilt in one sorted pass each instead of updated
// row by row in random order, and the attendee outbox triggers, replaced by one set-based
// statement (queueImported) instead of a trigger program run per row.
constexpr std::array kBulkIndexes{"attendee_by_email", "attendee_by_badge_code", "attendee_code_by_attendee"};
constexpr std::array kBulkTriggers{"attendee_outbox_insert", "attendee_outbox_update"};
constexpr size_t kBulkRows = 5000;

// New people go in through a plain INSERT of many rows at once: one statement step per 64 rows
// instead of one per row, and no conflict clause to plan for rows that cannot conflict. OR FAIL:
// a statement that may abort half-way must first copy every page it changes to a statement
// journal (for a bulk import, the growing right edge of each B-tree, 64 rows at a time, most of
// the import's system calls); a failing row fails the whole import, whose transaction then rolls
// back what its statement had written before it.
constexpr const char* kInsertHead =
    "INSERT OR FAIL INTO attendee (id, badge_code, first_name, last_name, company, title, email, phone, country, "
    "ticket_type, role, exhibitor_id, consent_exhibitors, consent_networking, source, station_id, updated_at) VALUES ";
constexpr int kPersonColumns = 14; // what differs from person to person: id ... consent_networking
constexpr std::size_t kRowsPerInsert = 64; // 64 x 14 parameters, well under SQLite's 32,766
constexpr std::size_t kCodesPerInsert = 256;

// `rows` rows of `columns` parameters each, then `tail` (", 'roster', ''" ...) as written.
std::string valuesList(std::size_t rows, int columns, const std::string& tail = "") {
    std::string row = "(?";
    for (int i = 1; i < columns; ++i)
        row += ",?";
    row += tail;
    row += ')';
    std::string list;
    list.reserve(rows * (row.size() + 1));
    for (std::size_t i = 0; i < rows; ++i)
        list.append(i == 0 ? "" : ",").append(row);
    return list;
}

// The strings outlive exec(), so SQLite may read them in place instead of copying each one.
// `base` is the parameter index before this row's first (0 for a single-row statement).
void bindPerson(SQLite::Statement& statement, int base, const Attendee& a, const std::string& id) {
    statement.bindNoCopy(base + 1, id);
    statement.bindNoCopy(base + 2, a.badgeCode);
    statement.bindNoCopy(base + 3, a.firstName);
    statement.bindNoCopy(base + 4, a.lastName);
    statement.bindNoCopy(base + 5, a.company);
    statement.bindNoCopy(base + 6, a.title);
    statement.bindNoCopy(base + 7, a.email);
    statement.bindNoCopy(base + 8, a.phone);
    statement.bindNoCopy(base + 9, a.country);
    statement.bindNoCopy(base + 10, a.ticketType);
    statement.bindNoCopy(base + 11, a.role);
    statement.bindNoCopy(base + 12, a.exhibitorId);
    statement.bind(base + 13, a.consentExhibitors ? 1 : 0);
    statement.bind(base + 14, a.consentNetworking ? 1 : 0);
}

void bindAttendee(SQLite::Statement& statement, int base, const Attendee& a, const std::string& id,
                  const char* source, const std::string& stationId, TimeMs now) {
    bindPerson(statement, base, a, id);
    statement.bindNoCopy(base + 15, source); // a string literal
    statement.bindNoCopy(base + 16, stationId);
    statement.bind(base + 17, now);
}

bool isConstraintError(const SQLite::Exception& e) {
    return (e.getErrorCode() & 0xFF) == SQLITE_CONSTRAINT; // key violations come as extended codes
}

// The person's further codes (their badge code sits on their row), as views into the row being
// written, into a vector reused from row to row; sorted, without repeats.
void codesOf(const Attendee& a, std::vector<std::string_view>& codes) {
    codes.clear();
    for (const auto& code : a.otherCodes)
        if (!code.empty() && code != a.badgeCode)
            codes.push_back(code);
    if (codes.size() > 1) {
        std::sort(codes.begin(), codes.end());
        codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    }
}

bool sameCodes(const std::vector<std::string>& held, const std::vector<std::string_view>& wanted) {
    return std::equal(held.begin(), held.end(), wanted.begin(), wanted.end());
}

// What the database holds before the import, read in two sequential scans. `ownerByCode` has
// every code, badge codes and further codes alike; `codesById` the further codes only.
struct ExistingRoster {
    std::unordered_map<std::string, bool> erasedById;
    std::unordered_map<std::string, std::string> ownerByCode;
    std::unordered_map<std::string, std::vector<std::string>> codesById;

    explicit ExistingRoster(SQLite::Database& db) {
        SQLite::Statement people(db, "SELECT id, erased_at IS NOT NULL, badge_code FROM attendee");
        while (people.executeStep()) {
            auto id = people.getColumn(0).getString();
            ownerByCode.emplace(people.getColumn(2).getString(), id);
            erasedById.emplace(std::move(id), people.getColumn(1).getInt() != 0);
        }
        SQLite::Statement codes(db, "SELECT code, attendee_id FROM attendee_code ORDER BY code");
        while (codes.executeStep()) {
            auto code = codes.getColumn(0).getString();
            auto owner = codes.getColumn(1).getString();
            codesById[owner].push_back(code);
            ownerByCode.emplace(std::move(code), std::move(owner));
        }
    }
};

// Indexes and triggers dropped for a bulk write and created again from their own definitions.
// DDL is transactional in SQLite: an import that fails rolls their drop back with its rows.
class SchemaStash {
public:
    template <std::size_t N>
    SchemaStash(SQLite::Database& db, const std::array<const char*, N>& names) : m_db(db) {
        SQLite::Statement query(db, "SELECT type, sql FROM sqlite_schema WHERE name = ? AND sql IS NOT NULL");
        for (const char* name : names) {
            query.bind(1, name);
            if (!query.executeStep())
                continue;
            const std::string drop = query.getColumn(0).getString() == "trigger" ? "TRIGGER" : "INDEX";
            m_definitions.push_back(query.getColumn(1).getString());
            query.reset(); // a schema table being read cannot be changed
            m_db.exec(fmt::format("DROP {} {}", drop, name));
        }
    }

    void restore() {
        for (const auto& definition : m_definitions)
            m_db.exec(definition);
        m_definitions.clear();
    }

private:
    SQLite::Database& m_db;
    std::vector<std::string> m_definitions;
};

// One import in progress: the transaction is the caller's; rows come one at a time, in any order.
// New people wait in `m_pending` (views of rows the caller keeps alive until flush()) and go in
// 64 at a time.
class RosterWriter {
public:
    RosterWriter(SQLite::Database& db, std::size_t expectedRows)
        : m_db(db), m_existing(db),
          m_bulk(expectedRows >= kBulkRows && expectedRows > 2 * m_existing.erasedById.size()),
          m_now(hybridClockTick(db, OrderedRows::OfficeRows, nowMs())) {
        if (m_bulk) {
            m_indexes.emplace(m_db, kBulkIndexes);
            m_triggers.emplace(m_db, kBulkTriggers);
        }
        m_upsert.emplace(m_db, kUpsert);
        // What every new person of this import shares is written into the statement, not bound
        // 100,000 times.
        const std::string shared = fmt::format(",'roster','',{}", m_now);
        m_insertMany.emplace(m_db, kInsertHead + valuesList(kRowsPerInsert, kPersonColumns, shared));
        m_insertOne.emplace(m_db, kInsertHead + valuesList(1, kPersonColumns, shared));
        m_dropCode.emplace(m_db, "DELETE FROM attendee_code WHERE code = ?");
        m_addCode.emplace(m_db, "INSERT INTO attendee_code (code, attendee_id) VALUES (?, ?)");
        m_addCodes.emplace(m_db, "INSERT INTO attendee_code (code, attendee_id) VALUES " +
                                     valuesList(kCodesPerInsert, 2));
        m_pending.reserve(kRowsPerInsert);
    }

    [[nodiscard]] bool bulk() const { return m_bulk; }

    // `a` must stay as it is until the next flush(): a new person is written from it then.
    Status write(const Attendee& a) {
        if (a.badgeCode.empty())
            return Error::badInput(fmt::format("{} has no badge code", a.displayName()));
        std::string& id = m_pendingIds[m_pending.size()];
        if (a.id.empty())
            id = attendeeIdForCode(a.badgeCode);
        else
            id.assign(a.id);
        // Into an empty roster (the usual first import) nobody can be found: no need to hash.
        const auto found = m_existing.erasedById.empty() ? m_existing.erasedById.end() : m_existing.erasedById.find(id);
        const bool existed = found != m_existing.erasedById.end();
        if (existed && found->second) {
            ++m_counts.unchanged; // an erasure always wins over a later import
            return Done{};
        }
        codesOf(a, m_wanted);
        for (std::size_t i = 0; i <= m_wanted.size() && !m_existing.ownerByCode.empty(); ++i) {
            const std::string_view code = i == 0 ? std::string_view(a.badgeCode) : m_wanted[i - 1];
            m_code.assign(code);
            const auto owner = m_existing.ownerByCode.find(m_code);
            if (owner != m_existing.ownerByCode.end() && owner->second != id)
                return Error::badInput(fmt::format("badge code {} of {} already belongs to attendee {}", code,
                                                   a.displayName(), owner->second));
        }
        bool rowChanged = true;
        if (existed) {
            bindAttendee(*m_upsert, 0, a, id, "roster", "", m_now);
            rowChanged = m_upsert->exec() > 0;
            m_upsert->reset();
        }

        static const std::vector<std::string> kNone;
        const auto held = m_existing.codesById.empty() ? m_existing.codesById.end() : m_existing.codesById.find(id);
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
                ++m_codesAdded;
                if (m_bulk) {
                    m_newCodes.push_back(m_codeArena.size());
                    m_codeArena.append(code).append(1, '\0').append(id).append(1, '\0');
                } else if (auto added = addCode(a, code, id); !added) {
                    return added;
                }
            }
        }
        if (!existed) {
            ++m_counts.added;
            m_pending.push_back(&a); // its id stays in m_pendingIds at the same place
            if (m_pending.size() == kRowsPerInsert)
                return flush();
        } else if (rowChanged || codesChanged) {
            ++m_counts.updated;
        } else {
            ++m_counts.unchanged;
        }
        return Done{};
    }

    // Writes the new people held back so far; after it the caller may reuse their rows.
    Status flush() {
        if (m_pending.empty())
            return Done{};
        const bool whole = m_pending.size() == kRowsPerInsert;
        auto& statement = whole ? *m_insertMany : *m_insertOne;
        std::size_t row = 0; // the single-row statement's current row
        try {
            if (whole) {
                for (std::size_t i = 0; i < m_pending.size(); ++i)
                    bindPerson(statement, static_cast<int>(i) * kPersonColumns, *m_pending[i], m_pendingIds[i]);
                statement.exec();
                statement.reset();
            } else {
                for (; row < m_pending.size(); ++row) {
                    bindPerson(statement, 0, *m_pending[row], m_pendingIds[row]);
                    statement.exec();
                    statement.reset();
                }
            }
        } catch (const SQLite::Exception& e) {
            statement.tryReset();
            if (!isConstraintError(e))
                throw;
            // A many-row statement failed at the row after those it wrote (OR FAIL keeps them).
            const std::string& id = whole ? duplicateId() : m_pendingIds[row];
            return Error::badInput(fmt::format("attendee {} appears twice in the roster", id));
        }
        m_pending.clear();
        return Done{};
    }

    Expected<ImportCounts> finish() {
        if (auto flushed = flush(); !flushed)
            return flushed.error();
        if (auto added = addBulkCodes(); !added)
            return added.error();
        if (m_indexes) {
            if (auto rebuilt = rebuildIndexes(); !rebuilt)
                return rebuilt.error();
        }
        if (m_triggers) {
            m_triggers->restore();
            queueImported();
        }
        if (m_codesAdded > 0) {
            if (auto unique = checkCodesAgainstBadges(); !unique)
                return unique.error();
        }
        return m_counts;
    }

private:
    Status rebuildIndexes() {
        try {
            m_indexes->restore();
            return Done{};
        } catch (const SQLite::Exception& e) {
            if (!isConstraintError(e))
                throw;
        }
        // Only rows given their own ids (not derived from their codes) can get here.
        SQLite::Statement twice(m_db, "SELECT badge_code, min(id), max(id) FROM attendee "
                                      "GROUP BY badge_code HAVING count(*) > 1 LIMIT 1");
        if (!twice.executeStep())
            return Error::badInput("a badge code appears twice in the roster");
        return Error::badInput(fmt::format("badge code {} of attendee {} already belongs to attendee {}",
                                           twice.getColumn(0).getString(), twice.getColumn(2).getString(),
                                           twice.getColumn(1).getString()));
    }

    // What the outbox triggers would have queued, in one statement: everyone this import added or
    // changed carries its time, and nobody else can have written in its transaction. (Should an
    // entry for one of them be waiting already, a batch still reads and pushes the row once.)
    void queueImported() {
        SQLite::Statement queue(m_db, "INSERT INTO sync_outbox (tbl, row_id) SELECT 'attendee', id FROM attendee "
                                      "WHERE updated_at = ? AND NOT EXISTS "
                                      "(SELECT 1 FROM sync_state WHERE key = 'applying') ORDER BY id");
        queue.bind(1, m_now);
        queue.exec();
    }

    // A further code must not be anyone else's badge code: those are told apart by two keys (the
    // badge-code index and the code table's), so one query over this import's result checks both.
    Status checkCodesAgainstBadges() {
        SQLite::Statement clash(m_db, "SELECT c.code, a.id, o.first_name, o.last_name FROM attendee_code c "
                                      "JOIN attendee a ON a.badge_code = c.code JOIN attendee o ON o.id = c.attendee_id "
                                      "WHERE a.id <> c.attendee_id LIMIT 1");
        if (!clash.executeStep())
            return Done{};
        Attendee claimant;
        claimant.firstName = clash.getColumn(2).getString();
        claimant.lastName = clash.getColumn(3).getString();
        return Error::badInput(fmt::format("badge code {} of {} already belongs to attendee {}",
                                           clash.getColumn(0).getString(), claimant.displayName(),
                                           clash.getColumn(1).getString()));
    }

    // Which held-back person was already in the table (or held back twice), after the many-row
    // statement failed: the one after the rows it wrote. For the message only.
    const std::string& duplicateId() {
        static const std::string kUnknown = "?";
        const auto written = static_cast<std::size_t>(m_db.getChanges());
        return written < m_pending.size() ? m_pendingIds[written] : kUnknown;
    }

    // A large import's new codes go in together, in key order: appends to the code table's B-tree.
    Status addBulkCodes() {
        const char* arena = m_codeArena.data();
        auto codeAt = [arena](std::size_t at) { return std::string_view(arena + at); };
        // strcmp orders NUL-free text as SQLite's BINARY collation does, without measuring it first.
        std::sort(m_newCodes.begin(), m_newCodes.end(),
                  [arena](std::size_t a, std::size_t b) { return std::strcmp(arena + a, arena + b) < 0; });
        for (std::size_t i = 1; i < m_newCodes.size(); ++i) {
            const std::string_view code = codeAt(m_newCodes[i]);
            if (codeAt(m_newCodes[i - 1]) == code)
                return Error::badInput(fmt::format("badge code {} of attendee {} already belongs to attendee {}",
                                                   code, arena + m_newCodes[i] + code.size() + 1,
                                                   arena + m_newCodes[i - 1] + code.size() + 1));
        }
        // The arena holds NUL-terminated text and is not touched until the import ends.
        auto bindCode = [&](SQLite::Statement& statement, int base, std::size_t at) {
            statement.bindNoCopy(base + 1, arena + at);
            statement.bindNoCopy(base + 2, arena + at + codeAt(at).size() + 1);
        };
        std::size_t i = 0;
        for (; i + kCodesPerInsert <= m_newCodes.size(); i += kCodesPerInsert) {
            for (std::size_t k = 0; k < kCodesPerInsert; ++k)
                bindCode(*m_addCodes, static_cast<int>(k) * 2, m_newCodes[i + k]);
            m_addCodes->exec();
            m_addCodes->reset();
        }
        for (; i < m_newCodes.size(); ++i) {
            bindCode(*m_addCode, 0, m_newCodes[i]);
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
            if (!isConstraintError(e))
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
    std::optional<SQLite::Statement> m_insertMany;
    std::optional<SQLite::Statement> m_insertOne;
    std::optional<SQLite::Statement> m_dropCode;
    std::optional<SQLite::Statement> m_addCode;
    std::optional<SQLite::Statement> m_addCodes;
    ImportCounts m_counts;
    std::vector<const Attendee*> m_pending;               // new people not written yet
    std::array<std::string, kRowsPerInsert> m_pendingIds; // their ids; reused from row to row
    std::string m_code;                                   // reused from row to row
    std::vector<std::string_view> m_wanted;
    std::string m_codeArena;             // large imports: "code\0id\0" for each new further code
    std::vector<std::size_t> m_newCodes; // where each starts in the arena
    std::size_t m_codesAdded = 0;        // further codes this import gives someone
    std::optional<SchemaStash> m_indexes;  // large imports only
    std::optional<SchemaStash> m_triggers; // large imports only
};

// The feed (reading and checking the export) runs on a thread of its own while the caller's
// thread writes: rows travel in batches, copied into a few reused batches so that no row
// allocates once their strings have grown. Only the caller's thread touches the connection.
class FeedPipeline {
public:
    static constexpr std::size_t kBatchRows = 4 * kRowsPerInsert;

    explicit FeedPipeline(const AttendeeRepository::AttendeeFeed& feed) {
        for (auto& batch : m_batches)
            m_free.push_back(&batch);
        m_thread = std::jthread([this, &feed](std::stop_token stop) { produce(feed, stop); });
    }

    struct Batch {
        std::vector<Attendee> rows; // the first `size` are this batch's
        std::size_t size = 0;
    };

    // The next batch to write, or nullptr when the feed has ended (see result()).
    Batch* next() {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_full.empty() || m_fed.has_value(); });
        if (m_full.empty())
            return nullptr;
        Batch* batch = m_full.front();
        m_full.pop_front();
        return batch;
    }

    void recycle(Batch* batch) {
        batch->size = 0;
        {
            std::lock_guard lock(m_mutex);
            m_free.push_back(batch);
        }
        m_changed.notify_all();
    }

    // What the feed returned; only once next() has returned nullptr.
    Status result() {
        std::lock_guard lock(m_mutex);
        return *m_fed;
    }

private:
    Batch* takeFree(const std::stop_token& stop) {
        std::unique_lock lock(m_mutex);
        if (!m_changed.wait(lock, stop, [this] { return !m_free.empty(); }))
            return nullptr;
        Batch* batch = m_free.back();
        m_free.pop_back();
        return batch;
    }

    void hand(Batch* batch) {
        {
            std::lock_guard lock(m_mutex);
            m_full.push_back(batch);
        }
        m_changed.notify_all();
    }

    void produce(const AttendeeRepository::AttendeeFeed& feed, const std::stop_token& stop) {
        const Status stopped = Error::world("the roster import was stopped");
        Batch* batch = takeFree(stop);
        Status fed = Done{};
        try {
            fed = feed([&](const Attendee& a) -> Status {
                if (batch == nullptr)
                    return stopped;
                if (batch->size == batch->rows.size())
                    batch->rows.emplace_back();
                batch->rows[batch->size++] = a; // assignment keeps the strings' capacity
                if (batch->size == kBatchRows) {
                    hand(batch);
                    batch = takeFree(stop);
                }
                return Done{};
            });
        } catch (const std::exception& e) {
            fed = Error::world(fmt::format("cannot read the roster: {}", e.what()));
        }
        if (batch != nullptr && batch->size > 0)
            hand(batch);
        {
            std::lock_guard lock(m_mutex);
            m_fed = fed;
        }
        m_changed.notify_all();
    }

    std::array<Batch, 3> m_batches;
    std::mutex m_mutex;
    std::condition_variable_any m_changed;
    std::vector<Batch*> m_free;
    std::deque<Batch*> m_full;
    std::optional<Status> m_fed;
    std::jthread m_thread; // last: stopped and joined before the batches go
};

// How much page cache an import may use. A bulk import writes every page in key order and never
// again, so a small cache spills each page to the WAL once, when it is full, exactly as the commit
// would have written it; holding all of them instead costs a fresh page of memory for each (on a
// virtual machine a fresh page costs more than writing it to the WAL). Any other import updates rows
// where they are, and keeps them in memory until the commit so that no page is written twice.
class ImportCache {
public:
    ImportCache(SQLite::Database& db, std::size_t expectedRows, bool bulk)
        : m_db(db), m_kib(db.execAndGet("PRAGMA cache_size").getInt()) {
        const long large = -static_cast<long>(std::min<std::size_t>(expectedRows, 4'000'000)) / 2; // 512 B a row
        const long wanted = bulk ? -kBulkCacheKib : std::min<long>(large, m_kib);
        if (wanted != m_kib)
            m_db.exec(fmt::format("PRAGMA cache_size = {}", wanted));
    }
    ~ImportCache() {
        try {
            m_db.exec(fmt::format("PRAGMA cache_size = {}", m_kib));
        } catch (const SQLite::Exception&) {
            // Only the cache's size is lost: the connection works on with the other one.
        }
    }
    ImportCache(const ImportCache&) = delete;
    ImportCache& operator=(const ImportCache&) = delete;

private:
    static constexpr long kBulkCacheKib = 2048;

    SQLite::Database& m_db;
    int m_kib; // negative: KiB, as PRAGMA cache_size reports it
};

} // namespace

Expected<ImportCounts> AttendeeRepository::importFeed(std::size_t expectedRows, const AttendeeFeed& feed) {
    try {
        std::optional<BulkWriteJournal> journal; // outlives the transaction
        if (expectedRows >= kBulkRows)
            journal.emplace(m_db);
        SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
        RosterWriter writer(m_db, expectedRows);
        ImportCache cache(m_db, expectedRows, writer.bulk());
        {
            FeedPipeline pipeline(feed); // stops and joins the feed's thread on every way out
            while (FeedPipeline::Batch* batch = pipeline.next()) {
                for (std::size_t i = 0; i < batch->size; ++i)
                    if (auto written = writer.write(batch->rows[i]); !written)
                        return written.error();
                if (auto flushed = writer.flush(); !flushed)
                    return flushed.error();
                pipeline.recycle(batch);
            }
            if (auto fed = pipeline.result(); !fed)
                return fed.error();
        }
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
        SQLite::Statement owner(m_db, "SELECT id FROM attendee WHERE badge_code = ?1 AND id <> ?2 "
                                      "UNION ALL SELECT attendee_id FROM attendee_code WHERE code = ?1 LIMIT 1");
        owner.bind(1, attendee.badgeCode);
        owner.bind(2, attendee.id);
        if (owner.executeStep() && owner.getColumn(0).getString() != attendee.id)
            return Error::badInput(fmt::format("badge code {} already belongs to attendee {}", attendee.badgeCode,
                                               owner.getColumn(0).getString()));
        const std::string stationId = EventRepository(m_db).metaValue("station_id");
        // A walk-in is this station's own row: it never takes over a roster row or an erased
        // person's (the office owns those), nor another station's walk-in.
        SQLite::Statement existing(m_db, "SELECT source, station_id, erased_at IS NOT NULL FROM attendee WHERE id = ?");
        existing.bind(1, attendee.id);
        if (existing.executeStep() && (existing.getColumn(0).getString() != "walk_in" ||
                                       existing.getColumn(1).getString() != stationId || existing.getColumn(2).getInt() != 0))
            return Error::badInput(fmt::format("badge code {} belongs to a person this station may not change",
                                               attendee.badgeCode));
        SQLite::Statement upsert(m_db, kUpsert);
        bindAttendee(upsert, 0, attendee, attendee.id, "walk_in", stationId, nowMs());
        upsert.exec(); // the badge code is found through the row's own index
        transaction.commit();
        return attendee;
    } catch (const SQLite::Exception& e) {
        return Error::world(fmt::format("cannot save walk-in {}: {}", attendee.displayName(), e.what()));
    }
}

} // namespace meetscan::core
