#pragma once
// `meetscan export packets`: a follow-up packet per attendee, rendered on every core.
//
// Layout of DIR:
//   DIR/<folder>/summary.pdf, contacts.vcf, connections.csv, packet.json   (or DIR/<folder>.zip
//   holding <folder>/... with --zip), and DIR/index.csv for a mail merge: Attendee ID, First
//   name, Last name, Name, E-mail, Folder (or the .zip's name), Connections, Booths.
// Who gets a packet: the attendees named, else every (not erased) attendee with at least one
// connection or booth visit; nobody is sent an empty packet.
//
// Workers each open their own Store (one SQLite connection per thread, STYLE.md), take the next
// attendee, and build the packet in `<folder>.tmp/` (or `<folder>.zip.tmp`) that takes the
// place of the finished one only when complete, in one step (replaceFolder): a re-export never
// leaves a packet missing. `stop` is checked between attendees, so an interrupted export leaves
// only complete packets under final names. Every run, finished or interrupted, ends with
// index.csv listing exactly the packets in DIR (packet_folders.hpp): erased people's packets
// and stopped runs' leftovers are removed, and so, after a finished whole-event run, are the
// packets of people who now have nothing to show.
//
// A whole-event export (no attendees named) first cuts the characters the event uses out of
// the big CJK fonts (packet_fonts.hpp): the same PDFs at a fraction of the cost.
// MEETSCAN_PACKET_SYSTEM_FONTS=1 in the environment skips that step.
#include "core/export/packet_fonts.hpp"
#include "core/store/store.hpp"
#include "meetscan/scanner/expected.hpp"

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace meetscan::core {

// How far an export is: attendees examined of `total`, and the packets written for them (people
// with nothing to show get none).
struct PacketProgress {
    std::size_t examined = 0;
    std::size_t total = 0;
    std::size_t written = 0;
};

struct PacketExportOptions {
    std::filesystem::path outDir;
    bool zip = false;
    std::vector<std::string> attendees; // ids, badge codes or e-mails; empty: see above
    unsigned threads = 0;               // 0: every core
    const std::atomic<bool>* stop = nullptr;
    // Called on the calling thread about once a second and at every 5 %.
    std::function<void(const PacketProgress&)> progress;
};

struct PacketExportResult {
    std::size_t written = 0;
    std::size_t considered = 0; // attendees looked at (with --attendee: those named)
    std::size_t removed = 0;    // packets of earlier runs that had to go
    std::size_t listed = 0;     // rows of index.csv: the packets now in DIR
    bool interrupted = false;
    std::vector<std::string> warnings; // the export went on without something (the logo)
};

// The font cuts for every text of the event a summary.pdf may show (names, companies, booths,
// stations); null when they would not help or MEETSCAN_PACKET_SYSTEM_FONTS=1. Shared by every
// whole-event run that renders packets: this export and `send packets`.
[[nodiscard]] std::unique_ptr<PacketFonts> packetFontsFor(Store& store, const Event& event,
                                                          const std::vector<Attendee>& attendees);

// `store` is the caller's (used on the calling thread only); workers open `store.path()`.
[[nodiscard]] Expected<PacketExportResult> exportPackets(Store& store, const PacketExportOptions& options);

} // namespace meetscan::core
