#pragma once
// The process environment, read in one place: an unset variable reads as empty.
#include <cstdlib>
#include <string>

namespace meetscan::core {

[[nodiscard]] inline std::string environmentValue(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr ? std::string(value) : std::string();
}

} // namespace meetscan::core
