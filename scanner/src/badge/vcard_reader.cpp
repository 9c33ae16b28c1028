// vCard 2.1 / 3.0 / 4.0 contacts (vcard.hpp): choosing the fields a badge needs.
#include "badge/readers.hpp"
#include "badge/text_util.hpp"
#include "badge/vcard_parts.hpp"
#include "meetscan/scanner/vcard.hpp"

#include <charconv>
#include <climits>

namespace meetscan::scanner {

namespace {

using detail::VCardCard;
using detail::VCardProperty;

// Lower is more preferred: 4.0's PREF=n, or 1 for 2.1/3.0's PREF / TYPE=pref; INT_MAX when neither.
int preference(const VCardProperty& property) {
    const std::string pref = property.param("PREF");
    if (!pref.empty()) {
        int rank = INT_MAX;
        const auto [end, error] = std::from_chars(pref.data(), pref.data() + pref.size(), rank);
        if (error == std::errc() && end == pref.data() + pref.size())
            return rank;
    }
    return property.hasType("PREF") ? 1 : INT_MAX;
}

// The property of `name` to use: the most preferred one, then (for TEL) a mobile number, then the first.
const VCardProperty* choose(const VCardCard& card, std::string_view name, bool preferCell) {
    const VCardProperty* best = nullptr;
    int bestRank = INT_MAX;
    bool bestCell = false;
    for (const auto& property : card) {
        if (property.name != name || detail::trimAscii(property.rawValue).empty())
            continue;
        const int rank = preference(property);
        const bool cell = preferCell && property.hasType("CELL");
        if (best == nullptr || rank < bestRank || (rank == bestRank && cell && !bestCell)) {
            best = &property;
            bestRank = rank;
            bestCell = cell;
        }
    }
    return best;
}

Expected<std::vector<std::string>> components(const VCardProperty& property) {
    auto value = detail::decodeValue(property);
    if (!value)
        return value.error();
    std::vector<std::string> parts;
    for (const auto& part : detail::splitComponents(*value))
        parts.push_back(detail::unescapeText(part));
    return parts;
}

Expected<std::string> text(const VCardProperty& property) {
    auto value = detail::decodeValue(property);
    if (!value)
        return value.error();
    return detail::unescapeText(*value);
}

std::string withoutScheme(std::string value, std::string_view scheme) {
    if (detail::startsWithIgnoreCase(value, scheme))
        value.erase(0, scheme.size());
    return value;
}

// Sets `field` from the chosen property's text; false (with `error` set) when it cannot be decoded.
bool takeText(const VCardProperty* property, std::string& field, Error& error) {
    if (property == nullptr)
        return true;
    auto value = text(*property);
    if (!value) {
        error = value.error();
        return false;
    }
    field = std::move(*value);
    return true;
}

Expected<Contact> contactFrom(const VCardCard& card) {
    Contact contact;
    Error error;
    if (const auto* n = choose(card, "N", false)) {
        auto parts = components(*n);
        if (!parts)
            return parts.error();
        contact.lastName = (*parts)[0];
        contact.firstName = parts->size() > 1 ? (*parts)[1] : std::string();
    }
    if (contact.firstName.empty() && contact.lastName.empty()) {
        std::string fullName;
        if (!takeText(choose(card, "FN", false), fullName, error))
            return error;
        detail::splitDisplayName(fullName, contact.firstName, contact.lastName);
    }
    if (const auto* org = choose(card, "ORG", false)) {
        auto parts = components(*org);
        if (!parts)
            return parts.error();
        contact.company = (*parts)[0];
    }
    if (!takeText(choose(card, "TITLE", false), contact.title, error) ||
        !takeText(choose(card, "EMAIL", false), contact.email, error) ||
        !takeText(choose(card, "TEL", true), contact.phone, error) ||
        !takeText(choose(card, "UID", false), contact.uid, error))
        return error;
    contact.email = withoutScheme(std::move(contact.email), "mailto:");
    contact.phone = withoutScheme(std::move(contact.phone), "tel:");
    if (!detail::hasUsefulField(contact))
        return Error::badInput("vCard: no name, e-mail, phone, organisation or UID");
    return contact;
}

} // namespace

Expected<std::vector<Contact>> parseVCards(std::string_view input) {
    auto cards = detail::splitVCards(input);
    if (!cards)
        return cards.error();
    std::vector<Contact> contacts;
    for (const auto& card : *cards) {
        auto contact = contactFrom(card);
        if (!contact)
            return contact.error();
        contacts.push_back(std::move(*contact));
    }
    return contacts;
}

namespace detail {

std::optional<BadgeReading> readVCardBadge(std::string_view input) {
    if (!startsWithIgnoreCase(input, "BEGIN:VCARD"))
        return std::nullopt;
    // Several cards in one code: the first is the badge's owner.
    auto cards = splitVCards(input);
    if (!cards)
        return failedReading(BadgeKind::VCard, ReadVerdict::Malformed, cards.error().message);
    auto contact = contactFrom(cards->front());
    if (!contact)
        return failedReading(BadgeKind::VCard, ReadVerdict::Malformed, contact.error().message);
    BadgeReading reading = okReading(BadgeKind::VCard, contact->uid);
    reading.contact = std::move(*contact);
    return reading;
}

} // namespace detail
} // namespace meetscan::scanner
