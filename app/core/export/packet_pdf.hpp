#pragma once
// summary.pdf: the follow-up packet on paper (cairo PDF surface, pango layouts so any script
// shapes right: Latin, Cyrillic, Greek, CJK, Arabic, Devanagari, through fontconfig fallback).
// A4 or Letter by the event's `paper` setting. The event's logo (when the packet has one) and
// name head the page; times are in the event's zone, named once under the title. Every person
// met gets a QR code holding their vCard, with a line on how to use it right above the codes,
// so a phone can save the contact from the page; long lists flow onto more pages.
#include "core/export/packet_data.hpp"
#include "meetscan/scanner/expected.hpp"

#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace meetscan::core {

// The vCard QR codes of the people met, shared by the workers of one export: a person appears
// in the packet of everyone they met, and is encoded once rather than once per packet. Codes are
// kept a bit a module (about 600 bytes a person with the card's text), so the whole of a large
// event fits: a cache smaller than the people met is emptied again and again, and then most
// codes are encoded five times over (10,000 people meeting ten each).
class PacketQrCache {
public:
    using Modules = std::vector<std::vector<bool>>; // scanner::encodeQr
    [[nodiscard]] Modules modulesFor(const std::string& text);

private:
    struct Packed {
        std::size_t side = 0;
        std::vector<bool> darkByRow; // side * side modules, row after row
    };
    static Packed packed(const Modules& modules);
    static Modules unpacked(const Packed& code);

    std::mutex m_mutex;
    std::unordered_map<std::string, Packed> m_codes;
};

// The PDF's bytes. Safe to call on several threads at once (each call has its own surface and
// pango context, on the calling thread's font map; the cache locks). What pango itself shares
// between threads, one HarfBuzz buffer, it hands over under a lock of its own (tests/tsan.supp).
[[nodiscard]] Expected<std::string> packetPdf(const Packet& packet);
[[nodiscard]] Expected<std::string> packetPdf(const Packet& packet, PacketQrCache& qrCache);

} // namespace meetscan::core
