// Images nobody should hand a kiosk, and some will: huge, tiny, truncated, in the wrong format, or
// all black. Each gives a clear message naming the file (or simply no code), never a crash; these
// also run under AddressSanitizer and UndefinedBehaviorSanitizer in CI.
#include "meetscan/scanner/decoder.hpp"
#include "meetscan/scanner/image_file.hpp"
#include "support/json_lines.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"
#include "test_images.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"
#pragma GCC diagnostic ignored "-Wcast-align"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#endif
// test_images.cpp holds its own static copy for PNG; this file needs JPEG and BMP too.
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#include <stb/stb_image_write.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace meetscan::test {
namespace {

using scanner::Decoder;
using scanner::DecoderOptions;
using scanner::GreyFrame;

GreyFrame filled(int width, int height, std::uint8_t value) {
    return GreyFrame::fromPixels(std::vector<std::uint8_t>(static_cast<std::size_t>(width) * height, value),
                                 width, height);
}

// Black and white squares, like a QR module grid without a code in it.
GreyFrame checker(int width, int height, int cell) {
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width) * height);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            pixels[static_cast<std::size_t>(y) * width + x] = ((x / cell + y / cell) % 2) != 0 ? 0 : 255;
    return GreyFrame::fromPixels(std::move(pixels), width, height);
}

void appendU32be(std::string& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8)
        out += static_cast<char>((value >> shift) & 0xFF);
}

// A PNG signature and IHDR claiming width x height, with nothing after it.
std::string pngHeader(std::uint32_t width, std::uint32_t height) {
    std::string png = "\x89PNG\r\n\x1a\n";
    appendU32be(png, 13);
    png += "IHDR";
    appendU32be(png, width);
    appendU32be(png, height);
    png += std::string("\x08\x00\x00\x00\x00", 5); // 8-bit grey, no interlace
    appendU32be(png, 0);                          // CRC: stb_image does not check it
    return png;
}

std::string bytesOf(const std::vector<unsigned char>& bytes) {
    return {bytes.begin(), bytes.end()};
}

void collect(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<unsigned char>*>(context);
    const auto* bytes = static_cast<const unsigned char*>(data);
    out->insert(out->end(), bytes, bytes + size);
}

std::string encodeJpeg(const GreyFrame& frame) {
    std::vector<unsigned char> out;
    if (stbi_write_jpg_to_func(collect, &out, frame.width, frame.height, 1, frame.data, 90) == 0)
        ADD_FAILURE() << "cannot encode JPEG";
    return bytesOf(out);
}

std::string encodeBmp(const GreyFrame& frame) {
    std::vector<unsigned char> out;
    if (stbi_write_bmp_to_func(collect, &out, frame.width, frame.height, 1, frame.data) == 0)
        ADD_FAILURE() << "cannot encode BMP";
    return bytesOf(out);
}

std::vector<unsigned char> asBytes(const std::string& text) {
    return {text.begin(), text.end()};
}

// Every strategy of the camera path and the still-image path, on one frame: none may crash, and
// a frame without a code gives no result.
void expectNoCode(const GreyFrame& frame) {
    const Decoder decoder(DecoderOptions::all());
    for (int attempt = 0; attempt < Decoder::strategyCount(); ++attempt)
        EXPECT_TRUE(decoder.decodeAll(frame, static_cast<std::uint64_t>(attempt)).empty())
            << frame.width << "x" << frame.height << " attempt " << attempt;
    EXPECT_TRUE(decoder.decodeHard(frame).empty()) << frame.width << "x" << frame.height;
}

