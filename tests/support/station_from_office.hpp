#pragma once
// A station database made from the office's file, as a station pack would make it: the same
// event, roster and keys, its own station id and row, `meta.role` = station, nothing queued and
// no signing key (it never leaves the office). Header-only: the suites that use it link core.
#include "core/domain/ulid.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <filesystem>
#include <string>

namespace meetscan::test {

// Returns the new station's id.
inline std::string stationFromOffice(const std::filesystem::path& office, const std::filesystem::path& out,
                                     const std::string& name, const std::string& mode = "meet",
                                     const std::string& exhibitor = "") {
    {
        SQLite::Database source(office.string(), SQLite::OPEN_READWRITE);
        SQLite::Statement vacuum(source, "VACUUM INTO ?");
        vacuum.bind(1, out.string());
        vacuum.exec();
    }
    SQLite::Database db(out.string(), SQLite::OPEN_READWRITE);
    const std::string id = core::newUlid();
    const auto now = core::nowMs();
    db.exec("DELETE FROM signing_key; DELETE FROM sync_state");
    db.exec("DELETE FROM meta WHERE key IN ('sync_server', 'sync_user', 'sync_password')");
    SQLite::Statement meta(
        db, "INSERT OR REPLACE INTO meta (key, value) VALUES ('role', 'station'), ('station_id', ?)");
    meta.bind(1, id);
    meta.exec();
    SQLite::Statement station(db,
                              "INSERT INTO station (id, name, mode, exhibitor_id, created_at, updated_at) "
                              "VALUES (?, ?, ?, ?, ?, ?)");
    station.bind(1, id);
    station.bind(2, name);
    station.bind(3, mode);
    if (exhibitor.empty())
        station.bind(4);
    else
        station.bind(4, exhibitor);
    station.bind(5, now);
    station.bind(6, now);
    station.exec();
    db.exec("DELETE FROM sync_outbox WHERE NOT (tbl = 'station' AND row_id = (SELECT value FROM meta WHERE "
            "key = 'station_id'))");
    return id;
}

} // namespace meetscan::test
