// A re-exported packet folder takes the place of the old one in one step: the folder is never
// missing, and a replacement that cannot move in leaves the old.
#include "core/export/atomic_file.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <thread>

namespace meetscan::core {
namespace {

std::string contentOf(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::string text;
    std::getline(in, text);
    return text;
}

void makePacket(const std::filesystem::path& folder, const std::string& version) {
    std::filesystem::create_directories(folder);
    for (const char* name : {"summary.pdf", "contacts.vcf", "connections.csv", "packet.json"})
        std::ofstream(folder / name) << version;
}

TEST(PacketReplace, TheOldFolderStaysUntilTheNewOneIsInPlace) {
    test::TempDir dir;
    const auto final = dir / "ana-silva_A1";
    makePacket(final, "v0");
    std::atomic<bool> done{false};
    std::atomic<int> missing{0}, looks{0};
    // A reader (a mail merge, a file manager) looking all the while: it must always find a whole packet.
    std::jthread watcher([&] {
        while (!done) {
            std::error_code error;
            if (!std::filesystem::exists(final / "packet.json", error))
                ++missing;
            ++looks;
        }
    });
    for (int i = 1; i <= 300; ++i) {
        const auto temporary = temporaryPathFor(final);
        makePacket(temporary, "v" + std::to_string(i % 10));
        ASSERT_TRUE(replaceFolder(temporary, final).ok()) << i;
        ASSERT_FALSE(std::filesystem::exists(temporary)) << i;
    }
    done = true;
    watcher.join();
    EXPECT_EQ(missing.load(), 0) << "the packet folder was missing " << missing << " times of " << looks;
    EXPECT_GT(looks.load(), 0);
    EXPECT_EQ(contentOf(final / "packet.json"), "v0");
    EXPECT_FALSE(std::filesystem::exists(dir / "ana-silva_A1.old"));
}

TEST(PacketReplace, FirstExportMovesInAndAFailedOneKeepsTheOld) {
    test::TempDir dir;
    const auto final = dir / "A2";
    makePacket(temporaryPathFor(final), "new");
    ASSERT_TRUE(replaceFolder(temporaryPathFor(final), final).ok());
    EXPECT_EQ(contentOf(final / "summary.pdf"), "new");
    // Nothing complete to put in its place: the packet there stays as it was.
    const auto failed = replaceFolder(dir / "A2.tmp", final);
    EXPECT_FALSE(failed.ok());
    EXPECT_EQ(contentOf(final / "summary.pdf"), "new");
    EXPECT_EQ(contentOf(final / "packet.json"), "new");
}

} // namespace
} // namespace meetscan::core
