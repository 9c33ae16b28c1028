#pragma once
// summary.pdf: the follow-up packet on paper (cairo PDF surface, pango layouts so any script
// shapes right: Latin, Cyrillic, Greek, CJK, Arabic, Devanagari, through fontconfig fallback).
// A4 or Letter by the event's `paper` setting. Every person met gets a QR code holding their
// vCard, so a phone can save the contact from the page; long lists flow onto more pages.
#include "core/export/packet_data.hpp"
#include "meetscan/scanner/expected.hpp"

#include <string>

namespace meetscan::core {

// The PDF's bytes. Safe to call on several threads at once (each call has its own surface and
// pango context).
[[nodiscard]] Expected<std::string> packetPdf(const Packet& packet);

} // namespace meetscan::core
