#pragma once
// Small text helpers shared by the badge readers.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meetscan::scanner::detail {

// Byte offset of the first invalid UTF-8 sequence (overlong forms, surrogates and code points
// above U+10FFFF count as invalid), or nullopt when `text` is valid.
std::optional<std::size_t> findInvalidUtf8(std::string_view text);

std::string_view trimAscii(std::string_view text);
std::string toLowerAscii(std::string_view text);
std::string toUpperAscii(std::string_view text);
bool equalsIgnoreCase(std::string_view a, std::string_view b);
bool startsWithIgnoreCase(std::string_view text, std::string_view prefix);

// Splits on every occurrence of `separator` (empty fields kept).
std::vector<std::string_view> split(std::string_view text, std::string_view separator);

// "Jean-Luc Picard" -> {"Jean-Luc", "Picard"}: the last word is the family name.
void splitDisplayName(std::string_view name, std::string& first, std::string& last);

// Converts `bytes` from `charset` to UTF-8 with iconv; nullopt when the charset is unknown or the
// bytes are not valid in it. UTF-8 (and US-ASCII) are only validated.
std::optional<std::string> toUtf8(std::string_view bytes, std::string_view charset);

} // namespace meetscan::scanner::detail
