#pragma once
// Each station syncs as its own PostgreSQL role, made by the office: it can log in, read its own
// event's schema, and write only the rows row-level security gives it (event_schema.cpp).
#include "core/sync/pg_connection.hpp"

#include <SQLiteCpp/Database.h>
#include <string>

namespace meetscan::core {

struct StationLogin {
    std::string server;   // conninfo of the server, without the office's user or password
    std::string user;     // the station's role
    std::string password; // random, 32 bytes from libsodium, hex
};

// The station's role name: `ms_<station id in lower case>`; bad input unless the id is a ULID.
Expected<std::string> stationRoleName(const std::string& stationId);

// As the office (the event schema's owner, allowed to create roles): makes sure the event's
// schema exists, creates the station's role (or gives it a new password when it exists: a pack
// made again replaces the old one), grants it its event and nothing else, and records which
// station it is. `admin` stays usable after a failure.
Expected<StationLogin> createStationLogin(PgConnection& admin, const std::string& eventId,
                                          const std::string& stationId);

// The `meta` keys a station keeps its login in (the station pack carries them).
inline constexpr const char* kMetaSyncServer = "sync_server";
inline constexpr const char* kMetaSyncUser = "sync_user";
inline constexpr const char* kMetaSyncPassword = "sync_password";

void saveStationLogin(SQLite::Database& db, const StationLogin& login);

// The conninfo a station syncs with when no server is given: its login from `meta`; empty when
// it has none.
Expected<std::string> serverFromStationLogin(SQLite::Database& db);

} // namespace meetscan::core
