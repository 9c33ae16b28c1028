#include "core/export/packet_data.hpp"

#include "core/export/latin_fold.hpp"

#include <fmt/core.h>

#include <algorithm>

namespace meetscan::core {

namespace {
constexpr std::size_t kMaxSlug = 40;
}

std::string packetFolderName(const Attendee& attendee, LatinFolder& latin) {
    std::string slug;
    for (const char c : latin.fold(attendee.displayName())) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            slug += c;
        else if (c >= 'A' && c <= 'Z')
            slug += static_cast<char>(c - 'A' + 'a');
        else if (!slug.empty() && slug.back() != '-')
            slug += '-';
        if (slug.size() >= kMaxSlug)
            break;
    }
    while (!slug.empty() && slug.back() == '-')
        slug.pop_back();
    return slug.empty() ? attendee.id : slug + "_" + attendee.id;
}

Packet collectPacket(Store& store, const Event& event, const Attendee& attendee, TimeMs generatedAt) {
    Packet packet{event, summarizeAttendee(store, attendee), generatedAt, collectPlaces(store, attendee.id),
                  TimeZone::forSettingOrUtc(event.settings.timeZone), nullptr};
    // An erased person keeps an anonymous row so counts stay right; a packet has nothing to show of them.
    auto& people = packet.summary.people;
    people.erase(std::remove_if(people.begin(), people.end(), [](const MetPerson& p) { return p.name.empty(); }),
                 people.end());
    return packet;
}

const MetPlaces& placesOf(const Packet& packet, const MetPerson& person) {
    static const MetPlaces kNowhere;
    const auto found = packet.places.people.find(person.id);
    return found != packet.places.people.end() ? found->second : kNowhere;
}

const PacketPlace& placeOf(const Packet& packet, const VisitedBooth& booth) {
    static const PacketPlace kNowhere;
    const auto found = packet.places.booths.find(booth.exhibitorId);
    return found != packet.places.booths.end() ? found->second : kNowhere;
}

VCardContact contactOf(const Packet& packet, const MetPerson& person) {
    VCardContact contact = qrContactOf(person);
    contact.uid = person.id;
    contact.note =
        fmt::format("Met at {} on {}", packet.event.name, formatLocal(person.firstAt, packet.zone, LocalFormat::Date));
    return contact;
}

VCardContact qrContactOf(const MetPerson& person) {
    VCardContact contact;
    contact.fullName = person.name;
    contact.organisation = person.company;
    contact.title = person.title;
    contact.email = person.email;
    contact.phone = person.phone;
    return contact;
}

std::string packetVcards(const Packet& packet) {
    std::vector<VCardContact> contacts;
    for (const auto& person : packet.summary.people)
        contacts.push_back(contactOf(packet, person));
    return vcardsOf(contacts);
}

} // namespace meetscan::core
