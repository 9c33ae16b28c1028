#include "core/export/vcard_writer.hpp"

namespace meetscan::core {

namespace {

constexpr std::size_t kMaxLineOctets = 75;

bool isContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; }

void addProperty(std::string& out, const std::string& name, const std::string& value, bool escape = true) {
    if (value.empty())
        return;
    out += foldVCardLine(name + ":" + (escape ? escapeVCardText(value) : value));
}

} // namespace

std::string escapeVCardText(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case ',':
            out += "\\,";
            break;
        case ';':
            out += "\\;";
            break;
        case '\r':
            if (i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            out += "\\n";
            break;
        case '\n':
            out += "\\n";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string foldVCardLine(const std::string& line) {
    std::string out;
    std::size_t start = 0;
    std::size_t limit = kMaxLineOctets; // the first line has 75 octets, the others 74 after their space
    while (line.size() - start > limit) {
        std::size_t cut = start + limit;
        while (cut > start && isContinuationByte(line[cut]))
            --cut;
        out.append(line, start, cut - start);
        out += "\r\n ";
        start = cut;
        limit = kMaxLineOctets - 1;
    }
    out.append(line, start, std::string::npos);
    out += "\r\n";
    return out;
}

std::string vcardOf(const VCardContact& contact) {
    std::string out = "BEGIN:VCARD\r\nVERSION:4.0\r\n";
    addProperty(out, "FN", contact.fullName);
    addProperty(out, "ORG", contact.organisation);
    addProperty(out, "TITLE", contact.title);
    addProperty(out, "EMAIL", contact.email);
    addProperty(out, "TEL", contact.phone);
    addProperty(out, "NOTE", contact.note);
    if (!contact.uid.empty())
        addProperty(out, "UID", "urn:meetscan:" + contact.uid, false);
    out += "END:VCARD\r\n";
    return out;
}

std::string vcardsOf(const std::vector<VCardContact>& contacts) {
    std::string out;
    for (const auto& contact : contacts)
        out += vcardOf(contact);
    return out;
}

} // namespace meetscan::core
