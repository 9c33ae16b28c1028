#include "core/domain/attendee.hpp"

#include <sodium.h>

#include <array>

namespace meetscan::core {

std::string Attendee::displayName() const {
    if (firstName.empty())
        return lastName;
    if (lastName.empty())
        return firstName;
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
