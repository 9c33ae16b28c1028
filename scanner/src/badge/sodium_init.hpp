#pragma once
#include "meetscan/scanner/public_key.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace meetscan::scanner::detail {

// libsodium must be initialised before use; sodium_init is idempotent and thread-safe, but calling
// it once through a function-local static keeps the hot path to a single check.
void ensureSodium();

// The trusted key whose Ed25519 signature over `payload` is `signature`, if any.
std::optional<PublicKey> findSigner(std::string_view payload, std::string_view signature,
                                    const std::vector<PublicKey>& keys);

} // namespace meetscan::scanner::detail
