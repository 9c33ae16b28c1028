#include "core/sync/station_setup.hpp"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace meetscan::core {

namespace {

constexpr std::string_view kPrefix = "MEETSCAN-SETUP/1 ";
constexpr std::size_t kTokenHex = 64;
constexpr std::size_t kMaxServer = 512;

std::string randomToken() {
    std::array<unsigned char, kTokenHex / 2> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::array<char, kTokenHex + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
    return hex.data();
}

// The set-up role is named by a hash of the token, so pg_roles (which every role may read)
// shows nothing of the token itself.
std::string setupRoleName(const std::string& token) {
    std::array<unsigned char, 12> hash{};
    crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                       nullptr, 0);
    std::array<char, hash.size() * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
    return std::string("ms_setup_") + hex.data();
}

bool isLowerHex(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// The redeeming function runs as the office (its owner), for a caller that can do nothing else:
// it hands over the login left for the calling set-up role, forgets it and locks the role.
constexpr const char* kSetupSchema = R"sql(
CREATE TABLE IF NOT EXISTS public.meetscan_setup (
    role_name        TEXT PRIMARY KEY,
    event_id         TEXT NOT NULL,
    office_id        TEXT NOT NULL,
    station_id       TEXT NOT NULL,
    station_name     TEXT NOT NULL,
    station_mode     TEXT NOT NULL,
    station_exhibitor TEXT NOT NULL,
    station_user     TEXT NOT NULL,
    station_password TEXT NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
REVOKE ALL ON public.meetscan_setup FROM PUBLIC;
CREATE OR REPLACE FUNCTION public.meetscan_redeem_setup()
RETURNS TABLE (event_id TEXT, office_id TEXT, station_id TEXT, station_name TEXT, station_mode TEXT, station_exhibitor TEXT,
               station_user TEXT, station_password TEXT)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    spent public.meetscan_setup%ROWTYPE;
BEGIN
    DELETE FROM public.meetscan_setup s WHERE s.role_name = session_user RETURNING s.* INTO spent;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'this set-up code was used already';
    END IF;
    EXECUTE format('ALTER ROLE %I NOLOGIN', session_user);
    RETURN QUERY SELECT spent.event_id, spent.office_id, spent.station_id, spent.station_name, spent.station_mode,
                        spent.station_exhibitor, spent.station_user, spent.station_password;
END
$$;
REVOKE ALL ON FUNCTION public.meetscan_redeem_setup() FROM PUBLIC;
)sql";

void dropSpentSetupRoles(PgConnection& admin) {
    const auto spent = admin.exec("SELECT rolname FROM pg_roles WHERE rolname LIKE 'ms\\_setup\\_%' AND "
                                  "(NOT rolcanlogin OR rolvaliduntil < now())");
    for (const auto& row : spent) {
        const auto& role = *row[0];
        // Only names this code makes (ms_setup_ and 24 hex digits) are ever put into SQL.
        if (role.size() != 9 + 24 || !isLowerHex(std::string_view(role).substr(9)))
            continue;
        admin.exec("DELETE FROM public.meetscan_setup WHERE role_name = $1", {role});
        admin.execScript(fmt::format("DROP OWNED BY {0}; DROP ROLE {0}", role));
    }
}

void rollbackQuietly(PgConnection& admin) {
    if (!admin.healthy())
        return;
    try {
        admin.execScript("ROLLBACK");
    } catch (const PgError&) {
        // Lost while rolling back: the server rolls back on its own.
    }
}

// The only connection settings a code may carry, and only plain values: a code chooses where
// to connect, never who, never client files, timeouts or server options.
bool safeServerSetting(std::string_view setting) {
    const auto equals = setting.find('=');
    if (equals == std::string_view::npos || equals == 0 || equals + 1 == setting.size())
        return false;
    const auto key = setting.substr(0, equals);
    const auto value = setting.substr(equals + 1);
    const bool plain = std::all_of(value.begin(), value.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '-' || c == '_' || c == ':' ||
               c == '/';
    });
    if (!plain)
        return false;
    if (key == "sslmode")
        return value == "prefer" || value == "require" || value == "verify-ca" || value == "verify-full";
    return key == "host" || key == "hostaddr" || key == "port" || key == "dbname";
}

// `server` as space-separated safe settings, each key once, a host among them.
bool safeServer(std::string_view server) {
    std::vector<std::string_view> keys;
    bool host = false;
    while (!server.empty()) {
        const auto space = server.find(' ');
        const auto setting = server.substr(0, space);
        if (!safeServerSetting(setting))
            return false;
        const auto key = setting.substr(0, setting.find('='));
        if (std::find(keys.begin(), keys.end(), key) != keys.end())
            return false;
        keys.push_back(key);
        host = host || key == "host" || key == "hostaddr";
        if (space == std::string_view::npos)
            break;
        server.remove_prefix(space + 1);
        if (server.empty())
            return false; // a trailing space
    }
    return host;
}

