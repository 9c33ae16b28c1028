#include "core/domain/ulid.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <sodium.h>

#include <array>

namespace meetscan::core {

__extension__ using Uint128 = unsigned __int128;

TimeMs nowMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string formatIsoTime(TimeMs at) {
    auto seconds = static_cast<std::time_t>(at / 1000);
    auto millis = at % 1000;
    if (millis < 0) {
        millis += 1000;
        seconds -= 1;
    }
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    return fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03d}Z", utc, millis);
}

std::string newUlid(TimeMs at) {
    static constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    std::array<unsigned char, 16> bytes{};
    auto time = static_cast<std::uint64_t>(at);
    for (int i = 5; i >= 0; --i) {
        bytes[static_cast<size_t>(i)] = static_cast<unsigned char>(time & 0xFF);
        time >>= 8;
    }
    randombytes_buf(bytes.data() + 6, 10);
    // 128 bits as 26 base32 digits: the first digit carries the top 3 bits.
    std::string out(26, '0');
    Uint128 value = 0;
    for (unsigned char byte : bytes)
        value = (value << 8) | byte;
    for (int i = 25; i >= 0; --i) {
        out[static_cast<size_t>(i)] = kAlphabet[static_cast<unsigned>(value & 31U)];
        value >>= 5;
    }
    return out;
}

} // namespace meetscan::core