TEST(BadImage, HugeDimensionsAreRefusedBeforeThePixelsAreAllocated) {
    struct Case {
        std::string name;
        std::string bytes;
    };
    const std::vector<Case> cases = {
        {"huge.png", pngHeader(60000, 60000)},
        {"wide.png", pngHeader(1'000'000, 200)},
        {"overflow.png", pngHeader(0xD6D6D6D6, 0xD6D6D6D6)}, // fuzz_image: width x height overflowed
        {"huge.pgm", "P5\n50000 50000\n255\n\x01"},
        {"huge.bmp", [] {
             // BITMAPINFOHEADER 40000 x 40000, 8 bits a pixel, no pixels.
             std::string bmp = "BM";
             const auto le32 = [&bmp](std::uint32_t v) {
                 for (int shift = 0; shift < 32; shift += 8)
                     bmp += static_cast<char>((v >> shift) & 0xFF);
             };
             const auto le16 = [&bmp](std::uint16_t v) {
                 bmp += static_cast<char>(v & 0xFF);
                 bmp += static_cast<char>(v >> 8);
             };
             le32(54 + 1024), le32(0), le32(54 + 1024), le32(40), le32(40000), le32(40000);
             le16(1), le16(8), le32(0), le32(0), le32(2835), le32(2835), le32(256), le32(0);
             return bmp;
         }()},
    };
    for (const auto& [name, bytes] : cases) {
        SCOPED_TRACE(name);
        const auto loaded = scanner::decodeGreyImage(asBytes(bytes), name);
        ASSERT_FALSE(loaded.ok());
        EXPECT_EQ(loaded.error().kind, Error::Kind::BadInput);
        EXPECT_EQ(loaded.error().message.rfind(name + ": ", 0), 0U) << loaded.error().message;
        EXPECT_NE(loaded.error().message.find("too large"), std::string::npos) << loaded.error().message;
    }
}

TEST(BadImage, ACallerMayAllowFewerPixels) {
    const std::string header = "P5\n2000 2500\n255\n";
    const auto refused = scanner::decodeGreyImage(asBytes(header + "\x01"), "five.pgm", 4'000'000);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().message, "five.pgm: image too large (2000x2500, limit is 4 megapixels)");
    const auto loaded = scanner::decodeGreyImage(asBytes(header + std::string(2000U * 2500U, '\x80')), "five.pgm");
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    EXPECT_EQ(loaded->height, 2500);
}

TEST(BadImage, LargeAllBlackPhotoHoldsNoCode) {
    // 24 megapixels, as a phone camera takes them: under the limit, so it is read and searched.
    TempDir dir;
    writePng(dir / "black.png", filled(6000, 4000, 0));
    const auto loaded = scanner::loadGreyImage(dir / "black.png");
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    EXPECT_EQ(loaded->width, 6000);
    EXPECT_TRUE(Decoder(DecoderOptions::all()).decodeHard(*loaded).empty());
}

TEST(BadImage, TinyImagesHoldNoCode) {
    for (const auto& [width, height] : {std::pair{1, 1}, {2, 2}, {3, 3}, {1, 300}, {300, 1}, {7, 5}, {21, 21}}) {
        SCOPED_TRACE(std::to_string(width) + "x" + std::to_string(height));
        expectNoCode(filled(width, height, 0));
        expectNoCode(filled(width, height, 255));
        expectNoCode(checker(width, height, 1));
    }
    // Through a file too: a 1x1 PNG loads as one pixel.
    TempDir dir;
    writePng(dir / "dot.png", filled(1, 1, 0));
    const auto dot = scanner::loadGreyImage(dir / "dot.png");
    ASSERT_TRUE(dot.ok()) << dot.error().message;
    EXPECT_EQ(dot->width, 1);
    EXPECT_EQ(dot->height, 1);
}

TEST(BadImage, AllBlackAllWhiteAndNoiseFramesHoldNoCode) {
    expectNoCode(filled(1280, 720, 0));
    expectNoCode(filled(1280, 720, 255));
    expectNoCode(checker(640, 480, 4));
}

TEST(BadImage, EveryTruncationIsAClearErrorOrAnImage) {
    const GreyFrame picture = checker(64, 48, 8);
    TempDir dir;
    writePng(dir / "full.png", picture);
    const std::vector<std::pair<std::string, std::string>> files = {
        {"cut.png", readFile(dir / "full.png")},
        {"cut.jpg", encodeJpeg(picture)},
        {"cut.bmp", encodeBmp(picture)},
        {"cut.pgm", "P5\n64 48\n255\n" + std::string(64 * 48, '\x80')},
    };
    for (const auto& [name, whole] : files) {
        SCOPED_TRACE(name);
        ASSERT_GT(whole.size(), 40U);
        ASSERT_TRUE(scanner::decodeGreyImage(asBytes(whole), name).ok());
        // Every cut inside the headers, then every 7th byte through the pixels.
        for (std::size_t length = 0; length < whole.size(); length += length < 256 ? 1 : 7) {
            const auto loaded = scanner::decodeGreyImage(asBytes(whole.substr(0, length)), name);
            if (loaded.ok()) {
                // Some formats give what they have: JPEG pads missing rows, and a PGM header cut
                // inside "48" reads as 4 rows. Never more pixels than the file holds.
                EXPECT_GT(loaded->width, 0) << "cut at " << length;
                EXPECT_LE(loaded->width, 64) << "cut at " << length;
                EXPECT_GT(loaded->height, 0) << "cut at " << length;
                EXPECT_LE(loaded->height, 48) << "cut at " << length;
                continue;
            }
            EXPECT_EQ(loaded.error().kind, Error::Kind::BadInput);
            EXPECT_EQ(loaded.error().message.rfind(name + ": ", 0), 0U) << loaded.error().message;
        }
    }
}

