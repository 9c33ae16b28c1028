#pragma once

namespace meetscan::scanner::detail {

// libsodium must be initialised before use; sodium_init is idempotent and thread-safe, but calling
// it once through a function-local static keeps the hot path to a single check.
void ensureSodium();

} // namespace meetscan::scanner::detail
