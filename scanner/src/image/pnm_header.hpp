#pragma once
// A binary PGM/PPM header (P5/P6), read the way stb_image reads it, so that its numbers can be
// checked before stb_image sees them: Debian's stb_image 2.27 multiplies each header number by 10
// per digit in an int, which overflows (undefined behaviour) on a number of ten or more digits.
#include <optional>
#include <string>
#include <vector>

namespace meetscan::scanner {

struct PnmHeader {
    long long width = 0;
    long long height = 0;
    long long maxValue = 0;
};

// Each number saturates at kPnmNumberLimit rather than overflowing; std::nullopt when the bytes
// do not start with P5 or P6 (stb_image reads no other Netpbm kind).
inline constexpr long long kPnmNumberLimit = 1'000'000'000;
std::optional<PnmHeader> readPnmHeader(const std::vector<unsigned char>& bytes);

} // namespace meetscan::scanner
