#pragma once
// Limits a TOML file must keep before toml++ sees it. toml++ builds one table per part of a
// dotted key or table header, recursively: a key of 50,000 parts (100 kB) exhausts the stack.
// Real files are small and shallow, so the limits stop only hostile or broken ones.
#include "meetscan/scanner/expected.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace meetscan::core {

inline constexpr std::size_t kMaxTomlBytes = std::size_t{8} << 20U;
inline constexpr int kMaxTomlKeyParts = 16; // a.b.c: three parts

// Bad input "FILE:LINE:COLUMN: reason" (or "FILE: reason" for the size), or nothing when the
// file may be parsed.
[[nodiscard]] std::optional<Error> tomlShapeProblem(std::string_view text, const std::string& file);

} // namespace meetscan::core
