// `meetscan scan` end to end: a folder of camera frames played through the real scan loop,
// each decision recorded before it is printed with "saved": true.
#include "meetscan/scanner/signing.hpp"
#include "meetscan/scanner/synthetic_badge.hpp"
#include "support/json_lines.hpp"
#include "support/pgm_file.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace meetscan::test {
namespace {

class ScanCli : public ::testing::Test {
protected:
    void SetUp() override {
        auto csv = m_dir.write("roster.csv", "badge_code,first_name,last_name,company,email,exhibitor,consent_exhibitors\n"
                                             "A1,Ana,Silva,Acme,ana@example.org,,yes\n"
                                             "B2,Борис,Иванов,Beta,boris@example.org,,yes\n"
                                             "C3,Chen,Jing,Gamma,chen@example.org,,no\n"
                                             "ST,Sam,Staff,Booth Co,sam@example.org,boothco,yes\n");
        ASSERT_EQ(run({"init", "--event", "Expo"}).exitCode, 0);
        ASSERT_EQ(run({"import", "roster", csv.string()}).exitCode, 0);
        auto exhibitors = m_dir.write("exhibitors.csv", "id,name,booth,tags,questions\nboothco,Booth Co,B1,demo|pricing,\n");
        ASSERT_EQ(run({"import", "exhibitors", exhibitors.string()}).exitCode, 0);
    }
    ProcessResult run(std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", (m_dir / "event.db").string()});
        return runMeetscan(args);
    }
    // Each badge is held up for two frames (one scan after debouncing), then an empty frame, as a
    // camera would see it: a frame the decoder skips under load is not a lost badge.
    std::string framesFolder(const std::vector<std::string>& texts) {
        auto folder = m_dir / "frames";
        std::filesystem::create_directories(folder);
        int index = 0;
        for (const auto& text : texts) {
            scanner::BadgeScene scene;
            scene.text = text;
            scene.tiltX = 0.1;
            scene.seed = static_cast<std::uint32_t>(index + 1);
            writePgm(folder / fmt::format("{:03d}.pgm", index++), scanner::renderBadgeFrame(scene));
            scene.centerX = 0.52;
            writePgm(folder / fmt::format("{:03d}.pgm", index++), scanner::renderBadgeFrame(scene));
            scene.text.clear();
            writePgm(folder / fmt::format("{:03d}.pgm", index++), scanner::renderBadgeFrame(scene));
        }
        return "dir:" + folder.string() + "@6";
    }
    TempDir m_dir;
};

TEST_F(ScanCli, MeetModeRecordsEveryDecisionDurably) {
    const auto keys = scanner::generateKeyPair(); // not trusted: its badges are forged here
    const auto source = framesFolder({"A1", "B2", "NOT-ON-ROSTER", scanner::signBadge({"A1", "Ana", "Silva", ""}, keys), "C3"});
    auto scan = run({"scan", "--source", source, "--json"});
    ASSERT_EQ(scan.exitCode, 0) << scan.err;
    auto lines = jsonLines(scan.out);
    ASSERT_EQ(lines.size(), 5U) << scan.out;
    std::vector<std::string> outcomes;
    for (const auto& line : lines) {
        outcomes.push_back(line["outcome"]);
        EXPECT_EQ(line["saved"], true);
        for (const char* key : {"at", "text", "attendee", "outcome", "saved"})
            EXPECT_TRUE(line.contains(key)) << key;
    }
    EXPECT_EQ(outcomes, (std::vector<std::string>{"first_badge", "connected", "unknown_badge", "bad_signature",
                                                  "first_badge"}));
    EXPECT_TRUE(lines[2]["attendee"].is_null());
    EXPECT_NE(scan.err.find("5 decisions"), std::string::npos) << scan.err;

    auto stats = nlohmann::json::parse(run({"stats", "--json"}).out);
    EXPECT_EQ(stats["scans"], 5);
    EXPECT_EQ(stats["connections"], 1);
    EXPECT_EQ(stats["scans_by_outcome"]["bad_signature"], 1);
}

TEST_F(ScanCli, BoothModeSignsInStaffAndRespectsConsent) {
    ASSERT_EQ(run({"init", "--event", "Expo", "--mode", "booth", "--exhibitor", "boothco"}).exitCode, 0);
    auto scan = run({"scan", "--source", framesFolder({"ST", "A1", "C3"}), "--json"});
    ASSERT_EQ(scan.exitCode, 0) << scan.err;
    auto lines = jsonLines(scan.out);
    ASSERT_EQ(lines.size(), 3U) << scan.out;
    EXPECT_EQ(lines[0]["outcome"], "staff_signed_in");
    EXPECT_EQ(lines[1]["outcome"], "lead_captured");
    EXPECT_EQ(lines[2]["outcome"], "no_consent");
    EXPECT_EQ(nlohmann::json::parse(run({"stats", "--json"}).out)["leads"], 1);
}

TEST_F(ScanCli, ModeOptionDoesNotChangeTheStation) {
    auto scan = run({"scan", "--source", framesFolder({"A1"}), "--mode", "summary", "--json"});
    ASSERT_EQ(scan.exitCode, 0) << scan.err;
    auto lines = jsonLines(scan.out);
    ASSERT_EQ(lines.size(), 1U);
    EXPECT_EQ(lines[0]["outcome"], "summary_shown");
    EXPECT_EQ(nlohmann::json::parse(run({"stats", "--json"}).out)["mode"], "meet");
}

TEST_F(ScanCli, SyntheticSourceStopsAfterTheGivenTime) {
    auto scan = run({"scan", "--source", "synthetic", "--seconds", "3", "--json"});
    ASSERT_EQ(scan.exitCode, 0) << scan.err;
    EXPECT_FALSE(jsonLines(scan.out).empty());
}

TEST_F(ScanCli, BadSourcesAreBadInput) {
    for (const std::string source : {"bogus:thing", "dir:/no/such/folder", "file:/no/such/video.mp4"}) {
        auto scan = run({"scan", "--source", source});
        EXPECT_EQ(scan.exitCode, 2) << source;
        EXPECT_EQ(scan.err.rfind("meetscan: error: ", 0), 0U) << scan.err;
    }
    EXPECT_EQ(run({"scan"}).exitCode, 2);
    EXPECT_EQ(run({"scan", "--source", "synthetic", "--frames", "3", "--seconds", "1"}).exitCode, 2);
}

} // namespace
} // namespace meetscan::test
