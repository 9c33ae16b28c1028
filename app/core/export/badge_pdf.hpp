#pragma once
// Printable badges: a PDF of A4 or Letter sheets (cut lines and crop marks) or of single badges (the page
// is the badge). Each badge: the event name on an accent band, the name large (pango with
// fontconfig fallback, so Cyrillic, CJK, Arabic ... shape right), company, title and role, and a
// QR code holding the signed MS1 badge text.
#include "core/export/badge_layout.hpp"
#include "meetscan/scanner/expected.hpp"

#include <string>
#include <vector>

namespace meetscan::core {

struct BadgeFace {
    std::string attendeeId;
    std::string name; // Attendee::displayName(): CJK names family name first
    std::string company;
    std::string title;
    std::string role; // printed unless it is the plain "attendee"
    std::string qrText;
};

struct BadgeDocument {
    std::string eventName;
    std::string accentColour = "#1F6FEB"; // #RRGGBB, the event setting
    BadgeSize size;
    BadgeLayout layout = BadgeLayout::Sheet;
    SheetPaper paper = kA4Sheet; // for BadgeLayout::Sheet
    std::vector<BadgeFace> badges;
};

// Where the badges sit on each page: the sheet grid, or one badge filling its own page.
[[nodiscard]] SheetGrid pageGrid(const BadgeDocument& document);

// The PDF's bytes; BadInput when a QR text is too long for a QR code.
[[nodiscard]] Expected<std::string> badgesPdf(const BadgeDocument& document);

} // namespace meetscan::core
