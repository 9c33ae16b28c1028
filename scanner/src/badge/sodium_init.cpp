#include "badge/sodium_init.hpp"

#include <sodium.h>
#include <stdexcept>

namespace meetscan::scanner::detail {

void ensureSodium() {
    static const bool ready = [] { return sodium_init() >= 0; }();
    if (!ready)
        throw std::runtime_error("libsodium could not be initialised");
}

} // namespace meetscan::scanner::detail
