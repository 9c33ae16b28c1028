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
        ASSERT_EQ(run({"init", "--event", "Store"}).exitCode, 0);
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
    auto unasked = run({"erase", "ana@example.org"});
    EXPECT_EQ(unasked.exitCode, 2);
    EXPECT_NE(unasked.err.find("add --yes"), std::string::npos) << unasked.err;
    EXPECT_EQ(jsonLines(run({"attendees", "list", "--json"}).out).size(), 2U) << "erased without asking";
    auto erase = run({"erase", "ana@example.org", "--yes"});
    ASSERT_EQ(erase.exitCode, 0) << erase.err;
    auto list = jsonLines(run({"attendees", "list", "--json"}).out);
    ASSERT_EQ(list.size(), 1U);
    EXPECT_EQ(list[0]["last_name"], "Иванов");
    auto stats = nlohmann::json::parse(run({"stats", "--json"}).out);
    EXPECT_EQ(stats["erased"], 1);
    auto missing = run({"erase", "nobody", "--yes"});
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

TEST_F(StoreCli, OnATerminalEraseAsksWithTheNameAndOnlyYesGoesAhead) {
    importSample();
    // `script` gives meetscan a terminal, as an organiser at a shell has; the answer is typed on it.
    auto ask = [&](const std::string& answer) {
        RunOptions typed;
        typed.stdinText = answer + "\n";
        return runProcess({"script", "-qec",
                           std::string(MEETSCAN_BINARY) + " --db '" + m_db.string() + "' erase ana@example.org",
                           "/dev/null"},
                          typed);
    };
    auto declined = ask("n");
    EXPECT_EQ(declined.exitCode, 1);
    EXPECT_NE(declined.out.find("Erase Ana Silva ("), std::string::npos) << declined.out;
    EXPECT_NE(declined.out.find("[y/N]"), std::string::npos) << declined.out;
    EXPECT_NE(declined.out.find("nothing changed"), std::string::npos) << declined.out;
    EXPECT_EQ(jsonLines(run({"attendees", "list", "--json"}).out).size(), 2U);

    auto confirmed = ask("yes");
    EXPECT_EQ(confirmed.exitCode, 0) << confirmed.out;
    EXPECT_NE(confirmed.out.find("erased "), std::string::npos) << confirmed.out;
    EXPECT_EQ(jsonLines(run({"attendees", "list", "--json"}).out).size(), 1U);
}

TEST_F(StoreCli, EveryCommandButInitRefusesADatabaseThatDoesNotExist) {
    const auto typo = m_dir / "evnet.db";
    const std::vector<std::vector<std::string>> commands{
        {"stats"}, {"attendees", "list"}, {"exhibitors", "list"}, {"keys", "list"}, {"keys", "generate"},
        {"import", "roster", m_dir.write("r.csv", "badge_code,consent_exhibitors\nA1,yes\n").string()},
        {"export", "leads", "--exhibitor", "acme", "--format", "csv", "--out", (m_dir / "leads.csv").string()},
        {"export", "packets", "--out", (m_dir / "packets").string()}, {"erase", "A1", "--yes"},
        {"purge", "--before", "2020-01-01", "--yes"}, {"scan", "--source", "synthetic", "--seconds", "1"},
        {"station", "list"}, {"merge", m_db.string()}};
    for (const auto& command : commands) {
        std::vector<std::string> args{"--db", typo.string()};
        args.insert(args.end(), command.begin(), command.end());
        const auto result = runMeetscan(args);
        EXPECT_EQ(result.exitCode, 2) << command[0] << ": " << result.err;
        EXPECT_EQ(result.err, "meetscan: error: no event database at " + typo.string() +
                                  ": `meetscan init --event NAME` makes one at the office, `meetscan init --join "
                                  "PACK` on a kiosk (or give --db PATH)\n")
            << command[0];
        EXPECT_FALSE(std::filesystem::exists(typo)) << command[0] << " made the database";
    }
    // A mistyped $MEETSCAN_DB is refused the same way.
    const auto viaEnv = runMeetscan({"stats"}, envOf({{"MEETSCAN_DB", typo.string()}}));
    EXPECT_EQ(viaEnv.exitCode, 2);
    EXPECT_FALSE(std::filesystem::exists(typo));
    // init without --event says what it needs.
    const auto bareInit = run({"init", "--mode", "meet"});
    EXPECT_EQ(bareInit.exitCode, 2);
    EXPECT_NE(bareInit.err.find("--event NAME"), std::string::npos) << bareInit.err;
    EXPECT_FALSE(std::filesystem::exists(m_db));
}

TEST_F(StoreCli, InitOnAnExistingEventChangesOnlyWhatItIsGiven) {
    ASSERT_EQ(run({"init", "--event", "Harbour Summit", "--station", "Lounge"}).exitCode, 0);
    auto toSummary = run({"init", "--mode", "summary"});
    ASSERT_EQ(toSummary.exitCode, 0) << toSummary.err;
    auto stats = nlohmann::json::parse(run({"stats", "--json"}).out);
    EXPECT_EQ(stats["event"], "Harbour Summit");
    EXPECT_EQ(stats["station"], "Lounge");
    EXPECT_EQ(stats["mode"], "summary");
    ASSERT_EQ(run({"init", "--station", "Hall B"}).exitCode, 0);
    stats = nlohmann::json::parse(run({"stats", "--json"}).out);
    EXPECT_EQ(stats["mode"], "summary");
    EXPECT_EQ(stats["station"], "Hall B");
    EXPECT_EQ(stats["event"], "Harbour Summit");
}

