#include "meetscan/scanner/signing.hpp"

#include "badge/sodium_init.hpp"
#include "meetscan/scanner/base64.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sodium.h>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace meetscan::scanner {

namespace {

constexpr std::string_view kKeyFileFormat = "meetscan-ed25519";

std::string_view asChars(const unsigned char* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

} // namespace

KeyPair generateKeyPair() {
    detail::ensureSodium();
    KeyPair keys;
    crypto_sign_keypair(keys.publicKey.bytes.data(), keys.secretKey.data());
    return keys;
}

std::string encodeBadgePayload(const BadgePayload& payload) {
    // nlohmann's object keeps keys sorted, so the payload is the same bytes for the same badge.
    nlohmann::json object = {{"v", 1}, {"c", payload.code}};
    if (!payload.firstName.empty())
        object["f"] = payload.firstName;
    if (!payload.lastName.empty())
        object["l"] = payload.lastName;
    if (!payload.company.empty())
        object["o"] = payload.company;
    return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string signBadge(const BadgePayload& payload, const KeyPair& keys) {
    detail::ensureSodium();
    const std::string bytes = encodeBadgePayload(payload);
    std::array<unsigned char, crypto_sign_BYTES> signature{};
    crypto_sign_detached(signature.data(), nullptr, reinterpret_cast<const unsigned char*>(bytes.data()),
                         bytes.size(), keys.secretKey.data());
    return std::string(kMeetScanBadgePrefix) + encodeBase64Url(bytes) + "." +
           encodeBase64Url(asChars(signature.data(), signature.size()));
}

std::string encodePublicKey(const PublicKey& key) {
    return encodeBase64(asChars(key.bytes.data(), key.bytes.size()));
}

Expected<PublicKey> decodePublicKey(std::string_view base64) {
    const auto bytes = decodeBase64(base64);
    if (!bytes)
        return Error::badInput("public key is not valid base64");
    PublicKey key;
    if (bytes->size() != key.bytes.size())
        return Error::badInput("public key must be 32 bytes, got " + std::to_string(bytes->size()));
    std::memcpy(key.bytes.data(), bytes->data(), key.bytes.size());
    return key;
}

Expected<KeyPair> readKeyPairFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error::badInput(path.string() + ": cannot open key file: " + std::strerror(errno));
    std::stringstream text;
    text << in.rdbuf();
    const auto object = nlohmann::json::parse(text.str(), nullptr, false);
    if (object.is_discarded() || !object.is_object())
        return Error::badInput(path.string() + ": not a MeetScan key file (not a JSON object)");
    if (object.value("format", "") != kKeyFileFormat)
        return Error::badInput(path.string() +
                               ": not a MeetScan key file (format is not \"meetscan-ed25519\")");
    if (!object.contains("public_key") || !object["public_key"].is_string() ||
        !object.contains("secret_key") || !object["secret_key"].is_string())
        return Error::badInput(path.string() + ": key file lacks public_key or secret_key");
    auto publicKey = decodePublicKey(object["public_key"].get<std::string>());
    if (!publicKey)
        return Error::badInput(path.string() + ": " + publicKey.error().message);
    const auto secret = decodeBase64(object["secret_key"].get<std::string>());
    KeyPair keys;
    if (!secret || secret->size() != keys.secretKey.size())
        return Error::badInput(path.string() + ": secret_key must be base64 of 64 bytes");
    std::memcpy(keys.secretKey.data(), secret->data(), keys.secretKey.size());
    keys.publicKey = *publicKey;
    detail::ensureSodium();
    PublicKey derived;
    crypto_sign_ed25519_sk_to_pk(derived.bytes.data(), keys.secretKey.data());
    if (derived != keys.publicKey)
        return Error::badInput(path.string() + ": public_key does not belong to secret_key");
    return keys;
}

Status writeKeyPairFile(const std::filesystem::path& path, const KeyPair& keys) {
    const nlohmann::json object = {
        {"format", kKeyFileFormat},
        {"public_key", encodePublicKey(keys.publicKey)},
        {"secret_key", encodeBase64(asChars(keys.secretKey.data(), keys.secretKey.size()))},
    };
    const std::string text = object.dump(2) + "\n";
    // open() with 0600 rather than ofstream: the secret must never exist with wider permissions.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0)
        return Error::world(path.string() + ": cannot create key file: " + std::strerror(errno));
    bool ok = ::fchmod(fd, S_IRUSR | S_IWUSR) == 0;
    std::size_t written = 0;
    while (ok && written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        ok = n > 0;
        if (ok)
            written += static_cast<std::size_t>(n);
    }
    ok = ok && ::fsync(fd) == 0;
    const int savedErrno = errno;
    ok = (::close(fd) == 0) && ok;
    if (!ok)
        return Error::world(path.string() + ": cannot write key file: " + std::strerror(savedErrno));
    return Done{};
}

} // namespace meetscan::scanner
