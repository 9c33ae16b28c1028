#include "core/export/packet_places.hpp"

#include <SQLiteCpp/Statement.h>

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
    auto& db = store.database();
    // Every meeting of the pair, oldest first (ties broken by id, so the answer is stable): the
    // first row names the first place, the last row the latest.
    SQLite::Statement meetings(
        db, "SELECT attendee_b, station_id, at, id FROM meeting WHERE attendee_a = ?1 "
            "UNION ALL SELECT attendee_a, station_id, at, id FROM meeting WHERE attendee_b = ?1 "
            "ORDER BY 3, 4");
    meetings.bind(1, attendeeId);
    while (meetings.executeStep()) {
        auto place = placeOf(names, meetings.getColumn(1).getString());
        auto [entry, added] = places.people.try_emplace(meetings.getColumn(0).getString());
        if (added)
            entry->second.first = place;
        entry->second.last = std::move(place);
    }
    SQLite::Statement leads(db, "SELECT exhibitor_id, station_id FROM lead WHERE attendee_id = ?");
    leads.bind(1, attendeeId);
    while (leads.executeStep())
        places.booths.emplace(leads.getColumn(0).getString(), placeOf(names, leads.getColumn(1).getString()));
    return places;
}

} // namespace meetscan::core
