#pragma once
// The station side of the outbox (migration 7): what is waiting to be pushed, read as the rows'
// current content, and removed only after the server committed it.
#include "core/sync/pg_connection.hpp"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace meetscan::core {

struct OutboxBatch {
    std::int64_t lastSeq = 0;  // every outbox entry up to here is in this batch
    std::size_t entries = 0;   // outbox entries (a lead scanned five times is five entries, one row)
    std::map<std::string, std::vector<PgRow>, std::less<>> rows; // by outbox table name, once per row
    std::vector<PgRow> attendeeCodes; // (code, attendee_id) of every attendee in `rows`
    [[nodiscard]] bool empty() const { return entries == 0; }
    [[nodiscard]] std::size_t rowCount() const;
};

class Outbox {
public:
    explicit Outbox(SQLite::Database& db) : m_db(db) {}

    // The oldest `maxEntries` entries, with the current content of the rows they name.
    [[nodiscard]] OutboxBatch next(int maxEntries) const;
    // After the server committed a batch.
    void remove(std::int64_t upToSeq);
    [[nodiscard]] int size() const;

private:
    SQLite::Database& m_db;
};

} // namespace meetscan::core