// The office's address as a code may carry it (no sslrootcert: its path is the office's).
// PgConnection::address quotes every value ('...'); plain values lose the quotes here.
std::string serverForCode(const std::string& address) {
    std::string out;
    std::string_view rest = address;
    while (!rest.empty()) {
        const auto space = rest.find(' ');
        std::string setting(rest.substr(0, space));
        if (const auto equals = setting.find("='"); equals != std::string::npos && setting.back() == '\'' &&
                                                   setting.size() >= equals + 3)
            setting = setting.substr(0, equals + 1) + setting.substr(equals + 2, setting.size() - equals - 3);
        if (safeServerSetting(setting))
            out += (out.empty() ? "" : " ") + setting;
        if (space == std::string_view::npos)
            break;
        rest.remove_prefix(space + 1);
    }
    return out;
}

bool refusedLogin(const std::string& message) {
    return message.find("password authentication failed") != std::string::npos ||
           message.find("not permitted to log in") != std::string::npos;
}

} // namespace

std::string setupCodeText(const SetupCode& code) {
    return fmt::format("{}{} {}", kPrefix, code.token, code.server);
}

std::optional<SetupCode> parseSetupCode(std::string_view text) {
    if (text.substr(0, kPrefix.size()) != kPrefix)
        return std::nullopt;
    text.remove_prefix(kPrefix.size());
    if (text.size() < kTokenHex + 2 || text[kTokenHex] != ' ')
        return std::nullopt;
    const auto token = text.substr(0, kTokenHex);
    const auto server = text.substr(kTokenHex + 1);
    if (!isLowerHex(token) || server.size() > kMaxServer || !safeServer(server))
        return std::nullopt;
    return SetupCode{std::string(server), std::string(token)};
}

Expected<SetupCode> createSetupCode(PgConnection& admin, const std::string& eventId, const std::string& officeId,
                                    const Station& station, const StationLogin& login, int validHours) {
    SetupCode code{serverForCode(admin.address()), randomToken()};
    if (!safeServer(code.server))
        return Error::badInput(fmt::format("the server's address ({}) cannot go into a set-up code: give --server "
                                           "as host, port and dbname",
                                           code.server));
    const auto role = setupRoleName(code.token);
    try {
        const std::string verifier = admin.encryptPassword(code.token, role);
        admin.execScript("BEGIN");
        try {
            admin.execScript(kSetupSchema);
            dropSpentSetupRoles(admin);
            const auto until = admin.exec(fmt::format("SELECT (now() + interval '{} hours')::text", validHours));
            admin.exec(fmt::format("CREATE ROLE {} WITH LOGIN NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE "
                                   "NOREPLICATION NOBYPASSRLS PASSWORD '{}' VALID UNTIL '{}'",
                                   role, verifier, *until.at(0).at(0)));
            admin.execScript(fmt::format("GRANT EXECUTE ON FUNCTION public.meetscan_redeem_setup() TO {}", role));
            admin.exec("INSERT INTO public.meetscan_setup (role_name, event_id, office_id, station_id, station_name, "
                       "station_mode, station_exhibitor, station_user, station_password) "
                       "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                       {role, eventId, officeId, station.id, station.name, std::string(toString(station.mode)),
                        station.exhibitorId, login.user, login.password});
            admin.execScript("COMMIT");
        } catch (const PgError&) {
            rollbackQuietly(admin);
            throw;
        }
    } catch (const PgError& e) {
        return Error::world(fmt::format("cannot leave the set-up code on the server: {}", e.what()));
    }
    return code;
}

Expected<RedeemedSetup> redeemSetupCode(const SetupCode& code) {
    auto conninfo = conninfoWithLogin(code.server, setupRoleName(code.token), code.token);
    if (!conninfo)
        return conninfo.error();
    auto connection = PgConnection::connect(*conninfo);
    if (!connection) {
        if (refusedLogin(connection.error().message))
            return Error::badInput("this set-up code was used already or has expired: ask the office for a new one "
                                   "(meetscan station add --qr)");
        return connection.error();
    }
    try {
        const auto rows = connection->exec("SELECT event_id, office_id, station_id, station_name, station_mode, "
                                           "station_exhibitor, station_user, station_password "
                                           "FROM public.meetscan_redeem_setup()");
        const auto answer = rows.size() == 1 ? rows[0] : PgRow{};
        const bool complete = answer.size() == 8 && std::all_of(answer.begin(), answer.end(),
                                                                 [](const PgValue& v) { return v.has_value(); });
        const auto mode = complete ? parseMode(*answer[4]) : std::nullopt;
        if (!mode)
            return Error::world("the server answered the set-up code with something else than one login");
        RedeemedSetup redeemed{*answer[0], *answer[1], Station{*answer[2], *answer[3], *mode, *answer[5]},
                               StationLogin{code.server, *answer[6], *answer[7]}};
        return redeemed;
    } catch (const PgError& e) {
        if (std::string(e.what()).find("used already") != std::string::npos)
            return Error::badInput("this set-up code was used already: ask the office for a new one");
        return Error::world(fmt::format("cannot spend the set-up code: {}", e.what()));
    }
}

} // namespace meetscan::core
