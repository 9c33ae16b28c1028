#include "badge/sodium_init.hpp"

#include <sodium.h>
#include <stdexcept>

namespace meetscan::scanner::detail {

void ensureSodium() {
    static const bool ready = [] { return sodium_init() >= 0; }();
    if (!ready)
        throw std::runtime_error("libsodium could not be initialised");
}

std::optional<PublicKey> findSigner(std::string_view payload, std::string_view signature,
                                    const std::vector<PublicKey>& keys) {
    ensureSodium();
    if (signature.size() != crypto_sign_BYTES)
        return std::nullopt;
    for (const auto& key : keys) {
        if (crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature.data()),
                                        reinterpret_cast<const unsigned char*>(payload.data()), payload.size(),
                                        key.bytes.data()) == 0)
            return key;
    }
    return std::nullopt;
}

} // namespace meetscan::scanner::detail
