#pragma once
// Finds and reads the codes in a grey frame. The barcode library stays behind this header, so
// upgrading it touches one .cpp.
#include "meetscan/scanner/frame.hpp"

#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace meetscan::scanner {

struct Point {
    int x = 0;
    int y = 0;
};

struct DecodedCode {
    std::string text;                // UTF-8
    std::vector<std::uint8_t> bytes; // the raw payload bytes
    std::string format;              // "QRCode", "PDF417", "Code128", "DataMatrix", "Aztec"
    std::array<Point, 4> corners{};  // top-left, top-right, bottom-right, bottom-left, in frame pixels
    std::chrono::steady_clock::time_point capturedAt{};
    std::chrono::steady_clock::time_point decodedAt{};
};

struct DecoderOptions {
    // QR is always read; these are off by default because each one costs time on every frame.
    bool pdf417 = false;
    bool code128 = false;
    bool dataMatrix = false;
    bool aztec = false;

    static DecoderOptions all() { return {true, true, true, true}; }
};

class Decoder {
public:
    explicit Decoder(DecoderOptions options = {});

    // One frame, one cheap strategy. Successive attemptIndex values rotate through strategies
    // (full resolution, downscaled, other binarizers, inverted) so a badge missed one way is tried
    // another way on the next frame. Never throws; an unreadable frame gives an empty vector.
    [[nodiscard]] std::vector<DecodedCode> decodeAll(const GreyFrame& frame,
                                                     std::uint64_t attemptIndex) const;

    // Every strategy until one finds something: for still images, where time matters less than
    // reading the code.
    [[nodiscard]] std::vector<DecodedCode> decodeHard(const GreyFrame& frame) const;

    // How many strategies decodeAll rotates through.
    [[nodiscard]] static int strategyCount();

private:
    DecoderOptions m_options;
};

} // namespace meetscan::scanner
