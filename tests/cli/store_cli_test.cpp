// The database-level commands as a user runs them: init, attendees list, stats, erase, and
// where the database lives.
#include "support/json_lines.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <sstream>

namespace meetscan::test {
namespace {

RunOptions envOf(std::map<std::string, std::string> env) {
    RunOptions options;
    options.env = std::move(env);
    return options;
}

class StoreCli : public ::testing::Test {
protected:
    ProcessResult run(std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", m_db.string()});
        return runMeetscan(args);
    }
    void importSample() {
        auto csv = m_dir.write("roster.csv", "badge_code,first_name,last_name,company,email,consent_exhibitors\n"
                                             "A1,Ana,Silva,Acme,ana@example.org,yes\n"
                                             "B2,Борис,Иванов,Beta,boris@example.org,no\n");
        auto imported = run({"import", "roster", csv.string()});
        ASSERT_EQ(imported.exitCode, 0) << imported.err;
    }
    TempDir m_dir;
    std::filesystem::path m_db = m_dir / "event.db";
};

TEST_F(StoreCli, InitNamesTheEventAndStation) {
    auto init = run({"init", "--event", "Open Source Summit", "--station", "Lounge 2", "--mode", "summary"});
    ASSERT_EQ(init.exitCode, 0) << init.err;
    EXPECT_NE(init.out.find("Open Source Summit"), std::string::npos);
    auto stats = run({"stats", "--json"});
    ASSERT_EQ(stats.exitCode, 0) << stats.err;
    auto json = nlohmann::json::parse(stats.out);
    EXPECT_EQ(json["event"], "Open Source Summit");
    EXPECT_EQ(json["station"], "Lounge 2");
    EXPECT_EQ(json["mode"], "summary");
    for (const char* key : {"attendees", "scans", "connections", "leads"})
        EXPECT_EQ(json[key], 0) << key;
}

TEST_F(StoreCli, BoothModeNeedsAnExhibitor) {
    auto init = run({"init", "--event", "X", "--mode", "booth"});
    EXPECT_EQ(init.exitCode, 2);
    EXPECT_EQ(init.err.rfind("meetscan: error: ", 0), 0U) << init.err;
    auto badMode = run({"init", "--event", "X", "--mode", "party"});
    EXPECT_EQ(badMode.exitCode, 2);
}

TEST_F(StoreCli, AttendeesListJsonHasTheContractKeys) {
    importSample();
    auto list = run({"attendees", "list", "--json"});
    ASSERT_EQ(list.exitCode, 0) << list.err;
    auto lines = jsonLines(list.out);
    ASSERT_EQ(lines.size(), 2U);
    for (const auto& line : lines)
        for (const char* key : {"id", "first_name", "last_name", "company", "title", "email", "phone", "role",
                                "consent_exhibitors"})
            EXPECT_TRUE(line.contains(key)) << key;
    EXPECT_EQ(lines[1]["first_name"], "Борис");
    EXPECT_EQ(lines[1]["consent_exhibitors"], false);
}

TEST_F(StoreCli, EraseRemovesThePersonAndKeepsCounts) {
    importSample();
    auto erase = run({"erase", "ana@example.org"});
    ASSERT_EQ(erase.exitCode, 0) << erase.err;
    auto list = jsonLines(run({"attendees", "list", "--json"}).out);
    ASSERT_EQ(list.size(), 1U);
    EXPECT_EQ(list[0]["last_name"], "Иванов");
    auto stats = nlohmann::json::parse(run({"stats", "--json"}).out);
    EXPECT_EQ(stats["erased"], 1);
    auto missing = run({"erase", "nobody"});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_NE(missing.err.find("meetscan: error: no attendee nobody"), std::string::npos);
}

TEST_F(StoreCli, DatabasePathFollowsTheContract) {
    TempDir home;
    // $XDG_DATA_HOME/meetscan/meetscan.db, created on first use.
    auto viaXdg = runMeetscan({"init", "--event", "Xdg"}, envOf({{"XDG_DATA_HOME", home.path().string()}, {"MEETSCAN_DB", ""}}));
    ASSERT_EQ(viaXdg.exitCode, 0) << viaXdg.err;
    EXPECT_TRUE(std::filesystem::exists(home / "meetscan/meetscan.db"));
    // $MEETSCAN_DB beats $XDG_DATA_HOME, and --db beats both.
    auto viaEnv = runMeetscan({"init", "--event", "Env"},
                              envOf({{"XDG_DATA_HOME", home.path().string()}, {"MEETSCAN_DB", (home / "env.db").string()}}));
    ASSERT_EQ(viaEnv.exitCode, 0) << viaEnv.err;
    EXPECT_TRUE(std::filesystem::exists(home / "env.db"));
    auto viaOption = runMeetscan({"--db", (home / "opt.db").string(), "init", "--event", "Opt"},
                                 envOf({{"MEETSCAN_DB", (home / "env.db").string()}}));
    ASSERT_EQ(viaOption.exitCode, 0) << viaOption.err;
    EXPECT_TRUE(std::filesystem::exists(home / "opt.db"));
    auto stats = nlohmann::json::parse(runMeetscan({"stats", "--json"}, envOf({{"MEETSCAN_DB", (home / "env.db").string()}})).out);
    EXPECT_EQ(stats["event"], "Env");
}

TEST_F(StoreCli, ANonDatabaseFileIsBadInput) {
    auto notDb = m_dir.write("notes.db", std::string(8192, 'x'));
    auto result = runMeetscan({"--db", notDb.string(), "stats"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("is not a MeetScan database"), std::string::npos) << result.err;
}

TEST_F(StoreCli, AnUnwritableLocationIsAWorldFailure) {
    auto result = runMeetscan({"--db", "/proc/meetscan/event.db", "stats"});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_EQ(result.err.rfind("meetscan: error: ", 0), 0U) << result.err;
}

TEST_F(StoreCli, UsageErrorsExitTwo) {
    EXPECT_EQ(runMeetscan({}).exitCode, 2);
    EXPECT_EQ(runMeetscan({"frobnicate"}).exitCode, 2);
    EXPECT_EQ(run({"stats", "--bogus"}).exitCode, 2);
}

} // namespace
} // namespace meetscan::test
