// Still images load to grey without GStreamer; broken ones are clear errors, never crashes.
#include "meetscan/scanner/image_file.hpp"
#include "support/temp_dir.hpp"
#include "test_images.hpp"

#include <gtest/gtest.h>

namespace meetscan::scanner {
namespace {

GreyFrame gradient(int width, int height) {
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width * height));
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            pixels[static_cast<std::size_t>(y * width + x)] =
                static_cast<std::uint8_t>((x * 7 + y * 3) % 256);
    return GreyFrame::fromPixels(std::move(pixels), width, height);
}

TEST(ImageFile, LoadsPngExactly) {
    test::TempDir dir;
    const auto original = gradient(37, 23);
    test::writePng(dir / "g.png", original);
    auto loaded = loadGreyImage(dir / "g.png");
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    ASSERT_EQ(loaded->width, 37);
    ASSERT_EQ(loaded->height, 23);
    for (int y = 0; y < 23; ++y)
        for (int x = 0; x < 37; ++x)
            ASSERT_EQ(loaded->row(y)[x], original.row(y)[x]);
}

TEST(ImageFile, LoadsPgm) {
    test::TempDir dir;
    std::string pgm = "P5\n4 2\n255\n";
    pgm += std::string("\x00\x10\x20\x30\x40\x50\x60\x70", 8);
    auto loaded = loadGreyImage(dir.write("x.pgm", pgm));
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    EXPECT_EQ(loaded->width, 4);
    EXPECT_EQ(loaded->row(1)[3], 0x70);
}

TEST(ImageFile, BrokenFilesAreBadInput) {
    test::TempDir dir;
    test::writePng(dir / "good.png", gradient(200, 200));
    const std::string good = test::readFile(dir / "good.png");
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"missing.png", ""},
        {"empty.png", "<empty>"},
        {"text.png", "this is not an image at all"},
        {"truncated.png", good.substr(0, good.size() / 3)},
        {"zero.pgm", "P5\n0 0\n255\n"},
        {"huge.pgm", "P5\n20000 20000\n255\n\x01\x02"},
    };
    for (const auto& [name, content] : cases) {
        SCOPED_TRACE(name);
        if (!content.empty())
            dir.write(name, content == "<empty>" ? "" : content);
        auto loaded = loadGreyImage(dir / name);
        ASSERT_FALSE(loaded.ok());
        EXPECT_EQ(loaded.error().kind, Error::Kind::BadInput);
        EXPECT_NE(loaded.error().message.find(name), std::string::npos) << loaded.error().message;
    }
    auto huge = loadGreyImage(dir / "huge.pgm");
    EXPECT_NE(huge.error().message.find("too large"), std::string::npos) << huge.error().message;
    EXPECT_FALSE(loadGreyImage(dir.path()).ok()); // a folder is not an image
}

TEST(ImageFile, ListsImagesInNameOrderSkippingOthers) {
    test::TempDir dir;
    for (const char* name : {"b.png", "a.JPG", "c.txt", "10.bmp", "notes.md", "2.pgm"})
        dir.write(name, "x");
    std::filesystem::create_directory(dir / "sub.png");
    auto listed = listImages(dir.path());
    ASSERT_TRUE(listed.ok());
    std::vector<std::string> names;
    for (const auto& path : *listed)
        names.push_back(path.filename().string());
    EXPECT_EQ(names, (std::vector<std::string>{"10.bmp", "2.pgm", "a.JPG", "b.png"}));
    EXPECT_FALSE(listImages(dir / "nope").ok());
}

} // namespace
} // namespace meetscan::scanner
