// "ID::last::first::company::email", a layout some badge printers use.
#include "badge/readers.hpp"
#include "badge/text_util.hpp"

namespace meetscan::scanner::detail {

namespace {
constexpr std::string_view kSeparator = "::";
constexpr std::size_t kFieldCount = 5;
} // namespace

std::optional<BadgeReading> readDelimitedBadge(std::string_view text) {
    if (text.find('\n') != std::string_view::npos || text.find('\r') != std::string_view::npos)
        return std::nullopt;
    const auto fields = split(text, kSeparator);
    // "a::b" is more likely an id with a double colon in it than a badge missing three fields.
    if (fields.size() < 3)
        return std::nullopt;
    if (fields.size() != kFieldCount)
        return failedReading(BadgeKind::Delimited, ReadVerdict::Malformed,
                             "delimited badge: expected 5 fields ID::last::first::company::email, found " +
                                 std::to_string(fields.size()));
    const auto id = trimAscii(fields[0]);
    if (id.empty() || id.find_first_of(" \t") != std::string_view::npos)
        return failedReading(BadgeKind::Delimited, ReadVerdict::Malformed,
                             "delimited badge: the ID (first field) must be one word");
    Contact contact;
    contact.lastName = std::string(trimAscii(fields[1]));
    contact.firstName = std::string(trimAscii(fields[2]));
    contact.company = std::string(trimAscii(fields[3]));
    contact.email = std::string(trimAscii(fields[4]));
    BadgeReading reading = okReading(BadgeKind::Delimited, std::string(id));
    reading.contact = std::move(contact);
    return reading;
}

} // namespace meetscan::scanner::detail
