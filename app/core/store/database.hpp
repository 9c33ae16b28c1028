#pragma once
#include "meetscan/scanner/expected.hpp"

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <memory>

namespace meetscan::core {

// Opens an event database: creates its folder and file on first use, sets WAL, synchronous=FULL
// (a scan is on disk before the screen says "saved") and foreign keys, and runs every pending
// migration. `upToVersion` stops early; only the migration tests use it.
Expected<std::unique_ptr<SQLite::Database>> openDatabase(const std::filesystem::path& path, int upToVersion = -1);

// The schema version a database is at (PRAGMA user_version).
[[nodiscard]] int schemaVersion(SQLite::Database& db);
[[nodiscard]] int latestSchemaVersion();

} // namespace meetscan::core
