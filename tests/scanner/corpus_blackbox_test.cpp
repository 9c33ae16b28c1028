// Black-box runs over ../shared/corpus/qr-photos in the style of ZXing-C++'s own runner: each
// image beside its expected <stem>.txt, and a minimum pass count per folder, so a regression
// shows as a number. ZXingReader 1.4 reads 16/16 and 44/46 of these.
#include "meetscan/scanner/decoder.hpp"
#include "meetscan/scanner/image_file.hpp"
#include "support/temp_dir.hpp"

#include <chrono>
#include <gtest/gtest.h>

namespace meetscan::scanner {
namespace {

struct Folder {
    const char* name;
    int minimumPassed;
};

class CorpusBlackBox : public ::testing::TestWithParam<Folder> {};

TEST_P(CorpusBlackBox, ReadsAtLeastTheMinimum) {
    const auto root = test::sharedDir();
    if (root.empty() || !std::filesystem::is_directory(root / "corpus" / "qr-photos"))
        GTEST_SKIP() << "../shared/corpus/qr-photos is not here";
    const auto folder = root / "corpus" / "qr-photos" / GetParam().name;
    auto images = listImages(folder);
    ASSERT_TRUE(images.ok()) << images.error().message;
    const Decoder decoder(DecoderOptions::all());
    int passed = 0;
    int total = 0;
    std::vector<std::string> missed;
    const auto started = std::chrono::steady_clock::now();
    for (const auto& image : *images) {
        auto expectedPath = image;
        expectedPath.replace_extension(".txt");
        if (!std::filesystem::exists(expectedPath))
            continue;
        ++total;
        auto frame = loadGreyImage(image);
        ASSERT_TRUE(frame.ok()) << frame.error().message;
        const std::string expected = test::readFile(expectedPath);
        bool ok = false;
        for (const auto& code : decoder.decodeHard(*frame))
            ok = ok || code.text == expected;
        if (ok)
            ++passed;
        else
            missed.push_back(image.filename().string());
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("  %s: read %d of %d in %.2f s (minimum %d)\n", GetParam().name, passed, total, seconds,
                GetParam().minimumPassed);
    for (const auto& name : missed)
        std::printf("    missed %s\n", name.c_str());
    EXPECT_GE(passed, GetParam().minimumPassed);
}

// qrcode-2: 45, one more than ZXingReader (12.png, an artistic code, reads after smoothing;
// 13.png decodes to text that differs from its .txt by one letter in every reader we tried).
INSTANTIATE_TEST_SUITE_P(QrPhotos, CorpusBlackBox,
                         ::testing::Values(Folder{"qrcode-1", 16}, Folder{"qrcode-2", 45}),
                         [](const auto& testInfo) {
                             std::string name = testInfo.param.name;
                             std::erase(name, '-');
                             return name;
                         });

} // namespace
} // namespace meetscan::scanner
