// A full disk under `meetscan scan` (issue #6), made with a file-size limit on the running
// process (RLIMIT_FSIZE through prlimit, SIGXFSZ ignored): a clear `disk full` error on stderr,
// every scan made meanwhile reported as not saved, nothing saved before lost, and saving resumes
// by itself when the limit is lifted.
#include "meetscan/scanner/synthetic_badge.hpp"
#include "support/child_process.hpp"
#include "support/json_lines.hpp"
#include "support/pgm_file.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

namespace meetscan::test {
namespace {

using namespace std::chrono_literals;

constexpr int kDiskFullAttendees = 60;

class DiskFull : public ::testing::Test {
protected:
    void SetUp() override {
        std::string roster = "badge_code,first_name,last_name,company,email,exhibitor,consent_exhibitors\n";
        for (int i = 0; i < kDiskFullAttendees; ++i)
            roster += fmt::format("P{:03d},First{},Last{},Company,p{}@example.org,,yes\n", i, i, i, i);
        ASSERT_EQ(run({"init", "--event", "Full Disk Con", "--mode", "meet"}).exitCode, 0);
        ASSERT_EQ(run({"import", "roster", m_dir.write("roster.csv", roster).string()}).exitCode, 0);
        const auto folder = m_dir / "frames";
        std::vector<std::string> badges;
        for (int i = 0; i < kDiskFullAttendees; ++i)
            badges.push_back(fmt::format("P{:03d}", i));
        writeBadgeFrames(folder, badges);
        m_source = "dir:" + folder.string() + "@8";
    }
    ProcessResult run(std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", db().string()});
        return runMeetscan(args);
    }
    std::filesystem::path db() const { return m_dir / "event.db"; }

    TempDir m_dir;
    std::string m_source;
};

std::vector<nlohmann::json> decisions(const ChildProcess& child) {
    std::vector<nlohmann::json> out;
    for (const auto& line : child.outLines())
        out.push_back(nlohmann::json::parse(line));
    return out;
}

long countSaved(const std::vector<nlohmann::json>& lines, bool saved) {
    return std::count_if(lines.begin(), lines.end(), [&](const nlohmann::json& d) { return d["saved"].get<bool>() == saved; });
}

TEST_F(DiskFull, ScanSaysDiskFullKeepsScanningAndRecovers) {
    ChildProcess child(meetscanArgv({"--db", db().string(), "scan", "--source", m_source, "--json"}),
                       ChildOptions{{}, RLIM_INFINITY});
    ASSERT_TRUE(child.waitFor([&] { return countSaved(decisions(child), true) >= 4; }, 20s)) << child.err();

    // The disk fills up: no byte more may be written to any file.
    ASSERT_TRUE(child.setFileSizeLimit(1));
    const auto savedBefore = countSaved(decisions(child), true);
    ASSERT_TRUE(child.waitFor([&] { return countSaved(decisions(child), false) >= 3; }, 20s))
        << child.out() << child.err();
    EXPECT_NE(child.err().find("meetscan: error: disk full: "), std::string::npos) << child.err();
    // Said once, when saving stopped, not once a badge.
    const auto firstError = child.err().find("meetscan: error:");
    EXPECT_EQ(child.err().find("meetscan: error:", firstError + 1), std::string::npos) << child.err();

    // Space comes back: the next badges are saved again, without a restart.
    ASSERT_TRUE(child.setFileSizeLimit(RLIM_INFINITY));
    const auto unsavedAtReturn = countSaved(decisions(child), false);
    ASSERT_TRUE(child.waitFor(
        [&] {
            const auto lines = decisions(child);
            return countSaved(lines, true) >= savedBefore + 3 && lines.back()["saved"].get<bool>();
        },
        20s))
        << child.out() << child.err();
    const int exitCode = child.wait();
    EXPECT_EQ(exitCode, 1) << "scans were lost to the full disk: the run did not succeed";
    EXPECT_NE(child.err().find("scans are being saved again"), std::string::npos) << child.err();
    EXPECT_NE(child.err().find("could not be saved"), std::string::npos) << child.err();

    const auto lines = decisions(child);
    const auto unsaved = countSaved(lines, false);
    EXPECT_GE(unsaved, unsavedAtReturn);
    SQLite::Database database(db().string(), SQLite::OPEN_READWRITE);
    EXPECT_EQ(database.execAndGet("PRAGMA integrity_check").getString(), "ok");
    SQLite::Statement find(database, "SELECT count(*) FROM scan WHERE id = ?");
    for (const auto& decision : lines) {
        find.reset();
        find.bind(1, decision["id"].get<std::string>());
        ASSERT_TRUE(find.executeStep());
        EXPECT_EQ(find.getColumn(0).getInt(), decision["saved"].get<bool>() ? 1 : 0) << decision.dump();
        if (!decision["saved"].get<bool>()) {
            EXPECT_NE(decision.value("error", ""), "") << decision.dump();
        }
    }
    EXPECT_EQ(database.execAndGet("SELECT count(*) FROM scan").getInt64(), countSaved(lines, true));
    fmt::print("disk full: {} decisions saved before, {} not saved while full, {} saved in all; exit {}\n",
               savedBefore, unsaved, countSaved(lines, true), exitCode);
}

// The limit set before the run, as an operator's `ulimit -f` or a nearly full disk would: the
// first scans fit, then the human-readable output marks each scan NOT SAVED and the run exits 1.
TEST_F(DiskFull, LimitFromTheStartMarksScansNotSaved) {
    ChildProcess child(meetscanArgv({"--db", db().string(), "scan", "--source", m_source, "--frames", "30"}),
                       ChildOptions{{}, 40000});
    const int exitCode = child.wait();
    EXPECT_EQ(exitCode, 1) << child.out() << child.err();
    EXPECT_NE(child.err().find("meetscan: error: disk full: "), std::string::npos) << child.err();
    long saved = 0, notSaved = 0;
    for (const auto& line : child.outLines())
        ++(line.find("NOT SAVED") == std::string::npos ? saved : notSaved);
    EXPECT_GT(notSaved, 0) << child.out();
    SQLite::Database database(db().string(), SQLite::OPEN_READWRITE);
    EXPECT_EQ(database.execAndGet("PRAGMA integrity_check").getString(), "ok");
    EXPECT_EQ(database.execAndGet("SELECT count(*) FROM scan").getInt64(), saved);
    fmt::print("file-size limit 40000 bytes from the start: {} saved, {} not saved\n", saved, notSaved);
}

} // namespace
} // namespace meetscan::test
