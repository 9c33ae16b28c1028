#include "core/export/packet_places.hpp"

#include <utility>

namespace meetscan::core {

namespace {

PacketPlace placeOf(const std::map<std::string, std::string>& names, std::string stationId) {
    const auto found = names.find(stationId);
    // A station merged in without its row still says where; its id is better than nothing.
    std::string name = found != names.end() && !found->second.empty() ? found->second : stationId;
    return {std::move(stationId), std::move(name)};
}

} // namespace

PacketPlaces collectPlaces(Store& store, const std::string& attendeeId) {
    std::map<std::string, std::string> names;
    for (auto& station : store.events().allStations())
        names.emplace(std::move(station.id), std::move(station.name));

    PacketPlaces places;
    // Meetings come oldest first: the first of a pair names the first place, the last the latest.
    for (auto& meeting : store.meetings().meetingsOf(attendeeId)) {
        auto place = placeOf(names, std::move(meeting.stationId));
        auto& other = meeting.attendeeA == attendeeId ? meeting.attendeeB : meeting.attendeeA;
        auto [entry, added] = places.people.try_emplace(std::move(other));
        if (added)
            entry->second.first = place;
        entry->second.last = std::move(place);
    }
    for (auto& lead : store.leads().forAttendee(attendeeId))
        places.booths.emplace(std::move(lead.exhibitorId), placeOf(names, std::move(lead.stationId)));
    return places;
}

} // namespace meetscan::core
