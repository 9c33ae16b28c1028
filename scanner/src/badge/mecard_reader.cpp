// MECARD (NTT DoCoMo's contact QR format): "MECARD:N:Last,First;TEL:...;EMAIL:...;;".
// Fields are separated by ';', name and value by ':'; "\;", "\:", "\," and "\\" escape those
// characters. In N a plain comma separates family name from given name (DoCoMo's definition).
// ORG, TITLE and UID are not DoCoMo's but are written by common badge generators.
#include "badge/readers.hpp"
#include "badge/text_util.hpp"
#include "meetscan/scanner/vcard.hpp"

namespace meetscan::scanner {

namespace {

constexpr std::string_view kPrefix = "MECARD:";

// Splits at every `separator` not preceded by a backslash; escapes are kept for unescape().
std::vector<std::string_view> splitUnescaped(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\') {
            ++i;
        } else if (text[i] == separator) {
            parts.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    parts.push_back(text.substr(start));
    return parts;
}

std::string unescape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size())
            ++i;
        out.push_back(text[i]);
    }
    return std::string(detail::trimAscii(out));
}

std::size_t findUnescaped(std::string_view text, char wanted) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\')
            ++i;
        else if (text[i] == wanted)
            return i;
    }
    return std::string_view::npos;
}

void setOnce(std::string& field, std::string value) {
    if (field.empty())
        field = std::move(value);
}

} // namespace

Expected<Contact> parseMecard(std::string_view text) {
    text = detail::trimAscii(text);
    if (!detail::startsWithIgnoreCase(text, kPrefix))
        return Error::badInput("MECARD: text does not start with MECARD:");
    Contact contact;
    for (const auto field : splitUnescaped(text.substr(kPrefix.size()), ';')) {
        const auto trimmed = detail::trimAscii(field);
        if (trimmed.empty())
            continue;
        const auto colon = findUnescaped(trimmed, ':');
        if (colon == std::string_view::npos)
            return Error::badInput("MECARD: field without a ':' (" + std::string(trimmed.substr(0, 20)) +
                                   ")");
        const std::string name = detail::toLowerAscii(detail::trimAscii(trimmed.substr(0, colon)));
        const auto value = trimmed.substr(colon + 1);
        if (name == "n") {
            const auto parts = splitUnescaped(value, ',');
            if (parts.size() >= 2) {
                setOnce(contact.lastName, unescape(parts[0]));
                setOnce(contact.firstName, unescape(parts[1]));
            } else {
                std::string first, last;
                detail::splitDisplayName(unescape(value), first, last);
                setOnce(contact.firstName, std::move(first));
                setOnce(contact.lastName, std::move(last));
            }
        } else if (name == "org") {
            setOnce(contact.company, unescape(value));
        } else if (name == "title") {
            setOnce(contact.title, unescape(value));
        } else if (name == "email") {
            setOnce(contact.email, unescape(value));
        } else if (name == "tel") {
            setOnce(contact.phone, unescape(value));
        } else if (name == "uid") {
            setOnce(contact.uid, unescape(value));
        }
    }
    if (!detail::hasUsefulField(contact))
        return Error::badInput("MECARD: no name, e-mail, phone, organisation or UID");
    return contact;
}

namespace detail {

std::optional<BadgeReading> readMecardBadge(std::string_view text) {
    if (!startsWithIgnoreCase(text, kPrefix))
        return std::nullopt;
    auto contact = parseMecard(text);
    if (!contact)
        return failedReading(BadgeKind::Mecard, ReadVerdict::Malformed, contact.error().message);
    BadgeReading reading = okReading(BadgeKind::Mecard, contact->uid);
    reading.contact = std::move(*contact);
    return reading;
}

} // namespace detail
} // namespace meetscan::scanner
