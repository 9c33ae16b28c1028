#include "core/sync/outbox.hpp"

#include "core/merge/row_owners.hpp"
#include "core/sync/sync_tables.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <set>

namespace meetscan::core {

namespace {

PgValue textOf(const SQLite::Column& column) {
    if (column.isNull())
        return std::nullopt;
    if (column.isInteger())
        return std::to_string(column.getInt64());
    return column.getString();
}

} // namespace

std::string metaValue(SQLite::Database& db, const std::string& key) {
    SQLite::Statement query(db, "SELECT value FROM meta WHERE key = ?");
    query.bind(1, key);
    return query.executeStep() ? query.getColumn(0).getString() : std::string{};
}

std::size_t OutboxBatch::rowCount() const {
    std::size_t count = 0;
    for (const auto& [table, list] : rows)
        count += list.size();
    return count;
}

OutboxBatch Outbox::next(int maxEntries) const {
    OutboxBatch batch;
    // One read transaction: the entries and the rows they name are one consistent snapshot.
    SQLite::Transaction snapshot(m_db, SQLite::TransactionBehavior::DEFERRED);
    const bool office = databaseRole(m_db) == DatabaseRole::Office;
    batch.fromOffice = office;
    const std::string self = metaValue(m_db, "station_id");
    std::map<std::string, std::set<std::string>, std::less<>> ids;
    SQLite::Statement entries(m_db, "SELECT seq, tbl, row_id FROM sync_outbox ORDER BY seq LIMIT ?");
    entries.bind(1, maxEntries);
    while (entries.executeStep()) {
        batch.lastSeq = entries.getColumn(0).getInt64();
        ++batch.entries;
        ids[entries.getColumn(1).getString()].insert(entries.getColumn(2).getString());
    }
    for (const auto& [name, rowIds] : ids) {
        const SyncTable* table = pushedTable(name);
        if (table == nullptr)
            continue; // written by a newer MeetScan; its rows are not ours to interpret
        // Only rows this database owns leave it; the entries of the others are simply done.
        const auto owned = ownedRowsCondition(*table, office);
        if (owned == "0")
            continue;
        SQLite::Statement query(m_db, fmt::format("SELECT {} FROM {} WHERE {} IN (SELECT value FROM json_each(?1)) AND {}",
                                                  table->columnList(), table->name, table->key, owned));
        query.bind(1, nlohmann::json(rowIds).dump());
        if (owned.find("?2") != std::string::npos)
            query.bind(2, self);
        auto& list = batch.rows[name];
        while (query.executeStep()) {
            PgRow row;
            row.reserve(table->columns.size());
            for (int c = 0; c < query.getColumnCount(); ++c)
                row.push_back(textOf(query.getColumn(c)));
            list.push_back(std::move(row));
        }
    }
    // An attendee's badge codes travel with them: the server replaces that person's whole set,
    // which holds the badge code itself too (here it sits on the row, migration 8).
    if (auto attendees = batch.rows.find("attendee"); office && attendees != batch.rows.end()) {
        std::vector<std::string> pushed;
        for (const auto& row : attendees->second)
            pushed.push_back(row[0].value_or(""));
        SQLite::Statement codes(m_db, "SELECT code, attendee_id FROM attendee_code "
                                      "WHERE attendee_id IN (SELECT value FROM json_each(?1)) "
                                      "UNION ALL SELECT badge_code, id FROM attendee "
                                      "WHERE id IN (SELECT value FROM json_each(?1)) AND erased_at IS NULL");
        codes.bind(1, nlohmann::json(pushed).dump());
        while (codes.executeStep())
            batch.attendeeCodes.push_back({codes.getColumn(0).getString(), codes.getColumn(1).getString()});
    }
    snapshot.commit();
    return batch;
}

void Outbox::remove(std::int64_t upToSeq) {
    SQLite::Statement erase(m_db, "DELETE FROM sync_outbox WHERE seq <= ?");
    erase.bind(1, upToSeq);
    erase.exec();
}

int Outbox::size() const { return m_db.execAndGet("SELECT count(*) FROM sync_outbox").getInt(); }

} // namespace meetscan::core
