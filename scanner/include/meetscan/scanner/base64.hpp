#pragma once
// Base64 (RFC 4648) in the two alphabets badges use: standard for key strings and pretix
// secrets, URL-safe without padding for MS1 badges. Backed by libsodium's sodium_bin2base64.
#include <optional>
#include <string>
#include <string_view>

namespace meetscan::scanner {

std::string encodeBase64(std::string_view bytes);    // standard alphabet, '=' padded
std::string encodeBase64Url(std::string_view bytes); // URL-safe alphabet, no padding

// Strict: the whole text must be base64 of the given alphabet; padding required for the standard
// alphabet and accepted (not required) for the URL-safe one. nullopt when it is not.
std::optional<std::string> decodeBase64(std::string_view text);
std::optional<std::string> decodeBase64Url(std::string_view text);

} // namespace meetscan::scanner