TEST(BadImage, WrongFormatsAreBadInputNamingTheFile) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"notes.png", "This is a text file with an image's name.\n"},
        {"doc.png", "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"},
        {"archive.jpg", std::string("PK\x03\x04\x14\x00\x00\x00\x08\x00", 10) + std::string(64, '\0')},
        {"vector.png", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>"},
        {"photo.webp", std::string("RIFF\x24\x00\x00\x00WEBPVP8 ", 16) + std::string(32, '\x01')},
        {"zeros.png", std::string(4096, '\0')},
        {"empty.png", ""},
    };
    for (const auto& [name, bytes] : cases) {
        SCOPED_TRACE(name);
        const auto loaded = scanner::decodeGreyImage(asBytes(bytes), name);
        ASSERT_FALSE(loaded.ok());
        EXPECT_EQ(loaded.error().kind, Error::Kind::BadInput);
        EXPECT_EQ(loaded.error().message.rfind(name + ": ", 0), 0U) << loaded.error().message;
    }
    // The content decides, not the name: a PNG called .jpg is still read.
    TempDir dir;
    writePng(dir / "real.png", checker(16, 16, 4));
    const auto renamed = scanner::decodeGreyImage(asBytes(readFile(dir / "real.png")), "named.jpg");
    ASSERT_TRUE(renamed.ok()) << renamed.error().message;
    EXPECT_EQ(renamed->width, 16);
}

// Found by fuzz_image: stb_image 2.27 read past its buffer converting a 16-bit colour PPM to grey.
TEST(BadImage, SixteenBitColourPpmIsRefusedNotOverread) {
    const auto corpus = std::filesystem::path(MEETSCAN_SOURCE_DIR) / "tests/fuzz/corpus/fuzz_image";
    for (const std::string name : {"crash-stb-16bit-ppm.ppm", "crash-zxing-one-row.pgm"}) {
        SCOPED_TRACE(name);
        const auto loaded = scanner::loadGreyImage(corpus / name);
        if (!loaded.ok()) {
            EXPECT_EQ(loaded.error().kind, Error::Kind::BadInput);
            EXPECT_NE(loaded.error().message.find(name), std::string::npos) << loaded.error().message;
            continue;
        }
        expectNoCode(*loaded); // the one-row image loads, and crashed ZXing's PDF417 reader
    }
    std::string deep = "P6\n2 2\n65535\n" + std::string(2 * 2 * 3 * 2, '\x7f');
    const auto refused = scanner::decodeGreyImage(asBytes(deep), "deep.ppm");
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().message, "deep.ppm: 16-bit colour PPM images are not supported");
    // A 16-bit grey PGM is fine: no conversion of channels is needed.
    const auto grey = scanner::decodeGreyImage(asBytes(std::string("P5\n2 1\n65535\n\xff\xff\x00\x00", 17)), "deep.pgm");
    ASSERT_TRUE(grey.ok()) << grey.error().message;
    EXPECT_EQ(grey->row(0)[0], 255);
    EXPECT_EQ(grey->row(0)[1], 0);
}

