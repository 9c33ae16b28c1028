#pragma once
// A station database made from the office's file the way an organiser makes one: a station pack
// written at the office (`station add`), joined on the kiosk (`init --join`). Header-only: the
// suites that use it link core.
#include "core/domain/event.hpp"
#include "core/stations/station_pack.hpp"

#include <SQLiteCpp/Database.h>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace meetscan::test {

// Returns the new station's id. Throws std::runtime_error when the pack or the join fails.
inline std::string stationFromOffice(const std::filesystem::path& office, const std::filesystem::path& out,
                                     const std::string& name, const std::string& mode = "meet",
                                     const std::string& exhibitor = "") {
    core::PackRequest request;
    request.station.name = name;
    request.station.mode = *core::parseMode(mode);
    request.station.exhibitorId = exhibitor;
    request.out = out.string() + ".pack";
    SQLite::Database officeDb(office.string(), SQLite::OPEN_READWRITE);
    auto packed = core::writeStationPack(officeDb, request);
    if (!packed)
        throw std::runtime_error("station pack: " + packed.error().message);
    auto joined = core::joinStationPack(request.out, out);
    std::filesystem::remove(request.out);
    if (!joined)
        throw std::runtime_error("init --join: " + joined.error().message);
    return joined->station.id;
}

} // namespace meetscan::test
