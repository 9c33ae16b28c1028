#pragma once
// The pieces of the vCard reader (vcard.hpp): lines and properties, then values.
#include "meetscan/scanner/expected.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace meetscan::scanner::detail {

struct VCardParam {
    std::string name;  // upper case; a bare 2.1 parameter ("CELL", "QUOTED-PRINTABLE") is named TYPE
    std::string value; // quotes removed; may be a comma list
};

struct VCardProperty {
    std::string name; // upper case, group prefix ("item1.") removed
    std::vector<VCardParam> params;
    std::string rawValue; // after unfolding, before any decoding

    // The first value of parameter `name` (upper case), or empty.
    [[nodiscard]] std::string param(std::string_view name) const;
    // True when a TYPE value (case-insensitive, also inside comma lists) equals `type`.
    [[nodiscard]] bool hasType(std::string_view type) const;
};

using VCardCard = std::vector<VCardProperty>;

// Every card in `text` (its own properties only: embedded AGENT cards are skipped). An error
// when a card has no END:VCARD.
Expected<std::vector<VCardCard>> splitVCards(std::string_view text);

// The property's value as UTF-8 text: QUOTED-PRINTABLE or BASE64 / b decoded and converted from
// CHARSET; escapes are NOT yet resolved (structured values are split first).
Expected<std::string> decodeValue(const VCardProperty& property);

// Splits at unescaped ';' (structured values such as N and ORG).
std::vector<std::string> splitComponents(std::string_view value);

// Resolves \, \; \: \\ and \n / \N, trims ASCII white space.
std::string unescapeText(std::string_view value);

std::string decodeQuotedPrintable(std::string_view text);

} // namespace meetscan::scanner::detail
