#pragma once
// The office's half of joining through the server: a one-time set-up code for a station that
// has its login, printed as a QR code the kiosk's camera reads (online_join.hpp is the kiosk's).
#include "core/sync/station_setup.hpp"

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <string>

namespace meetscan::core {

// Leaves the code and the station's configuration on `server` (as the office reaches it), sends
// the office's own rows there so the kiosk finds its event and roster, and writes the code to
// `png`.
Expected<SetupCode> writeSetupQr(SQLite::Database& office, const std::string& server, const Station& station,
                                 const StationLogin& login, const std::filesystem::path& png);

} // namespace meetscan::core
