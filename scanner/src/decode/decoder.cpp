// The only place (besides the synthetic badge renderer) that sees ZXing. Frames are wrapped in a
// zero-copy ImageView, the way ZXing-C++'s example/ZXingOpenCV.h adapts a camera frame.
#include "meetscan/scanner/decoder.hpp"

#include <ZXing/BarcodeFormat.h>
#include <ZXing/DecodeHints.h>
#include <ZXing/ImageView.h>
#include <ZXing/ReadBarcode.h>
#include <ZXing/Result.h>
#include <algorithm>
#include <array>
#include <cstddef>

namespace meetscan::scanner {
namespace {

// Fewer pixels than this across or down (after subsampling) cannot hold a code.
constexpr int kMinSidePixels = 8;

// One way of looking at a frame. A camera frame gets one of these (cheap ones); a still image
// gets them all until one reads something.
struct Strategy {
    ZXing::Binarizer binarizer = ZXing::Binarizer::LocalAverage;
    int subsample = 1;      // look at every n-th pixel (zero-copy view); finds big codes fast
    bool tryHarder = false; // denser scanning for finder patterns
    bool tryRotate = false; // linear codes only: also scan columns
    bool tryDownscale = false;
    bool invert = false; // light code on a dark ground
    int upscale = 1;     // tiny codes: enlarge (copies) so modules span more pixels
    int smooth = 0;      // box-blur radius (copies): artistic codes with pictures in their modules
    bool isPure = false; // the image is just the code, edge to edge
};

using B = ZXing::Binarizer;

// Rotated per frame. Index 0 is the common case (a badge at arm's length, full resolution); the
// others catch what it misses: a badge too close (subsampled so the finder patterns fit the
// binarizer's window), uneven light (global threshold), inverted print.
constexpr std::array kFrameStrategies = {
    Strategy{B::LocalAverage, 1, false, false, false, false, 1},
    Strategy{B::LocalAverage, 2, true, false, false, false, 1},
    Strategy{B::LocalAverage, 1, false, false, false, false, 1},
    Strategy{B::GlobalHistogram, 1, false, false, false, false, 1},
    Strategy{B::LocalAverage, 1, false, false, false, false, 1},
    Strategy{B::LocalAverage, 2, false, false, false, true, 1},
};

constexpr std::array kHardStrategies = {
    Strategy{B::LocalAverage, 1, true, true, true, false, 1},
    Strategy{B::GlobalHistogram, 1, true, true, true, false, 1},
    Strategy{B::FixedThreshold, 1, true, true, true, false, 1},
    Strategy{B::LocalAverage, 2, true, true, false, false, 1},
    Strategy{B::LocalAverage, 1, true, true, false, false, 2},
    Strategy{B::GlobalHistogram, 1, true, true, false, false, 2},
    Strategy{B::LocalAverage, 1, true, true, true, true, 1},
    Strategy{B::GlobalHistogram, 1, true, true, true, true, 1},
    Strategy{B::GlobalHistogram, 1, true, true, false, false, 1, 1},
    Strategy{B::GlobalHistogram, 1, true, true, false, false, 1, 0, true},
    Strategy{B::LocalAverage, 1, true, true, false, false, 1, 2},
};

ZXing::BarcodeFormats formatsFor(const DecoderOptions& options) {
    ZXing::BarcodeFormats formats = ZXing::BarcodeFormat::QRCode;
    if (options.pdf417)
        formats |= ZXing::BarcodeFormat::PDF417;
    if (options.code128)
        formats |= ZXing::BarcodeFormat::Code128;
    if (options.dataMatrix)
        formats |= ZXing::BarcodeFormat::DataMatrix;
    if (options.aztec)
        formats |= ZXing::BarcodeFormat::Aztec;
    return formats;
}

// The value at (x, y) averaged over a (2r+1)^2 box, clamped at the edges.
std::uint8_t smoothed(const GreyFrame& frame, int x, int y, int radius) {
    int sum = 0;
    for (int dy = -radius; dy <= radius; ++dy) {
        const std::uint8_t* row = frame.row(std::clamp(y + dy, 0, frame.height - 1));
        for (int dx = -radius; dx <= radius; ++dx)
            sum += row[std::clamp(x + dx, 0, frame.width - 1)];
    }
    return static_cast<std::uint8_t>(sum / ((2 * radius + 1) * (2 * radius + 1)));
}

// A copy of the frame, transformed (smoothed, inverted and/or enlarged by pixel repetition).
std::vector<std::uint8_t> transformed(const GreyFrame& frame, const Strategy& strategy) {
    const int upscale = strategy.upscale;
    const int width = frame.width * upscale;
    const int height = frame.height * upscale;
    std::vector<std::uint8_t> out(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
    for (int y = 0; y < height; ++y) {
        const std::uint8_t* src = frame.row(y / upscale);
        std::uint8_t* dst = out.data() + static_cast<std::ptrdiff_t>(y) * width;
        for (int x = 0; x < width; ++x) {
            const std::uint8_t value = strategy.smooth > 0
                                           ? smoothed(frame, x / upscale, y / upscale, strategy.smooth)
                                           : src[x / upscale];
            dst[x] = strategy.invert ? static_cast<std::uint8_t>(255 - value) : value;
        }
    }
    return out;
}

Point framePoint(const ZXing::PointI& p, int subsample, int upscale) {
    return {p.x * subsample / upscale, p.y * subsample / upscale};
}

std::vector<DecodedCode> run(const GreyFrame& frame, const Strategy& strategy,
                             ZXing::BarcodeFormats formats) {
    std::vector<DecodedCode> codes;
    if (frame.empty())
        return codes;
    try {
        std::vector<std::uint8_t> copy;
        ZXing::ImageView view(frame.data, frame.width, frame.height, ZXing::ImageFormat::Lum, frame.stride);
        if (strategy.invert || strategy.upscale > 1 || strategy.smooth > 0) {
            copy = transformed(frame, strategy);
            view = ZXing::ImageView(copy.data(), frame.width * strategy.upscale,
                                    frame.height * strategy.upscale, ZXing::ImageFormat::Lum);
        }
        if (strategy.subsample > 1)
            view = view.subsampled(strategy.subsample);
        // No code fits in a sliver, and ZXing 1.4's PDF417 detector reads out of bounds on an image
        // one pixel high (a crash found by the sanitizer tests, tests/scanner/bad_image_test.cpp).
        if (view.width() < kMinSidePixels || view.height() < kMinSidePixels)
            return codes;

        ZXing::DecodeHints hints;
        hints.setFormats(formats)
            .setBinarizer(strategy.binarizer)
            .setTryHarder(strategy.tryHarder)
            .setTryRotate(strategy.tryRotate)
            .setTryDownscale(strategy.tryDownscale)
            .setIsPure(strategy.isPure);
        const auto results = ZXing::ReadBarcodes(view, hints);
        const auto decodedAt = std::chrono::steady_clock::now();
        for (const auto& result : results) {
            if (!result.isValid())
                continue;
            DecodedCode code;
            code.text = result.text();
            code.bytes.assign(result.bytes().begin(), result.bytes().end());
            code.format = ZXing::ToString(result.format());
            const auto& position = result.position();
            for (std::size_t i = 0; i < 4; ++i)
                code.corners.at(i) = framePoint(position[i], strategy.subsample, strategy.upscale);
            code.capturedAt = frame.capturedAt;
            code.decodedAt = decodedAt;
            codes.push_back(std::move(code));
        }
    } catch (...) {
        // A decoder bug on one odd frame must not take the scan loop down; the frame just reads as empty.
        codes.clear();
    }
    return codes;
}

} // namespace

Decoder::Decoder(DecoderOptions options) : m_options(options) {}

int Decoder::strategyCount() {
    return static_cast<int>(kFrameStrategies.size());
}

std::vector<DecodedCode> Decoder::decodeAll(const GreyFrame& frame, std::uint64_t attemptIndex) const {
    const auto& strategy =
        kFrameStrategies.at(static_cast<std::size_t>(attemptIndex % kFrameStrategies.size()));
    return run(frame, strategy, formatsFor(m_options));
}

std::vector<DecodedCode> Decoder::decodeHard(const GreyFrame& frame) const {
    const auto formats = formatsFor(m_options);
    for (const auto& strategy : kHardStrategies) {
        // Enlarging only helps small images; on big ones it just costs memory and time.
        if (strategy.upscale > 1 && std::max(frame.width, frame.height) > 1000)
            continue;
        // Smoothing is for close-up artistic codes; a big photo would pay for it with nothing to gain.
        if (strategy.smooth > 0 && static_cast<long long>(frame.width) * frame.height > 4'000'000)
            continue;
        auto codes = run(frame, strategy, formats);
        if (!codes.empty())
            return codes;
    }
    return {};
}

} // namespace meetscan::scanner
