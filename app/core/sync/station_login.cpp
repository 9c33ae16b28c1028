#include "core/sync/station_login.hpp"

#include "core/sync/event_schema.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <array>
#include <cctype>
#include <fmt/format.h>
#include <sodium.h>

namespace meetscan::core {

namespace {

std::string randomPassword() {
    constexpr std::size_t kBytes = 32;
    std::array<unsigned char, kBytes> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::array<char, kBytes * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
    sodium_memzero(bytes.data(), bytes.size());
    return hex.data();
}

std::string quoteLiteral(const std::string& text) {
    std::string out = "'";
    for (const char c : text) {
        if (c == '\'')
            out += '\'';
        out += c;
    }
    return out + "'";
}

std::string metaValue(SQLite::Database& db, const char* key) {
    SQLite::Statement query(db, "SELECT value FROM meta WHERE key = ?");
    query.bind(1, key);
    return query.executeStep() ? query.getColumn(0).getString() : std::string{};
}

} // namespace

Expected<std::string> stationRoleName(const std::string& stationId) {
    if (!isUlid(stationId))
        return Error::badInput(fmt::format("the station id '{}' is not a ULID", stationId.substr(0, 40)));
    std::string name = "ms_";
    for (const char c : stationId)
        name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return name;
}

Expected<StationLogin> createStationLogin(PgConnection& admin, const std::string& eventId,
                                          const std::string& stationId) {
    auto role = stationRoleName(stationId);
    if (!role)
        return role.error();
    auto schema = eventSchemaName(eventId);
    if (!schema)
        return schema.error();
    if (auto ready = ensureEventSchema(admin, eventId); !ready)
        return ready.error();
    StationLogin login{admin.address(), *role, randomPassword()};
    try {
        const std::string verifier = quoteLiteral(admin.encryptPassword(login.password, login.user));
        admin.execScript("BEGIN");
        try {
            admin.exec(eventWriteLockSql(*schema));
            const bool exists = !admin.exec("SELECT 1 FROM pg_roles WHERE rolname = $1", {*role}).empty();
            // NOINHERIT and nothing else: the role holds exactly the grants below, on this event only.
            admin.execScript(
                fmt::format("{} ROLE {} WITH LOGIN NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE "
                            "NOREPLICATION NOBYPASSRLS PASSWORD {}",
                            exists ? "ALTER" : "CREATE", *role, verifier));
            admin.execScript(fmt::format(
                "GRANT USAGE ON SCHEMA {0} TO {1}; GRANT SELECT ON ALL TABLES IN SCHEMA {0} TO {1}; "
                "GRANT INSERT ON {0}.station, {0}.attendee, {0}.scan, {0}.meeting, {0}.lead, {0}.lead_edit "
                "TO {1}; "
                "GRANT UPDATE ON {0}.station, {0}.attendee, {0}.lead TO {1}; "
                "GRANT USAGE ON SEQUENCE {0}.change_seq TO {1}",
                *schema, *role));
            admin.exec(fmt::format("INSERT INTO {}.station_login (role_name, station_id) VALUES ($1, $2) "
                                   "ON CONFLICT (role_name) DO UPDATE SET station_id = EXCLUDED.station_id",
                                   *schema),
                       {*role, stationId});
            admin.execScript("COMMIT");
        } catch (const PgError&) {
            if (admin.healthy()) {
                try {
                    admin.execScript("ROLLBACK");
                } catch (const PgError&) {
                    // Lost while rolling back: the server rolls back on its own.
                }
            }
            throw;
        }
    } catch (const PgError& e) {
        return Error::world(fmt::format("cannot create the station's login on the server: {}", e.what()));
    }
    return login;
}

void saveStationLogin(SQLite::Database& db, const StationLogin& login) {
    SQLite::Statement save(db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
    for (const auto& [key, value] :
         std::array{std::pair{kMetaSyncServer, &login.server}, std::pair{kMetaSyncUser, &login.user},
                    std::pair{kMetaSyncPassword, &login.password}}) {
        save.reset();
        save.bind(1, key);
        save.bind(2, *value);
        save.exec();
    }
}

Expected<std::string> serverFromStationLogin(SQLite::Database& db) {
    const auto server = metaValue(db, kMetaSyncServer);
    if (server.empty())
        return std::string{};
    return conninfoWithLogin(server, metaValue(db, kMetaSyncUser), metaValue(db, kMetaSyncPassword));
}

} // namespace meetscan::core
