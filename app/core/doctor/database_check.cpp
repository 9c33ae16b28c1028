#include "core/doctor/doctor.hpp"

#include "core/store/database.hpp"
#include "core/store/event_repository.hpp"
#include "core/store/key_repository.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <memory>

namespace meetscan::core {

namespace {

constexpr int kKeysFromVersion = 6; // trusted_key and signing_key arrived with migration 6

CheckResult checkKeys(SQLite::Database& db) {
    CheckResult result{"keys", CheckResult::Level::Ok, "", ""};
    if (schemaVersion(db) < kKeysFromVersion) {
        result.level = CheckResult::Level::Warn;
        result.detail = "the database predates badge keys";
        result.fix = "run any meetscan command on it once to upgrade it, then `meetscan keys generate`";
        return result;
    }
    KeyRepository keys(db);
    int meetscanKeys = 0;
    int pretixKeys = 0;
    for (const auto& key : keys.all())
        (key.kind == "pretix" ? pretixKeys : meetscanKeys) += 1;
    const bool signing = keys.signingKey().has_value();
    if (meetscanKeys + pretixKeys == 0) {
        result.level = CheckResult::Level::Warn;
        result.detail = "no trusted badge key: signed MS1 badges and pretix tickets are refused, plain codes still work";
        result.fix = "`meetscan keys generate` (badges printed by MeetScan), `meetscan keys trust KEY` or "
                     "`meetscan keys add-pretix KEY`";
        return result;
    }
    result.detail = fmt::format("{} MeetScan and {} pretix keys trusted; {}", meetscanKeys, pretixKeys,
                                signing ? "this database can sign badges" : "no signing key here (badges are printed elsewhere)");
    return result;
}

CheckResult checkAdminPin(SQLite::Database& db) {
    CheckResult result{"admin_pin", CheckResult::Level::Ok, "", ""};
    const std::string hash = EventRepository(db).event().settings.adminPinHash;
    if (hash.empty()) {
        result.level = CheckResult::Level::Fail;
        result.detail = "no admin PIN set: the kiosk will not start without one (there is no default PIN)";
        result.fix = "`meetscan admin set-pin` (or `meetscan init --admin-pin PIN`)";
    } else if (hash.rfind("$argon2", 0) != 0 && hash.rfind("$7$", 0) != 0) {
        result.level = CheckResult::Level::Fail;
        result.detail = "the stored admin PIN is not a password hash: no PIN will open the admin panel";
        result.fix = "set it again: `meetscan admin set-pin`";
    } else {
        result.detail = "set (stored as a password hash)";
    }
    return result;
}

// This station's mode, from its own row; nullopt when the database has none yet.
std::optional<Mode> stationMode(SQLite::Database& db) {
    try {
        const Station station = EventRepository(db).station();
        if (station.id.empty())
            return std::nullopt;
        return station.mode;
    } catch (const SQLite::Exception&) {
        return std::nullopt; // an old schema: judged as a Summary station, which needs the most
    }
}

CheckResult unusable(const char* name) {
    return {name, CheckResult::Level::Fail, "not checked: the database cannot be read", "fix the database first"};
}

} // namespace

DatabaseChecks checkDatabase(const DoctorOptions& options) {
    CheckResult result{"database", CheckResult::Level::Ok, "", ""};
    const std::string path = options.database.string();
    std::error_code error;
    if (!std::filesystem::is_regular_file(options.database, error)) {
        result.level = CheckResult::Level::Fail;
        result.detail = fmt::format("no database at {}", path);
        result.fix = "`meetscan init --event NAME` creates it (or pass --db / set MEETSCAN_DB)";
        return {{result, unusable("keys"), unusable("admin_pin")}, std::nullopt};
    }
    try {
        // Read-write but without create or migrate: the doctor looks, it does not change.
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.setBusyTimeout(5000);
        const std::string integrity = db.execAndGet("PRAGMA integrity_check").getString();
        const int version = schemaVersion(db);
        const std::string journal = db.execAndGet("PRAGMA journal_mode").getString();
        if (integrity != "ok") {
            result.level = CheckResult::Level::Fail;
            result.detail = fmt::format("{} is damaged: {}", path, integrity);
            result.fix = "stop the kiosk, keep a copy, restore the last backup (or `sqlite3 DB .recover`), then merge it back";
            return {{result, unusable("keys"), unusable("admin_pin")}, std::nullopt};
        }
        if (version > latestSchemaVersion()) {
            result.level = CheckResult::Level::Fail;
            result.detail = fmt::format("{} is at schema {}, newer than this meetscan ({})", path, version, latestSchemaVersion());
            result.fix = "install the newer MeetScan that wrote it";
            return {{result, unusable("keys"), unusable("admin_pin")}, std::nullopt};
        }
        result.detail = fmt::format("{}: integrity ok, schema {}, journal {}", path, version, journal);
        if (version < latestSchemaVersion()) {
            result.level = CheckResult::Level::Warn;
            result.fix = fmt::format("schema {} will be upgraded to {} at the next start (keep a copy first)", version,
                                     latestSchemaVersion());
        } else if (journal != "wal") {
            result.level = CheckResult::Level::Warn;
            result.fix = "not in WAL mode: open it once with meetscan (it sets WAL), and keep it on a local disk";
        }
        return {{result, checkKeys(db), checkAdminPin(db)}, stationMode(db)};
    } catch (const SQLite::Exception& e) {
        result.level = CheckResult::Level::Fail;
        result.detail = fmt::format("{} cannot be read: {}", path, e.what());
        result.fix = e.getErrorCode() == SQLITE_NOTADB || e.getErrorCode() == SQLITE_CORRUPT
                         ? "this is not a MeetScan database (or it is damaged): restore the last backup or point --db at the right file"
                         : "check the file's owner and permissions (the kiosk user must be able to write it and its folder)";
        return {{result, unusable("keys"), unusable("admin_pin")}, std::nullopt};
    }
}

} // namespace meetscan::core
