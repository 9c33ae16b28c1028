#pragma once
// Joining an event through the server: a kiosk spends the one-time set-up code the office made
// (`station add --qr`, station_setup.hpp), keeps the station login it receives, and downloads
// its event, roster, exhibitors and keys with the first sync, as a pack would have brought them.
#include "core/stations/station_pack.hpp"
#include "core/sync/station_setup.hpp"

#include <filesystem>

namespace meetscan::core {

// Makes the kiosk database `target` (which must not exist yet). The database is built in a
// private folder and moved into place once the event is in it. When the code was spent but the
// download failed, the database is kept with its login (a later `sync` finishes the join) and
// the error says so.
Expected<JoinSummary> joinThroughServer(const SetupCode& code, const std::filesystem::path& target);

} // namespace meetscan::core
