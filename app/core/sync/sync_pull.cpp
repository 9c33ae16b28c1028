#include "core/sync/sync_pull.hpp"

#include "core/merge/merge_rules.hpp"
#include "core/sync/pg_array.hpp"
#include "core/sync/sync_tables.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <map>
#include <vector>

namespace meetscan::core {

namespace {

constexpr const char* kStaging = "pulled";

// Attached for one pull and detached after it (SQLite attaches only outside a transaction), so a
// failed pull leaves no half-filled staging rows for the next one.
class Staging {
public:
    explicit Staging(SQLite::Database& db) : m_db(db) {
        detach(); // left over from a pull whose process died between the two
        attachStaging(m_db, kStaging);
    }
    ~Staging() {
        try {
            detach();
        } catch (const SQLite::Exception&) {
            // A DETACH refused while a statement is open: the next pull detaches it first.
        }
    }
    Staging(const Staging&) = delete;
    Staging& operator=(const Staging&) = delete;

private:
    void detach() {
        SQLite::Statement attached(m_db, "SELECT count(*) FROM pragma_database_list WHERE name = ?");
        attached.bind(1, kStaging);
        attached.executeStep();
        const bool present = attached.getColumn(0).getInt() != 0;
        attached.reset();
        if (present)
            m_db.exec(fmt::format("DETACH DATABASE {}", kStaging));
    }
    SQLite::Database& m_db;
};

struct PulledTable {
    const SyncTable* table;
    bool stationNeedsIt;
};

std::vector<PulledTable> pulledTables() {
    return {
        {pushedTable("station"), true}, {pushedTable("exhibitor"), true}, {pushedTable("attendee"), true},
        {&trustedKeyTable(), true},     {pushedTable("erasure"), true},   {pushedTable("meeting"), true},
        {pushedTable("scan"), false},   {pushedTable("lead"), false},     {pushedTable("lead_edit"), false}};
}

std::string cursorKey(const std::string& schema, std::string_view table) {
    return fmt::format("pull:{}:{}", schema, table);
}

std::int64_t readCursor(SQLite::Database& db, const std::string& key) {
    SQLite::Statement query(db, "SELECT value FROM sync_state WHERE key = ?");
    query.bind(1, key);
    return query.executeStep() ? std::stoll(query.getColumn(0).getString()) : 0;
}

void bindRow(SQLite::Statement& statement, const PgRow& row, std::size_t columns) {
    statement.reset();
    for (std::size_t c = 0; c < columns; ++c) {
        const int index = static_cast<int>(c) + 1;
        if (row[c])
            statement.bind(index, *row[c]); // the staging columns' affinity turns "42" back into 42
        else
            statement.bind(index);
    }
    statement.exec();
}

std::string placeholders(std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i)
        out += i == 0 ? "?" : ", ?";
    return out;
}

// One table's new rows, page by page, into the staging schema. Returns the last seq seen.
std::int64_t stageTable(PgConnection& server, const std::string& schema, SQLite::Database& db,
                        const SyncTable& table, std::int64_t cursor, int pageSize, long& pulled) {
    const std::size_t width = table.columns.size();
    SQLite::Statement insert(db, fmt::format("INSERT INTO {}.{} ({}) VALUES ({})", kStaging, table.name,
                                             table.columnList(), placeholders(width)));
    SQLite::Statement insertCode(
        db, fmt::format("INSERT INTO {}.attendee_code (code, attendee_id) VALUES (?, ?)", kStaging));
    const std::string select = fmt::format("SELECT {}, seq FROM {}.{} WHERE seq > $1 ORDER BY seq LIMIT $2",
                                           table.columnList(), schema, table.name);
    for (;;) {
        auto rows = server.exec(select, {std::to_string(cursor), std::to_string(pageSize)});
        for (const auto& row : rows)
            bindRow(insert, row, width);
        if (table.name == "attendee" && !rows.empty()) {
            // A person's badge codes come with their row: the server's set holds each badge code
            // too, which the fold drops again (the code sits on the row, migration 8).
            std::vector<std::string> ids;
            ids.reserve(rows.size());
            for (const auto& row : rows)
                ids.push_back(row[0].value_or(""));
            auto codes = server.exec(fmt::format("SELECT code, attendee_id FROM {}.attendee_code "
                                                 "WHERE attendee_id = ANY($1::text[])",
                                                 schema),
                                     {pgTextArray(ids)});
            for (const auto& code : codes)
                bindRow(insertCode, code, 2);
        }
        pulled += static_cast<long>(rows.size());
        if (!rows.empty())
            cursor = std::stoll(rows.back()[width].value_or("0"));
        if (rows.size() < static_cast<std::size_t>(pageSize))
            return cursor;
    }
}

} // namespace

Expected<long> pullChanges(PgConnection& server, const std::string& schema, SQLite::Database& db,
                           PullScope scope, int pageSize) {
    Staging staging(db);
    long pulled = 0;
    std::map<std::string, std::int64_t> cursors;
    std::vector<PgRow> events;
    {
        // Writes only the staging schema, so the kiosk's own writes never wait on the network.
        SQLite::Transaction fill(db, SQLite::TransactionBehavior::DEFERRED);
        for (const auto& [table, stationNeedsIt] : pulledTables()) {
            if (!stationNeedsIt && scope != PullScope::WholeEvent)
                continue;
            const auto key = cursorKey(schema, table->name);
            const auto before = readCursor(db, key);
            if (const auto after = stageTable(server, schema, db, *table, before, pageSize, pulled);
                after != before)
                cursors[key] = after;
        }
        const auto eventKey = cursorKey(schema, "event");
        events =
            server.exec(fmt::format("SELECT id, name, settings, created_at, seq FROM {}.event WHERE seq > $1 "
                                    "ORDER BY seq",
                                    schema),
                        {std::to_string(readCursor(db, eventKey))});
        if (!events.empty())
            cursors[eventKey] = std::stoll(events.back()[4].value_or("0"));
        fill.commit();
    }
    if (cursors.empty())
        return 0L;

    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    db.exec("INSERT OR REPLACE INTO sync_state (key, value) VALUES ('applying', '1')");
    // The event's name and settings are the office's; the fold leaves `event` to its owner. A
    // kiosk that joined with a set-up code gets its event row from the first pull.
    SQLite::Statement event(db, "INSERT INTO event (id, name, settings, created_at) SELECT ?1, ?2, ?3, ?4 "
                                "WHERE ?1 = (SELECT value FROM meta WHERE key = 'event_id') "
                                "ON CONFLICT (id) DO UPDATE SET name = excluded.name, settings = excluded.settings");
    for (const auto& row : events)
        bindRow(event, row, 4);
    auto folded = foldAttached(db, kStaging);
    if (!folded)
        return Error{folded.error().kind, fmt::format("rows from the server: {}", folded.error().message)};
    SQLite::Statement save(db, "INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)");
    for (const auto& [key, value] : cursors) {
        save.reset();
        save.bind(1, key);
        save.bind(2, std::to_string(value));
        save.exec();
    }
    db.exec("DELETE FROM sync_state WHERE key = 'applying'");
    transaction.commit();
    return pulled;
}

} // namespace meetscan::core
