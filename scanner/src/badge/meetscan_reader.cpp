// MeetScan MS1 badges: "MS1.<base64url payload>.<base64url Ed25519 signature>" (signing.hpp).
#include "badge/readers.hpp"
#include "badge/sodium_init.hpp"
#include "meetscan/scanner/base64.hpp"
#include "meetscan/scanner/signing.hpp"

#include <nlohmann/json.hpp>
#include <sodium.h>

namespace meetscan::scanner::detail {

namespace {

BadgeReading malformed(std::string reason) {
    return failedReading(BadgeKind::MeetScanSigned, ReadVerdict::Malformed,
                         "MS1 badge: " + std::move(reason));
}

std::string stringMember(const nlohmann::json& object, const char* name) {
    const auto it = object.find(name);
    return (it != object.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

} // namespace

std::optional<BadgeReading> readMeetScanBadge(std::string_view text, const ReaderConfig& config) {
    if (!text.starts_with(kMeetScanBadgePrefix))
        return std::nullopt;
    const auto rest = text.substr(kMeetScanBadgePrefix.size());
    const auto dot = rest.find('.');
    if (dot == std::string_view::npos || rest.find('.', dot + 1) != std::string_view::npos)
        return malformed("expected MS1.<payload>.<signature>");
    const auto payload = decodeBase64Url(rest.substr(0, dot));
    if (!payload || payload->empty())
        return malformed("payload is not base64url");
    const auto signature = decodeBase64Url(rest.substr(dot + 1));
    if (!signature)
        return malformed("signature is not base64url");
    if (signature->size() != crypto_sign_BYTES)
        return malformed("signature is " + std::to_string(signature->size()) + " bytes, not " +
                         std::to_string(crypto_sign_BYTES));

    // Verify before trusting a single byte of the payload: an altered badge is forged, not malformed.
    if (config.meetscanKeys.empty())
        return failedReading(BadgeKind::MeetScanSigned, ReadVerdict::Forged,
                             "MS1 badge: no MeetScan event key is trusted on this station");
    const auto signer = findSigner(*payload, *signature, config.meetscanKeys);
    if (!signer)
        return failedReading(BadgeKind::MeetScanSigned, ReadVerdict::Forged,
                             "MS1 badge: signature does not match any trusted MeetScan event key");

    const auto object = nlohmann::json::parse(*payload, nullptr, false);
    if (object.is_discarded() || !object.is_object())
        return malformed("payload is not a JSON object");
    const auto version = object.find("v");
    if (version == object.end() || !version->is_number_integer() || version->get<long long>() != 1)
        return malformed("unsupported payload version");
    std::string code = stringMember(object, "c");
    if (code.empty())
        return malformed("payload has no badge code");

    BadgeReading reading = okReading(BadgeKind::MeetScanSigned, code);
    Contact contact;
    contact.firstName = stringMember(object, "f");
    contact.lastName = stringMember(object, "l");
    contact.company = stringMember(object, "o");
    reading.contact = std::move(contact);
    reading.signedBy = signer;
    return reading;
}

} // namespace meetscan::scanner::detail
