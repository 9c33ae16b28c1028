// `meetscan decode` run as a user would: JSON lines, the stderr summary, exit codes.
#include "support/json_lines.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

namespace meetscan::test {
namespace {

namespace fs = std::filesystem;

fs::path corpusFolder() {
    const auto root = sharedDir();
    if (root.empty())
        return {};
    const auto folder = root / "corpus" / "qr-photos" / "qrcode-1";
    return fs::is_directory(folder) ? folder : fs::path();
}

// A white PGM: an image that holds no code.
fs::path blankImage(const TempDir& dir) {
    return dir.write("blank.pgm", "P5\n32 32\n255\n" + std::string(32 * 32, '\xf0'));
}

TEST(DecodeCli, FolderWithJsonGivesOneObjectPerImage) {
    const auto folder = corpusFolder();
    if (folder.empty())
        GTEST_SKIP() << "../shared/corpus is not here";
    TempDir dir;
    // A copy with a non-image beside the images: skipped.
    for (const char* stem : {"1", "2", "4"}) {
        fs::copy_file(folder / (std::string(stem) + ".png"), dir / (std::string(stem) + ".png"));
        fs::copy_file(folder / (std::string(stem) + ".txt"), dir / (std::string(stem) + ".txt"));
    }
    const auto result = runMeetscan({"decode", dir.path().string(), "--json"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto lines = jsonLines(result.out);
    ASSERT_EQ(lines.size(), 3U) << result.out;
    std::vector<std::string> files;
    for (const auto& line : lines) {
        files.push_back(fs::path(line.at("file").get<std::string>()).filename().string());
        EXPECT_TRUE(line.at("ok").get<bool>());
        EXPECT_EQ(line.at("format"), "QRCode");
        const auto expected =
            readFile(fs::path(line.at("file").get<std::string>()).replace_extension(".txt"));
        EXPECT_EQ(line.at("text").get<std::string>(), expected);
    }
    EXPECT_EQ(files, (std::vector<std::string>{"1.png", "2.png", "4.png"}));
    EXPECT_TRUE(std::regex_search(result.err, std::regex(R"(decoded 3 of 3 in \d+\.\d\d s)"))) << result.err;
}

TEST(DecodeCli, ReadingNothingExitsOneWithTheCountAsItsLine) {
    TempDir dir;
    const auto blank = blankImage(dir);
    const auto result = runMeetscan({"decode", blank.string(), "--json"});
    EXPECT_EQ(result.exitCode, 1) << result.err;
    EXPECT_TRUE(std::regex_match(result.err, std::regex("meetscan: error: decoded 0 of 1 in \\d+\\.\\d\\d s: no code found\n")))
        << result.err;
    const auto lines = jsonLines(result.out);
    ASSERT_EQ(lines.size(), 1U);
    EXPECT_FALSE(lines[0].at("ok").get<bool>());
    EXPECT_EQ(lines[0].at("file"), blank.string());
    EXPECT_FALSE(lines[0].contains("error"));
    EXPECT_FALSE(lines[0].contains("others"));
    EXPECT_TRUE(std::regex_search(result.err, std::regex(R"(decoded 0 of 1 in \d+\.\d\d s)"))) << result.err;
}

TEST(DecodeCli, BrokenImageHasAnErrorFieldAndTheRunGoesOn) {
    TempDir dir;
    const auto broken = dir.write("broken.png", "not a png");
    const auto blank = blankImage(dir);
    const auto result = runMeetscan({"decode", broken.string(), blank.string(), "--json"});
    EXPECT_EQ(result.exitCode, 1) << result.err; // nothing read
    const auto lines = jsonLines(result.out);
    ASSERT_EQ(lines.size(), 2U);
    EXPECT_FALSE(lines[0].at("ok").get<bool>());
    EXPECT_TRUE(lines[0].contains("error"));
    EXPECT_NE(result.err.find("decoded 0 of 2"), std::string::npos) << result.err;
}

TEST(DecodeCli, MissingPathExitsTwo) {
    TempDir dir;
    const auto result = runMeetscan({"decode", (dir / "nope.png").string()});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err.rfind("meetscan: error: ", 0), 0U) << result.err;
    EXPECT_NE(result.err.find("nope.png"), std::string::npos);
    EXPECT_TRUE(result.out.empty());
}

TEST(DecodeCli, PlainOutputIsOneReadableLinePerImage) {
    const auto folder = corpusFolder();
    if (folder.empty())
        GTEST_SKIP() << "../shared/corpus is not here";
    TempDir dir;
    const auto blank = blankImage(dir);
    const auto result = runMeetscan({"decode", (folder / "1.png").string(), blank.string()});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("1.png: QRCode \""), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("blank.pgm: no code found"), std::string::npos) << result.out;
    EXPECT_NE(result.err.find("decoded 1 of 2"), std::string::npos);
}

TEST(DecodeCli, NeedsNoDatabase) {
    TempDir dir;
    const auto blank = blankImage(dir);
    RunOptions options;
    options.env["MEETSCAN_DB"] = "";
    const auto result = runMeetscan(
        {"--db", (dir / "no" / "such" / "dir" / "x.db").string(), "decode", blank.string()}, options);
    EXPECT_EQ(result.exitCode, 1) << result.err; // a blank image: nothing read, but no database needed either
    EXPECT_EQ(result.err.find("database"), std::string::npos) << result.err;
    EXPECT_FALSE(fs::exists(dir / "no"));
}

} // namespace
} // namespace meetscan::test
