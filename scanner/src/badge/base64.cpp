#include "meetscan/scanner/base64.hpp"

#include "badge/sodium_init.hpp"

#include <sodium.h>

namespace meetscan::scanner {
namespace {

std::string encode(std::string_view bytes, int variant) {
    detail::ensureSodium();
    std::string out(sodium_base64_encoded_len(bytes.size(), variant), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                      bytes.size(), variant);
    out.resize(out.size() - 1); // sodium writes a terminating NUL
    return out;
}

std::optional<std::string> decode(std::string_view text, int variant) {
    detail::ensureSodium();
    std::string out(text.size() / 4 * 3 + 3, '\0');
    std::size_t length = 0;
    const char* end = nullptr;
    // A NULL ignore set and a non-NULL end pointer: we check ourselves that all text was used.
    const int rc = sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                                     text.size(), nullptr, &length, &end, variant);
    if (rc != 0 || end != text.data() + text.size())
        return std::nullopt;
    out.resize(length);
    return out;
}

} // namespace

std::string encodeBase64(std::string_view bytes) {
    return encode(bytes, sodium_base64_VARIANT_ORIGINAL);
}

std::string encodeBase64Url(std::string_view bytes) {
    return encode(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

std::optional<std::string> decodeBase64(std::string_view text) {
    if (text.size() % 4 != 0)
        return std::nullopt;
    return decode(text, sodium_base64_VARIANT_ORIGINAL);
}

std::optional<std::string> decodeBase64Url(std::string_view text) {
    if (!text.empty() && text.back() == '=')
        return text.size() % 4 == 0 ? decode(text, sodium_base64_VARIANT_URLSAFE) : std::nullopt;
    return decode(text, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

} // namespace meetscan::scanner
