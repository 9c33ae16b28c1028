#pragma once
// MeetScan signed badges (MS1) and event key pairs.
//
// Badge text: "MS1." + base64url(payload) + "." + base64url(signature), base64url without
// padding (RFC 4648 section 5), signature = Ed25519 detached signature (64 bytes, libsodium
// crypto_sign_detached) over the payload bytes exactly as encoded.
// Payload: compact UTF-8 JSON object
//     {"v":1,"c":"<roster badge code>","f":"<first name>","l":"<last name>","o":"<company>"}
// "v" (version, must be 1) and "c" (non-empty) are required; "f", "l", "o" are left out when
// empty; unknown members are ignored so later versions of MeetScan can add some.
//
// Key pair file: a small JSON text, mode 0600:
//     {"format":"meetscan-ed25519","public_key":"<base64 32 bytes>","secret_key":"<base64 64 bytes>"}
// The secret key is libsodium's 64-byte form (seed followed by the public key).
#include "meetscan/scanner/expected.hpp"
#include "meetscan/scanner/public_key.hpp"

#include <array>
#include <filesystem>
#include <string>
#include <string_view>

namespace meetscan::scanner {

struct BadgePayload {
    std::string code, firstName, lastName, company;
    friend bool operator==(const BadgePayload&, const BadgePayload&) = default;
};

struct KeyPair {
    PublicKey publicKey;
    std::array<unsigned char, 64> secretKey{};
};

inline constexpr std::string_view kMeetScanBadgePrefix = "MS1.";

KeyPair generateKeyPair();

// The MS1 badge text for `payload`, signed with `keys`.
std::string signBadge(const BadgePayload& payload, const KeyPair& keys);

// The payload's compact JSON, as signed.
std::string encodeBadgePayload(const BadgePayload& payload);

// Standard base64 of the 32 raw bytes: what `meetscan keys trust` takes and `keys list` shows.
std::string encodePublicKey(const PublicKey& key);
Expected<PublicKey> decodePublicKey(std::string_view base64);

Expected<KeyPair> readKeyPairFile(const std::filesystem::path& path);
// Creates or replaces `path` with mode 0600 (the secret key is in it).
Status writeKeyPairFile(const std::filesystem::path& path, const KeyPair& keys);

} // namespace meetscan::scanner
