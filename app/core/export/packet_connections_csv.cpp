#include "core/export/packet_connections_csv.hpp"

#include "core/export/csv_writer.hpp"

namespace meetscan::core {

std::string connectionsCsv(const Packet& packet) {
    CsvWriter csv;
    csv.row({"Name", "Company", "Title", "E-mail", "Phone", "First met", "Last met", "Meetings", "First met station",
             "Last met station"});
    for (const auto& person : packet.summary.people) {
        const auto& places = placesOf(packet, person);
        // In the event's zone with the UTC offset: "2026-11-18 12:06 +01:00".
        csv.row({person.name, person.company, person.title, person.email, person.phone,
                 formatLocal(person.firstAt, packet.zone, LocalFormat::MinuteWithOffset),
                 formatLocal(person.lastAt, packet.zone, LocalFormat::MinuteWithOffset),
                 std::to_string(person.meetings), places.first.stationName, places.last.stationName});
    }
    return csv.take();
}

} // namespace meetscan::core
