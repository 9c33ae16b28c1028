#pragma once
// Station packs: how one office sets up the kiosks of its event. A pack is a SQLite file that
// holds what a kiosk needs to run on its own (the event and its settings, the stations, the
// roster, the exhibitors, the trusted public keys, the erasures), and the new kiosk's own
// station id and configuration. It never holds the badge-signing secret, the admin PIN, or
// anything a station recorded. `init --join` turns it into the kiosk's database; a later pack
// for the same station brings roster changes to a kiosk that has no network.
#include "core/domain/event.hpp"
#include "core/sync/station_login.hpp"
#include "meetscan/scanner/expected.hpp"

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <optional>
#include <string>

namespace meetscan::core {

struct PackRequest {
    Station station;          // id empty: a new station, added to the office's list
    std::filesystem::path out; // empty: no pack (a kiosk that joins with a set-up code instead)
    // The sync server as the office reaches it (libpq conninfo or URI); empty for an offline pack.
    // Given, the office makes the station's own login there and the pack carries it.
    std::string server;
};

struct PackSummary {
    Station station;
    std::string eventName;
    int attendees = 0;
    int exhibitors = 0;
    int trustedKeys = 0;
    std::optional<StationLogin> login; // made on the server (PackRequest::server)
};

// On the office database only (bad input elsewhere). The pack is built in a private folder and
// moved into place, so `out` is either the old file or the whole new pack. A new station is
// added to the office only once its login (when asked for) exists.
Expected<PackSummary> writeStationPack(SQLite::Database& office, PackRequest request);

// A pack file's meta key that marks it as one (the time it was written).
inline constexpr const char* kPackWrittenAtKey = "pack_written_at";

struct JoinSummary {
    Station station;
    std::string eventName;
    bool updated = false; // the kiosk already had this station: the pack brought what changed
    int attendees = 0;
    int exhibitors = 0;
};

// Makes the kiosk database `target` from `pack`, or, when `target` is already this station's
// database, folds the pack's newer roster, exhibitors, keys and erasures into it (and the new
// sync login, when the pack carries one: a pack made again replaces the password). Every row of
// the pack is checked first (row_checks.hpp); a bad one fails the join and writes nothing.
Expected<JoinSummary> joinStationPack(const std::filesystem::path& pack, const std::filesystem::path& target);

} // namespace meetscan::core
