#include "core/export/packet_json.hpp"

#include <nlohmann/json.hpp>

namespace meetscan::core {

namespace {

nlohmann::json orNull(const std::string& text) { return text.empty() ? nlohmann::json() : nlohmann::json(text); }

} // namespace

std::string packetJson(const Packet& packet) {
    const auto& attendee = packet.summary.attendee;
    nlohmann::json people = nlohmann::json::array();
    for (const auto& person : packet.summary.people) {
        const auto& places = placesOf(packet, person);
        people.push_back({{"id", person.id},
                          {"name", person.name},
                          {"company", person.company},
                          {"title", person.title},
                          {"email", orNull(person.email)},
                          {"phone", orNull(person.phone)},
                          {"first_met_at", formatIsoTime(person.firstAt)},
                          {"first_met_local", formatLocal(person.firstAt, packet.zone, LocalFormat::Iso)},
                          {"first_met_station", orNull(places.first.stationName)},
                          {"first_met_station_id", orNull(places.first.stationId)},
                          {"last_met_at", formatIsoTime(person.lastAt)},
                          {"last_met_local", formatLocal(person.lastAt, packet.zone, LocalFormat::Iso)},
                          {"last_met_station", orNull(places.last.stationName)},
                          {"last_met_station_id", orNull(places.last.stationId)},
                          {"meetings", person.meetings}});
    }
    nlohmann::json booths = nlohmann::json::array();
    for (const auto& booth : packet.summary.booths) {
        const auto& place = placeOf(packet, booth);
        booths.push_back({{"exhibitor_id", booth.exhibitorId},
                          {"name", booth.name},
                          {"booth", booth.booth},
                          {"website", booth.website},
                          {"follow_up", booth.followUp},
                          {"first_visit_at", formatIsoTime(booth.firstAt)},
                          {"first_visit_local", formatLocal(booth.firstAt, packet.zone, LocalFormat::Iso)},
                          {"station", orNull(place.stationName)},
                          {"station_id", orNull(place.stationId)}});
    }
    const nlohmann::json json{
        {"schema_version", kPacketSchemaVersion},
        {"generated_at", formatIsoTime(packet.generatedAt)},
        {"time_zone", packet.zone.label()},
        {"event", {{"id", packet.event.id}, {"name", packet.event.name}}},
        {"attendee",
         {{"id", attendee.id},
          {"first_name", attendee.firstName},
          {"last_name", attendee.lastName},
          {"name", attendee.displayName()},
          {"company", attendee.company},
          {"title", attendee.title},
          {"email", orNull(attendee.email)}}},
        {"connections", std::move(people)},
        {"booths", std::move(booths)},
        {"files", {{"summary", "summary.pdf"}, {"contacts", "contacts.vcf"}, {"connections", "connections.csv"}}}};
    // Replace, not throw, on text that is not UTF-8: one bad roster cell must not stop an export.
    return json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

} // namespace meetscan::core
