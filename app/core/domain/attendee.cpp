#include "core/domain/attendee.hpp"

#include <sodium.h>

#include <array>

namespace meetscan::core {

namespace {

// Han, kana and Hangul: names in these scripts are written family name first, without a space.
bool isCjkName(const std::string& text) {
    if (text.empty())
        return false;
    for (size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead < 0x80)
            return false;
        const int length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
        if (length != 3 || i + 2 >= text.size())
            return length == 4; // supplementary CJK ideographs
        const unsigned codePoint = ((lead & 0x0FU) << 12) | ((static_cast<unsigned char>(text[i + 1]) & 0x3FU) << 6) |
                                   (static_cast<unsigned char>(text[i + 2]) & 0x3FU);
        const bool cjk = (codePoint >= 0x3040 && codePoint <= 0x30FF) || (codePoint >= 0x3400 && codePoint <= 0x9FFF) ||
                         (codePoint >= 0xAC00 && codePoint <= 0xD7AF);
        if (!cjk)
            return false;
        i += 3;
    }
    return true;
}

} // namespace

std::string Attendee::displayName() const {
    if (firstName.empty())
        return lastName;
    if (lastName.empty())
        return firstName;
    if (isCjkName(firstName) && isCjkName(lastName))
        return lastName + firstName;
    return firstName + " " + lastName;
}

std::string attendeeIdForCode(const std::string& badgeCode) {
    // Crockford base32 of a keyed-less BLAKE2b hash: short, case-insensitive, no look-alike letters.
    static constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    std::array<unsigned char, 10> hash{};
    crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(badgeCode.data()),
                       badgeCode.size(), nullptr, 0);
    std::string id = "A";
    unsigned buffer = 0;
    int bits = 0;
    for (unsigned char byte : hash) {
        buffer = (buffer << 8) | byte;
        bits += 8;
        while (bits >= 5) {
            id += kAlphabet[(buffer >> (bits - 5)) & 31U];
            bits -= 5;
        }
    }
    return id;
}

} // namespace meetscan::core
