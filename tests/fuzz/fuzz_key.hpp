#pragma once
// The fuzzers' event key: derived from a fixed seed, so that the signed seeds in corpus/ (written
// by make_signed_seeds) verify, and the fuzzer starts from badges that pass the signature check
// and mutates the parts after it.
#include "meetscan/scanner/signing.hpp"

#include <sodium.h>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace meetscan::fuzz {

inline scanner::KeyPair fuzzKeyPair() {
    if (sodium_init() < 0)
        std::abort();
    std::array<unsigned char, crypto_sign_SEEDBYTES> seed{};
    constexpr std::string_view kSeedText = "meetscan fuzz key, never for use";
    static_assert(kSeedText.size() == crypto_sign_SEEDBYTES);
    for (std::size_t i = 0; i < seed.size(); ++i)
        seed[i] = static_cast<unsigned char>(kSeedText[i]);
    scanner::KeyPair keys;
    crypto_sign_seed_keypair(keys.publicKey.bytes.data(), keys.secretKey.data(), seed.data());
    return keys;
}

inline std::string_view asText(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

} // namespace meetscan::fuzz
