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
    bool fromOffice = false;   // the office also sends badge codes, which it alone owns
    std::size_t entries = 0;   // outbox entries (a lead scanned five times is five entries, one row)
    std::map<std::string, std::vector<PgRow>, std::less<>> rows; // by table name, once per row, owned rows only
    std::vector<PgRow> attendeeCodes; // (code, attendee_id) of every roster attendee in `rows` (the office's)
    [[nodiscard]] bool empty() const { return entries == 0; }
    [[nodiscard]] std::size_t rowCount() const;
};

// This database's `meta` value for `key`, "" when unset.
[[nodiscard]] std::string metaValue(SQLite::Database& db, const std::string& key);

class Outbox {
public:
    explicit Outbox(SQLite::Database& db) : m_db(db) {}

    // The oldest `maxEntries` entries, with the current content of the rows they name that this
    // database owns (sync_tables.hpp): an office sends the event, roster and erasures, a station
    // its own rows. A lead whose surviving copy came from another station after a fold is not
    // sent: that station owns it, and this one's scans carry the facts.
    [[nodiscard]] OutboxBatch next(int maxEntries) const;
    // After the server committed a batch.
    void remove(std::int64_t upToSeq);
    [[nodiscard]] int size() const;

private:
    SQLite::Database& m_db;
};

} // namespace meetscan::core
