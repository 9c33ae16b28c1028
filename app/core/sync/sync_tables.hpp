#pragma once
// The rows that travel between a station's SQLite database and the server: which columns, keyed
// by what. Column names are the same on both sides, so one list serves push, pull and download.
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace meetscan::core {

struct SyncTable {
    std::string_view outboxName; // `sync_outbox.tbl` and the station's table
    std::string_view serverName; // the server's table (a station's `lead` is one `lead_visit` there)
    std::string_view key;        // the global id the rows are keyed by
    std::vector<std::string_view> columns;

    [[nodiscard]] std::string columnList(std::string_view prefix = {}) const;
};

// Every table a station pushes, in the order a batch applies them.
[[nodiscard]] std::span<const SyncTable> pushedTables();
[[nodiscard]] const SyncTable* pushedTable(std::string_view outboxName);

// The server's recomputed lead (one per exhibitor and attendee), with the station's lead columns.
[[nodiscard]] const SyncTable& serverLeadTable();

} // namespace meetscan::core
