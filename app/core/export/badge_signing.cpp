#include "core/export/badge_signing.hpp"

#include "meetscan/scanner/base64.hpp"

#include <algorithm>

namespace meetscan::core {

Expected<scanner::KeyPair> eventSigningKey(const KeyRepository& keys) {
    const auto stored = keys.signingKey();
    if (!stored)
        return Error::badInput(
            "this event has no signing key for MS1 badges: run `meetscan keys generate` first");
    auto publicKey = scanner::decodePublicKey(stored->publicKey);
    const auto secret = scanner::decodeBase64(stored->secretKey);
    if (!publicKey || !secret || secret->size() != 64)
        return Error::badInput(
            "the stored signing key is damaged: run `meetscan keys generate --replace` for a new one");
    scanner::KeyPair pair;
    pair.publicKey = *publicKey;
    std::copy(secret->begin(), secret->end(), pair.secretKey.begin());
    // libsodium's secret key ends with its public key: a pair that disagrees would sign badges
    // that no station trusting the public half accepts.
    if (!std::equal(pair.publicKey.bytes.begin(), pair.publicKey.bytes.end(), pair.secretKey.begin() + 32))
        return Error::badInput(
            "the stored signing key pair does not match: run `meetscan keys generate --replace` for a new one");
    return pair;
}

std::string signedBadgeText(const Attendee& attendee, const scanner::KeyPair& keys) {
    return scanner::signBadge({attendee.badgeCode, attendee.firstName, attendee.lastName, attendee.company},
                              keys);
}

} // namespace meetscan::core
