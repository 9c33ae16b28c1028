#pragma once
// An Ed25519 public key: the 32 raw bytes, as libsodium and pretix's DER both carry them.
#include <array>

namespace meetscan::scanner {

struct PublicKey {
    std::array<unsigned char, 32> bytes{};
    friend bool operator==(const PublicKey&, const PublicKey&) = default;
};

} // namespace meetscan::scanner
