// pretix_sig1 public keys: base64 of a PEM "PUBLIC KEY" holding an Ed25519 SubjectPublicKeyInfo,
// as pretix stores them (pretix/base/secrets.py, _generate_keys: PublicFormat.SubjectPublicKeyInfo).
#include "badge/text_util.hpp"
#include "meetscan/scanner/base64.hpp"
#include "meetscan/scanner/pretix_ticket.hpp"

#include <cstring>

namespace meetscan::scanner {

namespace {

constexpr std::string_view kPemBegin = "-----BEGIN PUBLIC KEY-----";
constexpr std::string_view kPemEnd = "-----END PUBLIC KEY-----";
// DER of SEQUENCE { SEQUENCE { OID 1.3.101.112 (Ed25519) }, BIT STRING (33 bytes: 0 unused bits + key) }.
constexpr unsigned char kSpkiPrefix[] = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03,
                                         0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

std::string spkiDer(const PublicKey& key) {
    std::string der(reinterpret_cast<const char*>(kSpkiPrefix), sizeof kSpkiPrefix);
    der.append(reinterpret_cast<const char*>(key.bytes.data()), key.bytes.size());
    return der;
}

Expected<PublicKey> parsePem(std::string_view pem) {
    const auto begin = pem.find(kPemBegin);
    const auto end = pem.find(kPemEnd);
    if (begin == std::string_view::npos || end == std::string_view::npos || end < begin)
        return Error::badInput("pretix key: no -----BEGIN PUBLIC KEY----- block");
    std::string body;
    for (const char c : pem.substr(begin + kPemBegin.size(), end - begin - kPemBegin.size())) {
        if (c != '\n' && c != '\r' && c != ' ' && c != '\t')
            body.push_back(c);
    }
    const auto der = decodeBase64(body);
    if (!der)
        return Error::badInput("pretix key: PEM body is not valid base64");
    if (der->size() != sizeof kSpkiPrefix + 32 ||
        std::memcmp(der->data(), kSpkiPrefix, sizeof kSpkiPrefix) != 0)
        return Error::badInput("pretix key: not an Ed25519 public key");
    PublicKey key;
    std::memcpy(key.bytes.data(), der->data() + sizeof kSpkiPrefix, key.bytes.size());
    return key;
}

} // namespace

std::string pretixPublicKeyPem(const PublicKey& key) {
    const std::string pem =
        std::string(kPemBegin) + "\n" + encodeBase64(spkiDer(key)) + "\n" + std::string(kPemEnd) + "\n";
    return encodeBase64(pem);
}

Expected<PublicKey> parsePretixKey(std::string_view base64Pem) {
    const auto text = detail::trimAscii(base64Pem);
    if (text.starts_with("-----"))
        return parsePem(text);
    const auto pem = decodeBase64(text);
    if (!pem)
        return Error::badInput("pretix key: not valid base64 (expected base64 of a PEM public key)");
    return parsePem(*pem);
}

} // namespace meetscan::scanner
