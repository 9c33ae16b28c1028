// The decoder on generated codes: every enabled format, corners, strides, strategies, empty frames.
#include "meetscan/scanner/decoder.hpp"
#include "meetscan/scanner/synthetic_badge.hpp"

#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/CharacterSet.h>
#include <ZXing/MultiFormatWriter.h>
#include <algorithm>
#include <gtest/gtest.h>

namespace meetscan::scanner {
namespace {

// A code drawn by ZXing's writer, `scale` pixels a module, on a white frame with a margin.
GreyFrame drawnCode(ZXing::BarcodeFormat format, const std::string& text, int scale, int padding = 40,
                    int extraStride = 0) {
    auto writer = ZXing::MultiFormatWriter(format).setMargin(0);
    if (format == ZXing::BarcodeFormat::QRCode)
        writer.setEncoding(ZXing::CharacterSet::UTF8);
    const auto matrix = writer.encode(text, 0, 0);
    const int width = matrix.width() * scale + 2 * padding;
    const int height =
        std::max(matrix.height() * scale, format == ZXing::BarcodeFormat::Code128 ? 80 : 0) + 2 * padding;
    const int stride = width + extraStride;
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(stride) * static_cast<std::size_t>(height),
                                     255);
    for (int y = padding; y < height - padding; ++y)
        for (int x = padding; x < width - padding; ++x) {
            const int my = matrix.height() == 1 ? 0 : std::min((y - padding) / scale, matrix.height() - 1);
            if (matrix.get((x - padding) / scale, my))
                pixels[static_cast<std::size_t>(y * stride + x)] = 0;
        }
    auto frame = GreyFrame::fromPixels(std::move(pixels), width, height);
    frame.stride = stride;
    return frame;
}

TEST(Decoder, ReadsQrTextBytesFormatAndCorners) {
    const auto frame = drawnCode(ZXing::BarcodeFormat::QRCode, "MS1.hello.world", 6);
    const auto codes = Decoder().decodeAll(frame, 0);
    ASSERT_EQ(codes.size(), 1U);
    EXPECT_EQ(codes[0].text, "MS1.hello.world");
    EXPECT_EQ(std::string(codes[0].bytes.begin(), codes[0].bytes.end()), "MS1.hello.world");
    EXPECT_EQ(codes[0].format, "QRCode");
    // The code spans [40, width-40) in both axes: corners sit on it, within a module.
    const int far = frame.width - 40;
    EXPECT_NEAR(codes[0].corners[0].x, 40, 6);
    EXPECT_NEAR(codes[0].corners[0].y, 40, 6);
    EXPECT_NEAR(codes[0].corners[2].x, far, 8);
    EXPECT_NEAR(codes[0].corners[2].y, far, 8);
    EXPECT_EQ(codes[0].capturedAt, frame.capturedAt);
    EXPECT_GE(codes[0].decodedAt, codes[0].capturedAt);
}

TEST(Decoder, ReadsUtf8Text) {
    const std::string text = "Zoë Ødegård — 東京";
    const auto codes = Decoder().decodeAll(drawnCode(ZXing::BarcodeFormat::QRCode, text, 5), 0);
    ASSERT_EQ(codes.size(), 1U);
    EXPECT_EQ(codes[0].text, text);
}

TEST(Decoder, HonoursStrideWithPaddedRows) {
    const auto frame = drawnCode(ZXing::BarcodeFormat::QRCode, "stride-test", 5, 30, 13);
    ASSERT_NE(frame.stride, frame.width);
    const auto codes = Decoder().decodeHard(frame);
    ASSERT_EQ(codes.size(), 1U);
    EXPECT_EQ(codes[0].text, "stride-test");
}

TEST(Decoder, OtherFormatsOnlyWhenEnabled) {
    struct Case {
        ZXing::BarcodeFormat format;
        const char* name;
        int scale;
    };
    for (const auto& c :
         {Case{ZXing::BarcodeFormat::PDF417, "PDF417", 3}, Case{ZXing::BarcodeFormat::Code128, "Code128", 3},
          Case{ZXing::BarcodeFormat::DataMatrix, "DataMatrix", 6},
          Case{ZXing::BarcodeFormat::Aztec, "Aztec", 6}}) {
        SCOPED_TRACE(c.name);
        const auto frame = drawnCode(c.format, "ATT-000123", c.scale);
        EXPECT_TRUE(Decoder().decodeHard(frame).empty()) << "QR-only decoder read a " << c.name;
        const auto codes = Decoder(DecoderOptions::all()).decodeHard(frame);
        ASSERT_EQ(codes.size(), 1U);
        EXPECT_EQ(codes[0].text, "ATT-000123");
        EXPECT_EQ(codes[0].format, c.name);
    }
}

TEST(Decoder, EmptyAndBlankFramesGiveNothing) {
    const Decoder decoder;
    EXPECT_TRUE(decoder.decodeAll(GreyFrame{}, 0).empty());
    EXPECT_TRUE(decoder.decodeHard(GreyFrame{}).empty());
    const auto blank = GreyFrame::fromPixels(std::vector<std::uint8_t>(640 * 480, 200), 640, 480);
    for (int i = 0; i < Decoder::strategyCount(); ++i)
        EXPECT_TRUE(decoder.decodeAll(blank, static_cast<std::uint64_t>(i)).empty());
    EXPECT_TRUE(decoder.decodeHard(blank).empty());
    EXPECT_TRUE(decoder.decodeAll(renderBadgeFrame(BadgeScene{}), 0).empty()); // no badge in view
}

TEST(Decoder, InvertedBadgeIsReadByARotatingStrategy) {
    BadgeScene scene;
    scene.text = "INVERTED-42";
    scene.inverted = true;
    const auto frame = renderBadgeFrame(scene);
    const Decoder decoder;
    EXPECT_TRUE(decoder.decodeAll(frame, 0).empty())
        << "the plain strategy is not expected to read inverted print";
    bool found = false;
    for (int i = 0; i < Decoder::strategyCount() && !found; ++i)
        for (const auto& code : decoder.decodeAll(frame, static_cast<std::uint64_t>(i)))
            found = found || code.text == "INVERTED-42";
    EXPECT_TRUE(found);
    ASSERT_FALSE(decoder.decodeHard(frame).empty());
}

TEST(Decoder, SeveralCodesInOneFrame) {
    auto left = drawnCode(ZXing::BarcodeFormat::QRCode, "LEFT", 5);
    auto right = drawnCode(ZXing::BarcodeFormat::QRCode, "RIGHT-CODE", 5);
    const int width = left.width + right.width;
    const int height = std::max(left.height, right.height);
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width * height), 255);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const auto& src = x < left.width ? left : right;
            const int sx = x < left.width ? x : x - left.width;
            if (y < src.height)
                pixels[static_cast<std::size_t>(y * width + x)] = src.row(y)[sx];
        }
    const auto codes = Decoder().decodeAll(GreyFrame::fromPixels(std::move(pixels), width, height), 0);
    std::vector<std::string> texts;
    for (const auto& code : codes)
        texts.push_back(code.text);
    std::sort(texts.begin(), texts.end());
    EXPECT_EQ(texts, (std::vector<std::string>{"LEFT", "RIGHT-CODE"}));
}

} // namespace
} // namespace meetscan::scanner
