#pragma once
// vCard 4.0 (RFC 6350) for the people an attendee met.
#include <string>
#include <vector>

namespace meetscan::core {

struct VCardContact {
    std::string uid; // stable id, written as urn:meetscan:<uid>
    std::string fullName;
    std::string organisation;
    std::string title;
    std::string email; // empty unless consent allows (attendee_summary.hpp decides)
    std::string phone;
    std::string note;
};

// RFC 6350 section 3.4 text escaping: backslash, comma, semicolon and newlines.
[[nodiscard]] std::string escapeVCardText(const std::string& text);

// Folds a content line (without its CRLF) at 75 octets, never inside a UTF-8 character; each
// continuation line starts with one space (RFC 6350 section 3.2). Returns the lines with CRLFs.
[[nodiscard]] std::string foldVCardLine(const std::string& line);

// BEGIN:VCARD ... END:VCARD with CRLF line ends.
[[nodiscard]] std::string vcardOf(const VCardContact& contact);
[[nodiscard]] std::string vcardsOf(const std::vector<VCardContact>& contacts);

} // namespace meetscan::core
