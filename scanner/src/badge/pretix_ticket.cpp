// Writing pretix_sig1 tickets, the mirror of pretix_reader.cpp (for tests and the demo).
#include "meetscan/scanner/pretix_ticket.hpp"

#include "badge/pretix_protobuf.hpp"
#include "badge/sodium_init.hpp"
#include "meetscan/scanner/base64.hpp"

#include <array>
#include <sodium.h>
#include <stdexcept>

namespace meetscan::scanner {

std::string encodePretixPayload(const PretixTicket& ticket) {
    return detail::encodePretixTicket(ticket);
}

std::string makePretixTicket(const PretixTicket& ticket, const KeyPair& keys) {
    detail::ensureSodium();
    const std::string payload = encodePretixPayload(ticket);
    if (payload.size() > 0xFFFF)
        throw std::invalid_argument("pretix ticket payload longer than 65535 bytes");
    std::array<unsigned char, crypto_sign_BYTES> signature{};
    crypto_sign_detached(signature.data(), nullptr, reinterpret_cast<const unsigned char*>(payload.data()),
                         payload.size(), keys.secretKey.data());
    std::string raw;
    raw.push_back(0x01);
    raw.push_back(static_cast<char>(payload.size() >> 8));
    raw.push_back(static_cast<char>(payload.size() & 0xFF));
    raw.push_back(static_cast<char>(signature.size() >> 8));
    raw.push_back(static_cast<char>(signature.size() & 0xFF));
    raw += payload;
    raw.append(reinterpret_cast<const char*>(signature.data()), signature.size());
    const std::string text = encodeBase64(raw);
    return std::string(text.rbegin(), text.rend());
}

} // namespace meetscan::scanner
