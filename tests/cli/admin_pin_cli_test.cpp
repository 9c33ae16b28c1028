// The admin PIN: `meetscan init --admin-pin PIN` and `meetscan admin set-pin` store only a
// libsodium password hash, which the kiosk's AdminLock then accepts.
#include "core/session/admin_lock.hpp"
#include "core/store/store.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace meetscan::test {
namespace {

class AdminPinCli : public ::testing::Test {
protected:
    ProcessResult run(std::vector<std::string> args, const std::string& stdinText = "") {
        args.insert(args.begin(), {"--db", m_db.string()});
        RunOptions options;
        options.stdinText = stdinText;
        return runMeetscan(args, options);
    }
    std::string storedHash() {
        auto store = core::Store::open(m_db);
        EXPECT_TRUE(store.ok());
        return store.ok() ? (*store)->events().event().settings.adminPinHash : std::string{};
    }
    std::string fileBytes() const {
        std::string bytes = readFile(m_db);
        if (std::filesystem::exists(m_db.string() + "-wal"))
            bytes += readFile(m_db.string() + "-wal");
        return bytes;
    }

    TempDir m_dir;
    std::filesystem::path m_db = m_dir / "event.db";
};

TEST_F(AdminPinCli, InitStoresAHashTheKioskAccepts) {
    auto init = run({"init", "--event", "PIN Con", "--admin-pin", "135792"});
    ASSERT_EQ(init.exitCode, 0) << init.err;
    const std::string hash = storedHash();
    EXPECT_EQ(hash.rfind("$argon2id$", 0), 0U) << hash;
    EXPECT_EQ(hash.find("135792"), std::string::npos);
    EXPECT_EQ(fileBytes().find("135792"), std::string::npos) << "the PIN itself is in the database file";

    core::AdminLock lock(hash);
    EXPECT_TRUE(lock.hasPin());
    EXPECT_EQ(lock.check("2468", 1000).result, core::AdminLock::Result::Wrong); // the old default opens nothing
    EXPECT_EQ(lock.check("135792", 2000).result, core::AdminLock::Result::Unlocked);

    // Running init again without --admin-pin keeps the PIN.
    auto rename = run({"init", "--event", "PIN Con 2026"});
    ASSERT_EQ(rename.exitCode, 0) << rename.err;
    EXPECT_EQ(storedHash(), hash);
}

TEST_F(AdminPinCli, SetPinReadsStandardInputAndReplacesTheOldPin) {
    ASSERT_EQ(run({"init", "--event", "PIN Con", "--admin-pin", "316274"}).exitCode, 0);
    const std::string first = storedHash();
    auto set = run({"admin", "set-pin"}, "864207\n");
    ASSERT_EQ(set.exitCode, 0) << set.err;
    EXPECT_NE(set.out.find("password hash"), std::string::npos) << set.out;
    EXPECT_EQ(set.out.find("864207"), std::string::npos) << "the PIN is echoed";
    const std::string second = storedHash();
    EXPECT_NE(second, first);
    EXPECT_EQ(second.rfind("$argon2id$", 0), 0U);
    EXPECT_EQ(fileBytes().find("864207"), std::string::npos);
    core::AdminLock lock(second);
    EXPECT_EQ(lock.check("1111", 0).result, core::AdminLock::Result::Wrong);
    EXPECT_EQ(lock.check("864207", 0).result, core::AdminLock::Result::Unlocked);
}

TEST_F(AdminPinCli, RefusesBadPinsAndStoresNothing) {
    ASSERT_EQ(run({"init", "--event", "PIN Con"}).exitCode, 0);
    for (const char* bad : {"12", "abcd", "12 34", "1234567890123", "2468", "", "13579", "000000", "123456",
                            "987654"}) {
        auto set = run({"admin", "set-pin"}, std::string(bad) + "\n");
        EXPECT_EQ(set.exitCode, 2) << '"' << bad << "\" " << set.err;
        EXPECT_EQ(set.err.rfind("meetscan: error: ", 0), 0U) << set.err;
    }
    auto noInput = run({"admin", "set-pin"});
    EXPECT_EQ(noInput.exitCode, 2) << noInput.err;
    auto badInit = run({"init", "--event", "Renamed", "--admin-pin", "12ab"});
    EXPECT_EQ(badInit.exitCode, 2);
    EXPECT_NE(badInit.err.find("6 to 12 digits"), std::string::npos) << badInit.err;
    const auto runOfDigits = run({"admin", "set-pin"}, "234567\n");
    EXPECT_EQ(runOfDigits.err, "meetscan: error: a run of digits (123456, 987654) is among the first PINs anybody tries; "
                       "choose another\n");
    EXPECT_EQ(storedHash(), "") << "a refused PIN was stored";
    auto store = core::Store::open(m_db);
    ASSERT_TRUE(store.ok());
    EXPECT_EQ((*store)->events().event().name, "PIN Con") << "a refused init changed the event";
}

// There is no well-known PIN: a kiosk without its own does not start, and says what sets one.
TEST_F(AdminPinCli, AKioskWithoutItsOwnPinDoesNotStart) {
    ASSERT_EQ(run({"init", "--event", "PIN Con"}).exitCode, 0);
    const auto refused = run({"kiosk", "--windowed", "--source", "synthetic"});
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_EQ(refused.err, "meetscan: error: " + m_db.string() +
                               " has no admin PIN, and a kiosk runs only with one: set it with `meetscan admin "
                               "set-pin` (or `meetscan init --admin-pin PIN`)\n");
    const auto doctor = nlohmann::json::parse(run({"doctor", "--json"}).out);
    for (const auto& check : doctor["checks"]) {
        if (check["name"] == "admin_pin") {
            EXPECT_EQ(check["status"], "fail") << check.dump();
        }
    }
}

TEST_F(AdminPinCli, AdminNeedsASubcommand) {
    auto bare = run({"admin"});
    EXPECT_EQ(bare.exitCode, 2);
    auto help = runMeetscan({"admin", "set-pin", "--help"});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_NE(help.out.find("standard input"), std::string::npos) << help.out;
}

} // namespace
} // namespace meetscan::test
