// All or nothing, even for a power cut or a full disk: `meetscan import roster` of a large
// roster, killed with SIGKILL at random moments while it writes, or stopped by a full disk. A
// large import writes through a rollback journal instead of the WAL (BulkWriteJournal), so this
// checks what the next station to open the file finds: the roster as it was before or the whole
// import, an intact database, the WAL back on and no journal left behind.
#include "support/background_process.hpp"
#include "support/child_process.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <SQLiteCpp/Database.h>
#include <csignal>
#include <filesystem>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

namespace meetscan::test {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int kRowsBefore = 3; // tests/data/roster/generic_semicolon.csv
constexpr int kRows = 30'000;  // well over the bulk threshold (5,000 rows)
constexpr int kKills = 16;

class ImportInterrupted : public ::testing::Test {
protected:
    void SetUp() override {
        const auto sample =
            fs::path(MEETSCAN_SOURCE_DIR) / "tests" / "data" / "roster" / "generic_semicolon.csv";
        ASSERT_EQ(runMeetscan({"--db", base().string(), "init", "--event", "Interrupted"}).exitCode, 0);
        ASSERT_EQ(runMeetscan({"--db", base().string(), "import", "roster", sample.string(), "--consent-default", "yes"}).exitCode, 0);
        std::string csv = "badge_code,first_name,last_name,company,email\n";
        for (int i = 0; i < kRows; ++i)
            csv += fmt::format("KILL-{:06},First{},Last{},Company {},person{}@example.org\n", i, i, i, i % 97,
                               i);
        m_roster = m_dir.write("large.csv", csv);
    }

    [[nodiscard]] fs::path base() const { return m_dir / "base.db"; }

    // A copy of the database holding the small roster, for one import.
    fs::path copyOfBase(int round) {
        const fs::path db = m_dir / fmt::format("round{}.db", round);
        fs::copy_file(base(), db);
        return db;
    }

    struct Started {
        std::unique_ptr<BackgroundProcess> import;
        bool writing = false; // false: it ended (or a minute passed) before a journal was seen
    };

    // Starts the import and returns once its transaction has begun to write (the rollback
    // journal exists) or the import has ended: the start of the window the kills aim at.
    Started startImport(const fs::path& db, int round) {
        Started started{std::make_unique<BackgroundProcess>(
            meetscanCommand({"--db", db.string(), "import", "roster", m_roster.string(), "--consent-default", "yes"}),
            m_dir / fmt::format("import{}", round))};
        const fs::path journal = db.string() + "-journal";
        const auto giveUp = Clock::now() + std::chrono::seconds(60);
        while (!started.import->finished() && Clock::now() < giveUp) {
            if (fs::exists(journal)) {
                started.writing = true;
                break;
            }
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
        return started;
    }

    TempDir m_dir;
    fs::path m_roster;
};

int attendeesIn(const fs::path& db) {
    const ProcessResult stats = runMeetscan({"--db", db.string(), "stats", "--json"});
    EXPECT_EQ(stats.exitCode, 0) << stats.err;
    if (stats.exitCode != 0)
        return -1;
    return nlohmann::json::parse(stats.out).at("attendees").get<int>();
}

TEST_F(ImportInterrupted, SigkillDuringALargeImportLeavesTheRosterAsItWasOrWhole) {
    // Imports left alone show how long the write takes on this machine (and this build); the
    // first one runs cold, so the shorter of two counts.
    auto window = std::chrono::microseconds::max();
    for (int timedRound : {-2, -1}) {
        const fs::path timedDb = copyOfBase(timedRound);
        auto timed = startImport(timedDb, timedRound);
        const auto writeStart = Clock::now();
        ASSERT_TRUE(timed.writing) << "the import never wrote through a rollback journal: "
                                   << timed.import->err();
        ASSERT_EQ(timed.import->wait(), 0) << timed.import->err();
        window = std::min(window,
                          std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - writeStart));
        ASSERT_EQ(attendeesIn(timedDb), kRowsBefore + kRows);
    }

    std::mt19937 random(20261122U); // fixed: a failure can be replayed
    // A little past the window too, so that some kills come after the commit or the exit.
    std::uniform_int_distribution<long long> delayUs(0, window.count() * 9 / 8);
    int killedBeforeCommit = 0, killedAfterCommit = 0, finished = 0;
    for (int round = 0; round < kKills; ++round) {
        SCOPED_TRACE(fmt::format("round {}", round));
        const fs::path db = copyOfBase(round);
        auto started = startImport(db, round);
        std::this_thread::sleep_for(std::chrono::microseconds(delayUs(random)));
        started.import->signal(SIGKILL);
        const bool killed = started.import->wait() == -1;

        // What the next station to open the file finds.
        const int attendees = attendeesIn(db);
        ASSERT_TRUE(attendees == kRowsBefore || attendees == kRowsBefore + kRows)
            << attendees << " attendees";
        SQLite::Database database(db.string(), SQLite::OPEN_READWRITE);
        EXPECT_EQ(database.execAndGet("PRAGMA integrity_check").getString(), "ok");
        EXPECT_EQ(database.execAndGet("PRAGMA journal_mode").getString(), "wal");
        EXPECT_FALSE(fs::exists(db.string() + "-journal")) << "a hot journal was left behind";
        if (!killed)
            ++finished;
        else if (attendees == kRowsBefore)
            ++killedBeforeCommit;
        else
            ++killedAfterCommit;
    }
    fmt::print(
        "{} imports of {} rows killed with SIGKILL in a write of {:.0f} ms: {} before the commit (roster "
        "as it was), {} after it (whole), {} finished first; integrity ok and the WAL back every time\n",
        kKills, kRows, static_cast<double>(window.count()) / 1000.0, killedBeforeCommit, killedAfterCommit,
        finished);
    EXPECT_GE(killedBeforeCommit, kKills / 4)
        << "too few kills landed inside the write for the test to mean much";
}

// The disk fills in the middle of the write (a file-size limit on the process, as in the scan's
// full-disk test; SQLite reports reaching it as an I/O error, and a full file system as "database
// or disk is full"): a clear error, exit 1, and the roster as it was, in WAL mode.
TEST_F(ImportInterrupted, ADiskFullDuringALargeImportIsAnErrorAndLeavesTheRosterAsItWas) {
    const fs::path db = copyOfBase(0);
    ChildOptions limited;
    limited.fileSizeLimit = fs::file_size(db) + 1024 * 1024; // the roster needs several megabytes
    ChildProcess import(meetscanArgv({"--db", db.string(), "import", "roster", m_roster.string(), "--consent-default", "yes"}), limited);
    EXPECT_EQ(import.wait(), 1);
    EXPECT_EQ(import.err(),
              "meetscan: error: cannot save the roster: disk I/O error; nothing was imported\n");
    EXPECT_EQ(attendeesIn(db), kRowsBefore);
    SQLite::Database database(db.string(), SQLite::OPEN_READWRITE);
    EXPECT_EQ(database.execAndGet("PRAGMA integrity_check").getString(), "ok");
    EXPECT_EQ(database.execAndGet("PRAGMA journal_mode").getString(), "wal");
    EXPECT_FALSE(fs::exists(db.string() + "-journal"));
    EXPECT_EQ(runMeetscan({"--db", db.string(), "import", "roster", m_roster.string(), "--consent-default", "yes"}).exitCode, 0);
    EXPECT_EQ(attendeesIn(db), kRowsBefore + kRows);
}

} // namespace
} // namespace meetscan::test
