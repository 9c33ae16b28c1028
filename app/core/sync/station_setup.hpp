#pragma once
// One-time set-up codes: how a kiosk joins its event through the server without a pack. The
// office makes the station's login (station_login.hpp) and leaves it on the server behind a
// single-use token; the QR code carries the server's address and the token, never a password
// that outlives it. The token is the password of a set-up role that may do one thing, once:
// call `meetscan_redeem_setup()`, which hands over the station's login and locks the role.
#include "core/domain/event.hpp"
#include "core/sync/pg_connection.hpp"
#include "core/sync/station_login.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace meetscan::core {

struct SetupCode {
    std::string server; // conninfo without user or password (PgConnection::address)
    std::string token;  // 64 hex digits
};

// The text in the QR code: `MEETSCAN-SETUP/1 <token> <server>`.
[[nodiscard]] std::string setupCodeText(const SetupCode& code);
// Nothing unless `text` is exactly a set-up code (a badge, a URL or a damaged code are not).
[[nodiscard]] std::optional<SetupCode> parseSetupCode(std::string_view text);

// As the office: leaves the station's configuration and `login` (just made) on the server for a
// new token, valid for `validHours`. Set-up roles already used or expired are dropped on the way.
Expected<SetupCode> createSetupCode(PgConnection& admin, const std::string& eventId, const std::string& officeId,
                                    const Station& station, const StationLogin& login, int validHours = 72);

struct RedeemedSetup {
    std::string eventId;
    std::string officeId; // row_owners.hpp: which office's files the kiosk will trust
    Station station; // the kiosk's own row: it sends it, as it owns it
    StationLogin login;
};

// As the kiosk: spends the code. Bad input when it was used or has expired (the message says
// to ask the office for a new one); a world failure when the server cannot be reached.
Expected<RedeemedSetup> redeemSetupCode(const SetupCode& code);

} // namespace meetscan::core
