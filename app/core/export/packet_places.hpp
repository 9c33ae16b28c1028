#pragma once
// Where an attendee met each person and visited each booth: the station (kiosk) of the first
// and of the latest meeting with each person, and the station that captured each booth's lead.
#include "core/store/store.hpp"

#include <map>
#include <string>

namespace meetscan::core {

struct PacketPlace {
    std::string stationId;
    std::string stationName; // the station's name; its id when this database does not know it
};

struct MetPlaces {
    PacketPlace first; // where the first meeting was
    PacketPlace last;  // where the latest was (the same place when they met once)
};

struct PacketPlaces {
    std::map<std::string, MetPlaces> people;   // other attendee id -> places
    std::map<std::string, PacketPlace> booths; // exhibitor id -> the station that captured the lead
};

[[nodiscard]] PacketPlaces collectPlaces(Store& store, const std::string& attendeeId);

} // namespace meetscan::core
