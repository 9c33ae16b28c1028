#pragma once
// The rows that travel between a station's SQLite database and its event's schema on the server:
// which columns, keyed by what, and who owns them. Column names are the same on both sides, so
// one list serves push, pull, download and the fold's staging schema.
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace meetscan::core {

// Who may write a table's rows (DESIGN.md, "One event, many stations").
enum class RowOwner {
    Office,      // event, exhibitors, the roster, badge codes, trusted keys, erasures
    Station,     // rows carrying the writing station's id: scans, meetings, leads, lead edits
    StationSelf, // the station's own `station` row (keyed by its id)
    Attendee,    // roster people are the office's, walk-ins the station's that met them
};

struct SyncTable {
    std::string_view name; // the same on the station and in the event's schema
    std::string_view key;  // the global id the rows are keyed by
    RowOwner owner;
    std::vector<std::string_view> columns;

    [[nodiscard]] std::string columnList(std::string_view prefix = {}) const;
};

// Every table a station or the office pushes, in the order a batch applies them.
[[nodiscard]] std::span<const SyncTable> pushedTables();
[[nodiscard]] const SyncTable* pushedTable(std::string_view name);

// Trusted badge keys: the office's, pushed whole each round (there is no outbox trigger on them).
[[nodiscard]] const SyncTable& trustedKeyTable();

// Which of a table's rows the pushing database owns, as an SQLite condition on the row; `?2` is
// the database's own station id. "0" when it owns none of them.
[[nodiscard]] std::string ownedRowsCondition(const SyncTable& table, bool office);

} // namespace meetscan::core