// Another program's database is refused byte for byte unchanged, and a newer schema is bad input
// (exit 2) whichever command meets it, as the database or as a merge's input.
TEST_F(StoreCli, AForeignOrNewerDatabaseIsBadInputAndLeftAsItWas) {
    const auto foreign = m_dir / "notes.db";
    ASSERT_EQ(runProcess({"sqlite3", foreign.string(),
                          "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('mine');"})
                  .exitCode,
              0);
    const auto before = readFile(foreign);
    for (const std::vector<std::string>& command :
         {std::vector<std::string>{"stats"}, {"init", "--event", "Taken"}, {"attendees", "list"}}) {
        std::vector<std::string> args{"--db", foreign.string()};
        args.insert(args.end(), command.begin(), command.end());
        const auto result = runMeetscan(args);
        EXPECT_EQ(result.exitCode, 2) << command[0];
        EXPECT_EQ(result.err, "meetscan: error: " + foreign.string() +
                                  " is another program's SQLite database, not a MeetScan event: left as it was\n");
    }
    EXPECT_EQ(readFile(foreign), before);
    EXPECT_FALSE(std::filesystem::exists(foreign.string() + "-wal"));

    ASSERT_EQ(run({"init", "--event", "Here"}).exitCode, 0);
    const auto newer = m_dir / "newer.db";
    ASSERT_EQ(runMeetscan({"--db", newer.string(), "init", "--event", "Later"}).exitCode, 0);
    ASSERT_EQ(runProcess({"sqlite3", newer.string(), "PRAGMA user_version = 999"}).exitCode, 0);
    const auto asDatabase = runMeetscan({"--db", newer.string(), "stats"});
    const auto asInput = run({"merge", newer.string()});
    EXPECT_EQ(asDatabase.exitCode, 2) << asDatabase.err;
    EXPECT_EQ(asInput.exitCode, 2) << asInput.err;
    for (const auto* result : {&asDatabase, &asInput})
        EXPECT_NE(result->err.find("was written by a newer MeetScan (schema 999"), std::string::npos) << result->err;
}

TEST_F(StoreCli, AnUnwritableLocationIsAWorldFailure) {
    auto result = runMeetscan({"--db", "/proc/meetscan/event.db", "init", "--event", "Nowhere"});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_EQ(result.err.rfind("meetscan: error: ", 0), 0U) << result.err;
}

// The top-level help reads as the week of an event: groups in that order, one line a command,
// and examples; the testing aids are listed as such, not hidden.
TEST_F(StoreCli, HelpListsTheCommandsInTheOrderOfAnEvent) {
    const auto help = runMeetscan({"--help"});
    ASSERT_EQ(help.exitCode, 0);
    std::size_t at = 0;
    for (const char* heading : {"Try it:", "Set up, at the office:", "Set up, on each kiosk:", "Run the event:",
                                "After the event:", "Look inside:", "Examples:"}) {
        const auto found = help.out.find(std::string("\n") + heading + "\n", at);
        ASSERT_NE(found, std::string::npos) << heading << " missing or out of order:\n" << help.out;
        at = found + 1;
    }
    const auto commands = help.out.substr(help.out.find("Try it:"), help.out.find("Examples:") - help.out.find("Try it:"));
    std::istringstream lines(commands);
    int listed = 0;
    for (std::string line; std::getline(lines, line);) {
        if (line.empty() || line.back() == ':')
            continue;
        EXPECT_EQ(line.rfind("  ", 0), 0U) << "not a command line: " << line;
        EXPECT_NE(line[2], ' ') << "a command's text runs onto a second line: " << line;
        EXPECT_LE(line.size(), 120U) << line;
        ++listed;
    }
    EXPECT_EQ(listed, 24);
    EXPECT_LT(help.out.find("  init "), help.out.find("  kiosk "));
    EXPECT_LT(help.out.find("  kiosk "), help.out.find("  send "));

    const auto kiosk = runMeetscan({"kiosk", "--help"});
    const auto aids = kiosk.out.find("Testing aids:");
    ASSERT_NE(aids, std::string::npos) << kiosk.out;
    EXPECT_GT(kiosk.out.find("--script"), aids);
    EXPECT_NE(kiosk.out.find("{\"screenshot\":\"NAME\"}"), std::string::npos) << kiosk.out;
}

TEST_F(StoreCli, UsageErrorsExitTwo) {
    EXPECT_EQ(runMeetscan({}).exitCode, 2);
    EXPECT_EQ(runMeetscan({"frobnicate"}).exitCode, 2);
    EXPECT_EQ(run({"stats", "--bogus"}).exitCode, 2);
}

} // namespace
} // namespace meetscan::test
