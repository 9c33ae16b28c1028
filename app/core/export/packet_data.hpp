#pragma once
// What goes into one attendee's follow-up packet. Consent is decided once, by
// summarizeAttendee (session/attendee_summary.hpp); every packet file renders that summary and
// nothing else, so no exporter can show more than it allows.
#include "core/domain/event.hpp"
#include "core/domain/local_time.hpp"
#include "core/export/packet_places.hpp"
#include "core/export/vcard_writer.hpp"
#include "core/session/attendee_summary.hpp"
#include "core/store/store.hpp"

#include <memory>
#include <string>
#include <vector>

namespace meetscan::core {

class LatinFolder;
struct EventLogo;

struct Packet {
    Event event;
    AttendeeSummary summary; // people who asked to be erased are left out
    TimeMs generatedAt = 0;
    PacketPlaces places;     // at which station each meeting and booth visit happened
    TimeZone zone;           // the event's (time_zone setting): every time a person reads is in it
    std::shared_ptr<const EventLogo> logo; // null: none; loaded once per export (event_logo.hpp)
};

// `ascii-slug-of-name_ID`, in Latin letters whatever the script ("joao-assuncao_ID",
// "ivan-petrov_ID" for Иван Петров; just the id when nothing of the name spells in ASCII): safe
// on every file system and in every zip tool, readable in a file manager, unique because the id is.
[[nodiscard]] std::string packetFolderName(const Attendee& attendee, LatinFolder& latin);

// The packet's zone is the event's (TimeZone::forSettingOrUtc); its logo is the caller's to add.
[[nodiscard]] Packet collectPacket(Store& store, const Event& event, const Attendee& attendee, TimeMs generatedAt);

// Where the attendee met `person` / visited `booth`; empty places when nothing is recorded.
[[nodiscard]] const MetPlaces& placesOf(const Packet& packet, const MetPerson& person);
[[nodiscard]] const PacketPlace& placeOf(const Packet& packet, const VisitedBooth& booth);

// One vCard per person met, with only the details the summary carries.
[[nodiscard]] VCardContact contactOf(const Packet& packet, const MetPerson& person);
// contacts.vcf: a card for everyone the packet lists.
[[nodiscard]] std::string packetVcards(const Packet& packet);
// A shorter card for the PDF's QR codes: no note and no UID, so the code stays small enough
// for a phone to read from paper.
[[nodiscard]] VCardContact qrContactOf(const MetPerson& person);

} // namespace meetscan::core
