#include "core/sync/sync_pull.hpp"

#include "core/store/erasure.hpp"
#include "core/sync/pg_array.hpp"
#include "core/sync/sync_tables.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <array>
#include <string_view>

namespace meetscan::core {

namespace {

struct PulledTable {
    const SyncTable* table;
    std::string_view applySql; // one row; parameters in column order
    bool stationNeedsIt;
};

std::string cursorKey(const SyncTable& table) { return fmt::format("pull:{}", table.serverName); }

std::int64_t readCursor(SQLite::Database& db, const SyncTable& table) {
    SQLite::Statement query(db, "SELECT value FROM sync_state WHERE key = ?");
    query.bind(1, cursorKey(table));
    return query.executeStep() ? std::stoll(query.getColumn(0).getString()) : 0;
}

// Rows from the server follow the same rules the server applied: newer roster rows win, erased
// people stay erased, immutable rows are kept once.
std::array<PulledTable, 9> pulledTables() {
    return {{
        {pushedTable("event"),
         "INSERT INTO event (id, name, settings, created_at) VALUES (?, ?, ?, ?) "
         "ON CONFLICT (id) DO UPDATE SET name = excluded.name, settings = excluded.settings",
         true},
        {pushedTable("station"),
         "INSERT INTO station (id, name, mode, exhibitor_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
         "ON CONFLICT (id) DO UPDATE SET name = excluded.name, mode = excluded.mode, exhibitor_id = excluded.exhibitor_id, "
         "updated_at = excluded.updated_at WHERE excluded.updated_at > station.updated_at",
         true},
        {pushedTable("exhibitor"),
         "INSERT INTO exhibitor (id, name, booth, tags, questions, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
         "ON CONFLICT (id) DO UPDATE SET name = excluded.name, booth = excluded.booth, tags = excluded.tags, "
         "questions = excluded.questions, updated_at = excluded.updated_at WHERE excluded.updated_at > exhibitor.updated_at",
         true},
        {pushedTable("attendee"),
         "INSERT INTO attendee (id, badge_code, first_name, last_name, company, title, email, phone, country, "
         "ticket_type, role, exhibitor_id, consent_exhibitors, consent_networking, source, station_id, erased_at, "
         "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
         "badge_code = excluded.badge_code, first_name = excluded.first_name, last_name = excluded.last_name, "
         "company = excluded.company, title = excluded.title, email = excluded.email, phone = excluded.phone, "
         "country = excluded.country, ticket_type = excluded.ticket_type, role = excluded.role, "
         "exhibitor_id = excluded.exhibitor_id, consent_exhibitors = excluded.consent_exhibitors, "
         "consent_networking = excluded.consent_networking, source = excluded.source, station_id = excluded.station_id, "
         "erased_at = excluded.erased_at, updated_at = excluded.updated_at "
         "WHERE excluded.updated_at > attendee.updated_at AND attendee.erased_at IS NULL",
         true},
        {pushedTable("erasure"), "", true},
        {pushedTable("meeting"),
         "INSERT OR IGNORE INTO meeting (id, station_id, at, attendee_a, attendee_b, scan_a, scan_b) "
         "VALUES (?, ?, ?, ?, ?, ?, ?)",
         true},
        {pushedTable("scan"),
         "INSERT OR IGNORE INTO scan (id, station_id, at, mode, raw_text, format, kind, attendee_id, outcome, detail) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         false},
        {pushedTable("lead_edit"),
         "INSERT OR IGNORE INTO lead_edit (id, station_id, exhibitor_id, attendee_id, field, value, staff_id, at) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
         false},
        {&serverLeadTable(),
         "INSERT OR REPLACE INTO lead (id, station_id, exhibitor_id, attendee_id, first_scan_at, last_scan_at, "
         "scan_count, staff_id, rating, tags, answers, note, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         false},
    }};
}

void bindRow(SQLite::Statement& statement, const PgRow& row, std::size_t columns) {
    statement.reset();
    statement.clearBindings();
    for (std::size_t c = 0; c < columns; ++c) {
        const int index = static_cast<int>(c) + 1;
        if (row[c])
            statement.bind(index, *row[c]); // SQLite's column affinity turns "42" back into 42
        else
            statement.bind(index);
    }
}

// The badge codes of pulled people replace theirs here: a revoked code stops scanning.
void applyCodes(PgConnection& server, SQLite::Database& db, const std::vector<std::string>& attendeeIds) {
    auto codes = server.exec("SELECT code, attendee_id FROM attendee_code WHERE attendee_id = ANY($1::text[])",
                             {pgTextArray(attendeeIds)});
    SQLite::Statement clear(db, "DELETE FROM attendee_code WHERE attendee_id = ? "
                                "AND EXISTS (SELECT 1 FROM attendee WHERE id = ?1 AND erased_at IS NULL)");
    for (const auto& id : attendeeIds) {
        clear.reset();
        clear.bind(1, id);
        clear.exec();
    }
    // The server's set holds each badge code too; here that one is found on the row (migration 8).
    SQLite::Statement add(db, "INSERT OR REPLACE INTO attendee_code (code, attendee_id) SELECT ?1, ?2 "
                              "WHERE EXISTS (SELECT 1 FROM attendee WHERE id = ?2 AND erased_at IS NULL) "
                              "AND NOT EXISTS (SELECT 1 FROM attendee WHERE badge_code = ?1)");
    for (const auto& code : codes) {
        add.reset();
        add.bind(1, code[0].value_or(""));
        add.bind(2, code[1].value_or(""));
        add.exec();
    }
}

// Erasure reuses the store's own rule (core/store/erasure.hpp) in its own transaction; it is
// applied before the cursor moves, so a crash in between only repeats it.
void applyErasures(SQLite::Database& db, const std::vector<PgRow>& rows) {
    for (const auto& row : rows) {
        const std::string attendee = row[0].value_or("");
        SQLite::Statement known(db, "SELECT EXISTS (SELECT 1 FROM erasure WHERE attendee_id = ?)");
        known.bind(1, attendee);
        known.executeStep();
        if (known.getColumn(0).getInt() != 0)
            continue;
        if (auto erased = eraseAttendee(db, attendee, row[1].value_or("")); !erased)
            throw SQLite::Exception(erased.error().message);
    }
}

long pullTable(PgConnection& server, SQLite::Database& db, const PulledTable& pulled, int pageSize) {
    const SyncTable& table = *pulled.table;
    const std::size_t width = table.columns.size();
    long applied = 0;
    for (;;) {
        const std::int64_t cursor = readCursor(db, table);
        auto rows = server.exec(fmt::format("SELECT {}, seq FROM {} WHERE seq > $1 ORDER BY seq LIMIT $2",
                                            table.columnList(), table.serverName),
                                {std::to_string(cursor), std::to_string(pageSize)});
        if (rows.empty())
            return applied;
        if (table.outboxName == "erasure")
            applyErasures(db, rows);
        SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
        db.exec("INSERT OR REPLACE INTO sync_state (key, value) VALUES ('applying', '1')");
        if (!pulled.applySql.empty()) {
            SQLite::Statement apply(db, std::string(pulled.applySql));
            for (const auto& row : rows) {
                bindRow(apply, row, width);
                apply.exec();
            }
        }
        if (table.outboxName == "attendee") {
            std::vector<std::string> ids;
            ids.reserve(rows.size());
            for (const auto& row : rows)
                ids.push_back(row[0].value_or(""));
            applyCodes(server, db, ids);
        }
        SQLite::Statement save(db, "INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)");
        save.bind(1, cursorKey(table));
        save.bind(2, rows.back()[width].value_or("0"));
        save.exec();
        db.exec("DELETE FROM sync_state WHERE key = 'applying'");
        transaction.commit();
        applied += static_cast<long>(rows.size());
        if (rows.size() < static_cast<std::size_t>(pageSize))
            return applied;
    }
}

} // namespace

long pullChanges(PgConnection& server, SQLite::Database& db, PullScope scope, int pageSize) {
    long applied = 0;
    for (const auto& pulled : pulledTables())
        if (pulled.stationNeedsIt || scope == PullScope::WholeEvent)
            applied += pullTable(server, db, pulled, pageSize);
    return applied;
}

} // namespace meetscan::core
