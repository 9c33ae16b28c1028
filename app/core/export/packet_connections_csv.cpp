#include "core/export/packet_connections_csv.hpp"

#include "core/export/csv_writer.hpp"

namespace meetscan::core {

std::string connectionsCsv(const Packet& packet) {
    CsvWriter csv;
    csv.row({"Name", "Company", "Title", "E-mail", "Phone", "First met", "Last met", "Meetings", "First met station",
             "Last met station"});
    for (const auto& person : packet.summary.people) {
        const auto& places = placesOf(packet, person);
        csv.row({person.name, person.company, person.title, person.email, person.phone, formatIsoTime(person.firstAt),
                 formatIsoTime(person.lastAt), std::to_string(person.meetings), places.first.stationName,
                 places.last.stationName});
    }
    return csv.take();
}

} // namespace meetscan::core
