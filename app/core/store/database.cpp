#include "core/store/database.hpp"

#include "core/store/migration.hpp"

#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>
#include <fmt/format.h>

#include <optional>
#include <system_error>

namespace meetscan::core {

namespace {

Status migrate(SQLite::Database& db, int upToVersion) {
    for (const Migration& migration : allMigrations()) {
        if (upToVersion >= 0 && migration.version > upToVersion)
            break;
        if (migration.version <= schemaVersion(db))
            continue;
        SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
        // Another process may have migrated while we waited for the write lock.
        if (migration.version <= schemaVersion(db))
            continue;
        db.exec(migration.sql);
        db.exec(fmt::format("PRAGMA user_version = {}", migration.version));
        transaction.commit();
    }
    return Done{};
}

} // namespace

int schemaVersion(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

int latestSchemaVersion() { return allMigrations().back().version; }

namespace {

// Bad input, like any file that is not what it should be: a database with tables of its own but
// none of ours (MeetScan's first migration makes `meta`), or one at a schema this build does not
// know.
std::optional<Error> foreignOrNewer(SQLite::Database& db, const std::filesystem::path& path) {
    const int tables = db.execAndGet("SELECT count(*) FROM sqlite_master WHERE type = 'table'").getInt();
    const bool ours = db.execAndGet("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'")
                          .getInt() > 0;
    if (tables > 0 && !ours)
        return Error::badInput(fmt::format("{} is another program's SQLite database, not a MeetScan event: left as "
                                           "it was",
                                           path.string()));
    if (schemaVersion(db) > latestSchemaVersion())
        return Error::badInput(fmt::format("{} was written by a newer MeetScan (schema {}, this one knows {})",
                                           path.string(), schemaVersion(db), latestSchemaVersion()));
    return std::nullopt;
}

} // namespace

Expected<std::unique_ptr<SQLite::Database>> openDatabase(const std::filesystem::path& path, int upToVersion) {
    std::error_code error;
    if (path.has_parent_path())
        std::filesystem::create_directories(path.parent_path(), error);
    if (error)
        return Error::world(fmt::format("cannot create {}: {}", path.parent_path().string(), error.message()));
    try {
        auto db = std::make_unique<SQLite::Database>(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db->setBusyTimeout(10000);
        // Looked at before anything is written: another program's database, or one from a newer
        // MeetScan, is refused as it is (not even switched to WAL).
        if (auto refused = foreignOrNewer(*db, path))
            return *refused;
        // Only a new, empty file takes it (and only before WAL is on): 16 KiB pages write a
        // 100,000-person roster in a quarter of the WAL frames, one system call pair each, while a
        // scan still dirties only a handful of pages.
        db->exec("PRAGMA page_size = 16384");
        db->exec("PRAGMA journal_mode = WAL");
        db->exec("PRAGMA synchronous = FULL");
        db->exec("PRAGMA foreign_keys = ON");
        db->exec("PRAGMA cache_size = -32768"); // 32 MiB: a 100,000-person roster stays in memory
        if (auto migrated = migrate(*db, upToVersion); !migrated)
            return migrated.error();
        return db;
    } catch (const SQLite::Exception& e) {
        const bool notADatabase = e.getErrorCode() == SQLITE_NOTADB || e.getErrorCode() == SQLITE_CORRUPT;
        if (notADatabase)
            return Error::badInput(fmt::format("{} is not a MeetScan database: {}", path.string(), e.what()));
        return Error::world(fmt::format("cannot open database {}: {}", path.string(), e.what()));
    }
}

} // namespace meetscan::core
