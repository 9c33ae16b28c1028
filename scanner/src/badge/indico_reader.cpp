// Indico check-in tickets. Indico (indico/modules/events/registration/util.py,
// get_ticket_qr_code_data) encodes {"i": [2, BASE_URL without "https://", b64(ticket uuid bytes)]},
// with a fourth element b64(person uuid) for an accompanying person, dumped with
// separators=(',', ':'). Indico uses the standard base64 alphabet; the URL-safe one is accepted too.
#include "badge/readers.hpp"
#include "meetscan/scanner/base64.hpp"

#include <nlohmann/json.hpp>

namespace meetscan::scanner::detail {

namespace {

constexpr int kQrVersion = 2;
constexpr std::size_t kUuidBytes = 16;

BadgeReading malformed(std::string reason) {
    return failedReading(BadgeKind::Indico, ReadVerdict::Malformed, "Indico ticket: " + std::move(reason));
}

std::optional<std::string> decodeUuid(const nlohmann::json& value) {
    if (!value.is_string())
        return std::nullopt;
    const auto& text = value.get_ref<const std::string&>();
    auto bytes = decodeBase64(text);
    if (!bytes)
        bytes = decodeBase64Url(text);
    if (!bytes || bytes->size() != kUuidBytes)
        return std::nullopt;
    static constexpr char kHex[] = "0123456789abcdef";
    std::string uuid;
    for (std::size_t i = 0; i < kUuidBytes; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            uuid.push_back('-');
        const auto byte = static_cast<unsigned char>((*bytes)[i]);
        uuid.push_back(kHex[byte >> 4]);
        uuid.push_back(kHex[byte & 0x0F]);
    }
    return uuid;
}

} // namespace

std::optional<BadgeReading> readIndicoTicket(std::string_view text) {
    if (!text.starts_with('{'))
        return std::nullopt;
    const auto object = nlohmann::json::parse(text, nullptr, false);
    if (object.is_discarded() || !object.is_object() || !object.contains("i"))
        return std::nullopt;
    const auto& data = object["i"];
    if (!data.is_array() || data.size() < 3 || data.size() > 4)
        return malformed("\"i\" must be [version, host, ticket uuid(, person uuid)]");
    if (!data[0].is_number_integer() || data[0].get<long long>() != kQrVersion)
        return malformed("unsupported QR code version " + data[0].dump());
    if (!data[1].is_string())
        return malformed("host is not a string");
    const auto ticketUuid = decodeUuid(data[2]);
    if (!ticketUuid)
        return malformed("ticket uuid is not base64 of 16 bytes");
    IndicoTicket ticket;
    ticket.host = data[1].get<std::string>();
    ticket.ticketUuid = *ticketUuid;
    if (data.size() == 4) {
        ticket.personUuid = decodeUuid(data[3]);
        if (!ticket.personUuid)
            return malformed("person uuid is not base64 of 16 bytes");
    }
    BadgeReading reading = okReading(BadgeKind::Indico, *ticketUuid);
    reading.indico = std::move(ticket);
    return reading;
}

} // namespace meetscan::scanner::detail
