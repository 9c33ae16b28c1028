// pretix signed tickets (pretix_sig1). Format as implemented by pretix itself in
// pretix/base/secrets.py (Sig1TicketSecretGenerator): secret = b64encode(raw).decode()[::-1], i.e.
// the base64 TEXT is reversed; raw = 0x01 | u16be n | u16be m | payload[n] | signature[m].
#include "badge/pretix_protobuf.hpp"
#include "badge/readers.hpp"
#include "badge/sodium_init.hpp"
#include "meetscan/scanner/base64.hpp"

#include <algorithm>
#include <sodium.h>

namespace meetscan::scanner::detail {

namespace {

constexpr unsigned char kVersion = 0x01;
constexpr std::size_t kHeaderSize = 5;
// The smallest real ticket is ~100 characters (5 + payload + 64-byte signature); below 64 a text
// is far more likely a plain id made of base64 letters, so pretix does not claim it.
constexpr std::size_t kMinTextLength = 64;

bool isBase64Char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
           c == '/' || c == '=';
}

BadgeReading malformed(std::string reason) {
    return failedReading(BadgeKind::PretixSigned, ReadVerdict::Malformed,
                         "pretix ticket: " + std::move(reason));
}

unsigned readU16(const std::string& raw, std::size_t at) {
    return (static_cast<unsigned>(static_cast<unsigned char>(raw[at])) << 8) |
           static_cast<unsigned>(static_cast<unsigned char>(raw[at + 1]));
}

bool headerMatchesSize(const std::string& raw) {
    return raw.size() >= kHeaderSize && kHeaderSize + readU16(raw, 1) + readU16(raw, 3) == raw.size();
}

// The first decoded byte, from the first base64 quantum alone, so a ticket with a damaged tail
// is still recognised (and reported) as a pretix ticket.
std::optional<unsigned char> leadingByte(std::string_view reversed) {
    if (reversed.size() < 4 || reversed.substr(0, 4).find('=') != std::string_view::npos)
        return std::nullopt;
    const auto quantum = decodeBase64(reversed.substr(0, 4));
    if (!quantum || quantum->empty())
        return std::nullopt;
    return static_cast<unsigned char>((*quantum)[0]);
}

} // namespace

std::optional<BadgeReading> readPretixTicket(std::string_view text, const ReaderConfig& config) {
    if (text.size() < kMinTextLength || !std::all_of(text.begin(), text.end(), isBase64Char))
        return std::nullopt;
    const std::string reversed(text.rbegin(), text.rend());
    const auto raw = decodeBase64(reversed);
    const auto lead = leadingByte(reversed);
    if (lead != kVersion) {
        // Another version of the same layout is still a pretix ticket, one we cannot check.
        if (raw && headerMatchesSize(*raw))
            return malformed("unsupported version " + std::to_string(static_cast<unsigned char>((*raw)[0])));
        // Leading '=' is reversed base64 padding: no plain id looks like that, so this is a ticket
        // that lost its end (and with it the header).
        if (text.front() == '=')
            return malformed("no version byte (cut off or damaged)");
        return std::nullopt;
    }
    if (!raw)
        return malformed("not valid base64 (cut off or damaged)");
    if (raw->size() < kHeaderSize)
        return malformed("too short for its header");
    const std::size_t payloadSize = readU16(*raw, 1);
    const std::size_t signatureSize = readU16(*raw, 3);
    if (kHeaderSize + payloadSize + signatureSize != raw->size())
        return malformed("header says " + std::to_string(payloadSize) + " + " +
                         std::to_string(signatureSize) + " bytes, the ticket holds " +
                         std::to_string(raw->size() - kHeaderSize));
    if (signatureSize != crypto_sign_BYTES)
        return malformed("signature is " + std::to_string(signatureSize) + " bytes, not " +
                         std::to_string(crypto_sign_BYTES));

    const std::string_view payload = std::string_view(*raw).substr(kHeaderSize, payloadSize);
    const std::string_view signature = std::string_view(*raw).substr(kHeaderSize + payloadSize);
    if (config.pretixKeys.empty())
        return failedReading(BadgeKind::PretixSigned, ReadVerdict::Forged,
                             "pretix ticket: no pretix key is trusted on this station");
    const auto signer = findSigner(payload, signature, config.pretixKeys);
    if (!signer)
        return failedReading(BadgeKind::PretixSigned, ReadVerdict::Forged,
                             "pretix ticket: signature does not match any trusted pretix key");
    auto ticket = decodePretixTicket(payload);
    if (!ticket)
        return malformed("signed payload is not a pretix_sig1 Ticket message");

    // pretix exports the whole secret ("Ticket secret"), so the roster is searched by it.
    BadgeReading reading = okReading(BadgeKind::PretixSigned, std::string(text));
    reading.pretix = std::move(*ticket);
    reading.signedBy = signer;
    return reading;
}

} // namespace meetscan::scanner::detail
