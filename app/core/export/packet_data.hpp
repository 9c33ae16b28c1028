#pragma once
// What goes into one attendee's follow-up packet. Consent is decided once, by
// summarizeAttendee (session/attendee_summary.hpp); every packet file renders that summary and
// nothing else, so no exporter can show more than it allows.
#include "core/domain/event.hpp"
#include "core/export/packet_places.hpp"
#include "core/export/vcard_writer.hpp"
#include "core/session/attendee_summary.hpp"
#include "core/store/store.hpp"

#include <string>
#include <vector>

namespace meetscan::core {

class LatinFolder;

struct Packet {
    Event event;
    AttendeeSummary summary; // people who asked to be erased are left out
    TimeMs generatedAt = 0;
    PacketPlaces places;     // at which station each meeting and booth visit happened
};

// `ascii-slug-of-name_ID`, accents dropped ("joao-assuncao_ID"; just the id when the name has no
// Latin letters): safe on every file system and in every zip tool, readable in a file manager,
// unique because the id is.
[[nodiscard]] std::string packetFolderName(const Attendee& attendee, LatinFolder& latin);

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
