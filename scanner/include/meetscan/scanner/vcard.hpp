#pragma once
// vCard 2.1 / 3.0 / 4.0 and MECARD contacts. readBadge uses these; they are public so that
// contact files can be read the same way elsewhere (and every card in a file tested).
//
// vCard: lines unfolded (CRLF, CRCRLF or LF followed by space or TAB), group prefixes ("item1.")
// ignored, QUOTED-PRINTABLE with soft line breaks and BASE64 / ENCODING=b values decoded and
// converted from their CHARSET to UTF-8 (iconv). Values that were not encoded are taken as UTF-8
// already: the decoder has turned the QR's bytes into UTF-8 text, so re-converting them would
// garble them. Fields: N (family;given) or else FN split at the last space, ORG (first
// component), TITLE, UID, the preferred EMAIL (PREF / TYPE=pref / PREF=1) or else the first, the
// preferred TEL (pref, then cell) or else the first; backslash escapes \, \; \: \n \\ resolved.
#include "meetscan/scanner/badge_reading.hpp"
#include "meetscan/scanner/expected.hpp"

#include <string_view>
#include <vector>

namespace meetscan::scanner {

// Every BEGIN:VCARD ... END:VCARD in `text`, in order. An error when there is none, or when a
// card is cut off (no END:VCARD) or a field it needs cannot be decoded.
Expected<std::vector<Contact>> parseVCards(std::string_view text);

// "MECARD:N:Last,First;ORG:...;TEL:...;EMAIL:...;TITLE:...;UID:...;;" with \; \: \, \\ escapes.
Expected<Contact> parseMecard(std::string_view text);

} // namespace meetscan::scanner
