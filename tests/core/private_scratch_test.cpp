// Temporary copies of an event's database live in a private folder beside it, never in /tmp;
// what a killed process leaves is swept by the next one.
#include "core/store/private_scratch.hpp"
#include "core/store/store.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

namespace meetscan::core {
namespace {

// A pid that belonged to a process that has ended.
pid_t endedPid() {
    const pid_t child = fork();
    if (child == 0)
        _exit(0);
    int status = 0;
    waitpid(child, &status, 0);
    return child;
}

TEST(PrivateScratch, IsBesideTheDatabaseOwnerOnlyAndGoneAfterUse) {
    test::TempDir dir;
    const auto database = dir / "event.db";
    std::filesystem::path made;
    {
        auto scratch = PrivateScratch::create(database);
        ASSERT_TRUE(scratch) << scratch.error().message;
        made = scratch->path();
        EXPECT_EQ(made.parent_path(), scratchRoot(dir.path()));
        struct stat info {};
        ASSERT_EQ(stat(made.c_str(), &info), 0);
        EXPECT_EQ(info.st_mode & 0777, 0700U);
        std::ofstream(made / "copy.db") << "personal data";
    }
    EXPECT_FALSE(std::filesystem::exists(made));
    EXPECT_FALSE(std::filesystem::exists(scratchRoot(dir.path()))) << "the root goes once it is empty";
}

TEST(PrivateScratch, WhatAKilledProcessLeftIsSweptWhenTheDatabaseIsNextOpened) {
    test::TempDir dir;
    const auto root = scratchRoot(dir.path());
    const auto killed = root / (std::to_string(endedPid()) + "-abcdef");
    const auto running = root / (std::to_string(getppid()) + "-ghijkl"); // a live process: not ours to take
    std::filesystem::create_directories(killed);
    std::filesystem::create_directories(running);
    std::ofstream(killed / "copy.db") << "personal data";
    auto store = Store::open(dir / "event.db");
    ASSERT_TRUE(store) << store.error().message;
    EXPECT_FALSE(std::filesystem::exists(killed));
    EXPECT_TRUE(std::filesystem::exists(running));
}

} // namespace
} // namespace meetscan::core