// Found by fuzz_image: Debian's stb_image 2.27 overflows an int (undefined behaviour) reading a
// PGM/PPM header number of ten or more digits; such headers are refused before stb_image reads them.
TEST(BadImage, PnmHeaderNumbersTooLongForStbAreRefused) {
    const auto corpus = std::filesystem::path(MEETSCAN_SOURCE_DIR) / "tests/fuzz/corpus/fuzz_image";
    const auto found = scanner::loadGreyImage(corpus / "crash-stb-pnm-number-overflow.pgm");
    ASSERT_FALSE(found.ok());
    EXPECT_NE(found.error().message.find("crash-stb-pnm-number-overflow.pgm: image too large"), std::string::npos)
        << found.error().message;
    struct Case {
        std::string name;
        std::string bytes;
        std::string says;
    };
    const std::vector<Case> cases = {
        {"wide.pgm", "P5\n9999999999 1\n255\n\x01", "wide.pgm: image too large (its header states a side of"},
        {"tall.ppm", "P6 1 2147483648 255 \x01", "tall.ppm: image too large (its header states a side of"},
        {"commented.pgm", "P5\n# 99999999999999\n50000 # x\n50000\n255\n\x01",
         "commented.pgm: image too large (50000x50000, limit is 100 megapixels)"},
        {"deep.pgm", "P5\n2 1\n4294967296\n\x01\x02", "deep.pgm: not a readable image (PGM/PPM maximum value above 65535)"},
        {"deeper.pgm", "P5\n2 1\n65536\n\x01\x02", "deeper.pgm: not a readable image (PGM/PPM maximum value above 65535)"},
    };
    for (const auto& [name, bytes, says] : cases) {
        SCOPED_TRACE(name);
        const auto loaded = scanner::decodeGreyImage(asBytes(bytes), name);
        ASSERT_FALSE(loaded.ok());
        EXPECT_EQ(loaded.error().kind, Error::Kind::BadInput);
        EXPECT_EQ(loaded.error().message.rfind(says, 0), 0U) << loaded.error().message;
    }
    // Comments and every kind of whitespace between the numbers still read as stb_image reads them.
    const auto fine = scanner::decodeGreyImage(asBytes(std::string("P5\t# note\r2\v1\f# more\n255\n\x00\xff", 27)), "ok.pgm");
    ASSERT_TRUE(fine.ok()) << fine.error().message;
    EXPECT_EQ(fine->width, 2);
    EXPECT_EQ(fine->row(0)[1], 255);
}

TEST(BadImage, DecodeCommandReportsEachBadFileAndGoesOn) {
    TempDir dir;
    dir.write("a_huge.png", pngHeader(60000, 60000));
    writePng(dir / "b_tiny.png", filled(1, 1, 0));
    writePng(dir / "c_full.png", checker(64, 48, 8));
    const std::string full = readFile(dir / "c_full.png");
    std::filesystem::remove(dir / "c_full.png");
    dir.write("c_truncated.png", full.substr(0, full.size() / 2));
    dir.write("d_wrong.png", "%PDF-1.7\nnot an image\n");
    writePng(dir / "e_black.png", filled(1280, 720, 0));

    const auto result = runMeetscan({"decode", dir.path().string(), "--json"});
    ASSERT_EQ(result.exitCode, 1) << result.err; // not one code read
    const auto lines = jsonLines(result.out);
    ASSERT_EQ(lines.size(), 5U) << result.out;
    for (const auto& line : lines)
        EXPECT_FALSE(line.at("ok").get<bool>()) << line.dump();
    // Broken files say why; readable images without a code are simply not decoded.
    EXPECT_NE(lines[0].at("error").get<std::string>().find("too large"), std::string::npos) << lines[0].dump();
    EXPECT_FALSE(lines[1].contains("error")) << lines[1].dump();
    EXPECT_NE(lines[2].at("error").get<std::string>().find("c_truncated.png"), std::string::npos);
    EXPECT_NE(lines[3].at("error").get<std::string>().find("d_wrong.png"), std::string::npos);
    EXPECT_FALSE(lines[4].contains("error")) << lines[4].dump();
    EXPECT_NE(result.err.find("decoded 0 of 5"), std::string::npos) << result.err;

    // Without --json: one readable line per file, the reason on the broken ones.
    const auto plain = runMeetscan({"decode", (dir / "a_huge.png").string(), (dir / "d_wrong.png").string()});
    ASSERT_EQ(plain.exitCode, 1) << plain.err;
    EXPECT_NE(plain.out.find("a_huge.png: error: "), std::string::npos) << plain.out;
    EXPECT_NE(plain.out.find("too large (60000x60000"), std::string::npos) << plain.out;
    EXPECT_NE(plain.out.find("d_wrong.png: error: "), std::string::npos) << plain.out;
}

TEST(BadImage, DecodeCommandOnAFileThatIsNotThereExitsTwo) {
    TempDir dir;
    const auto result = runMeetscan({"decode", (dir / "gone.png").string(), "--json"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err.rfind("meetscan: error: ", 0), 0U) << result.err;
    EXPECT_NE(result.err.find("gone.png"), std::string::npos) << result.err;
    EXPECT_TRUE(result.out.empty());
}

} // namespace
} // namespace meetscan::test
