#pragma once
// What of an export folder (`export packets --out DIR`) is ours, and what of it must go, so that
// DIR/index.csv lists exactly the packets that are there.
//
// Ours: a folder `<slug>_<ID>` or `<ID>` holding a packet.json, a file `<slug>_<ID>.zip`, and the
// leftovers of a run that was stopped hard (the same names with `.tmp` or `.old` after them),
// where ID is an attendee of this database (erased people included) and the slug is the shape
// packetFolderName makes. Anything else in DIR (a folder the user put there, notes) is never
// touched.
#include "core/store/store.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace meetscan::core {

struct PacketEntry {
    std::string name; // in DIR
    Attendee attendee;
    bool leftover = false; // `.tmp` / `.old`: never complete, always removed once the workers are done
};

[[nodiscard]] std::vector<PacketEntry> ourPacketEntries(Store& store, const std::filesystem::path& dir);

} // namespace meetscan::core
