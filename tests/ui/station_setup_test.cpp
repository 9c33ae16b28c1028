// A new kiosk joins its event through the server, as an organiser sets one up: the office runs
// `station add --server --qr`, the code is read back from its PNG with zbarimg, and the real
// `meetscan kiosk` under Xvfb, started on a database that does not exist yet, is shown it.
#include "support/kiosk_script.hpp"
#include "support/screen_record.hpp"
#include "support/pg_server.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <stb/stb_image.h>

#include <algorithm>
#include <fstream>

namespace meetscan {
namespace {

class StationSetupScreens : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(std::filesystem::exists("/usr/bin/xvfb-run")) << "xvfb-run is part of the test set";
        std::string whyNot;
        m_server = test::PgServer::create(whyNot);
        ASSERT_TRUE(m_server) << whyNot; // PostgreSQL is a test dependency: never skipped
        const auto roster = m_dir.write("roster.csv", "badge_code,first_name,last_name,email,consent_exhibitors\n"
                                                      "A1,Ana,Silva,ana@example.org,yes\n"
                                                      "B2,Boris,Ivanov,boris@example.org,yes\n");
        ASSERT_EQ(office({"init", "--event", "Harbour Summit", "--station", "desk"}).exitCode, 0);
        ASSERT_EQ(office({"import", "roster", roster.string()}).exitCode, 0);
        ASSERT_EQ(test::runMeetscan({"server", "init", "--server", m_server->uri()}).exitCode, 0);
        const auto png = m_dir / "lounge.png";
        auto added = office({"station", "add", "--name", "lounge", "--mode", "meet", "--server", m_server->uri(),
                             "--qr", png.string()});
        ASSERT_EQ(added.exitCode, 0) << added.err;
        auto read = test::runProcess({"zbarimg", "--quiet", "--raw", png.string()});
        ASSERT_EQ(read.exitCode, 0) << read.err;
        m_code = read.out.substr(0, read.out.find_last_not_of("\r\n") + 1);
    }

    test::ProcessResult office(std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", (m_dir / "office.db").string()});
        return test::runMeetscan(args);
    }

    std::filesystem::path runKiosk(const std::string& database, const std::vector<std::string>& steps) {
        std::string script;
        for (const auto& step : steps)
            script += step + "\n";
        script += R"({"quit":true})" "\n";
        const auto scriptPath = m_dir.write(database + ".jsonl", script);
        const auto shots = m_dir / (database + "-shots");
        auto result = test::runProcess({"/usr/bin/xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", MEETSCAN_BINARY,
                                        "--db", (m_dir / database).string(), "kiosk", "--windowed", "--mute",
                                        "--source", "synthetic", "--script", scriptPath.string(), "--screenshot-dir",
                                        shots.string()});
        EXPECT_EQ(result.exitCode, 0) << result.err;
        return shots;
    }

    test::TempDir m_dir;
    std::unique_ptr<test::PgServer> m_server;
    std::string m_code;
};

TEST_F(StationSetupScreens, ANewKioskAsksForItsCodeJoinsOnceAndTurnsAwayASpentOne) {
    std::vector<std::string> steps{test::wait(2000), test::shot("setup"),
                                   test::scan("https://example.org/not-a-set-up-code"), test::shot("not-a-code"),
                                   test::scan(m_code), test::wait(800), test::shot("choose"),
                                   test::scan("A1"), test::wait(300)}; // no badge counts before the PIN
    const auto trivial = test::pinTaps("123456");
    steps.insert(steps.end(), trivial.begin(), trivial.end());
    steps.push_back(test::shot("trivial"));
    for (int twice = 0; twice < 2; ++twice) {
        const auto pin = test::pinTaps("975318");
        steps.insert(steps.end(), pin.begin(), pin.end());
        steps.push_back(twice == 0 ? test::shot("repeat") : test::wait(1500));
    }
    steps.push_back(test::shot("joined"));
    const auto shots = runKiosk("kiosk.db", steps);
    const auto setup = test::loadScreenRecord(shots, "setup");
    EXPECT_EQ(setup.screen, "station_setup");
    EXPECT_EQ(setup.width, 1920);
    EXPECT_TRUE(setup.says("Scan the station set-up code")) << testing::PrintToString(setup.texts);
    const auto wrong = test::loadScreenRecord(shots, "not-a-code");
    EXPECT_EQ(wrong.screen, "station_setup");
    EXPECT_TRUE(wrong.says("not a station set-up code")) << testing::PrintToString(wrong.texts);
    // There is no default PIN: the person who set the kiosk up chooses its own, twice.
    const auto choose = test::loadScreenRecord(shots, "choose");
    EXPECT_EQ(choose.screen, "choose_pin");
    EXPECT_TRUE(choose.says("Choose this kiosk's admin PIN")) << testing::PrintToString(choose.texts);
    EXPECT_TRUE(choose.says("Joined Harbour Summit as lounge")) << testing::PrintToString(choose.texts);
    const auto refused = test::loadScreenRecord(shots, "trivial");
    EXPECT_EQ(refused.screen, "choose_pin");
    EXPECT_TRUE(refused.says("A run of digits")) << testing::PrintToString(refused.texts);
    const auto repeat = test::loadScreenRecord(shots, "repeat");
    EXPECT_TRUE(repeat.says("Type the PIN again")) << testing::PrintToString(repeat.texts);
    const auto joined = test::loadScreenRecord(shots, "joined");
    EXPECT_EQ(joined.screen, "idle");
    EXPECT_TRUE(joined.says("Admin PIN set")) << testing::PrintToString(joined.texts);
    EXPECT_TRUE(joined.says("Harbour Summit")) << testing::PrintToString(joined.texts);
    {
        SQLite::Database kiosk((m_dir / "kiosk.db").string(), SQLite::OPEN_READONLY);
        EXPECT_EQ(kiosk.execAndGet("SELECT value FROM meta WHERE key = 'role'").getString(), "station");
        EXPECT_EQ(kiosk.execAndGet("SELECT count(*) FROM attendee").getInt(), 2);
        EXPECT_EQ(kiosk.execAndGet("SELECT count(*) FROM signing_key").getInt(), 0);
        EXPECT_EQ(kiosk.execAndGet("SELECT count(*) FROM scan").getInt(), 0) << "a badge was taken before the PIN";
        const std::string hash = kiosk.execAndGet("SELECT value FROM meta WHERE key = 'admin_pin_hash'").getString();
        EXPECT_EQ(hash.rfind("$argon2id$", 0), 0U) << hash;
        EXPECT_EQ(kiosk.execAndGet("SELECT name FROM station WHERE id = "
                                   "(SELECT value FROM meta WHERE key = 'station_id')")
                      .getString(),
                  "lounge");
    }

    // The same code shown to a second new kiosk: spent, said so on screen, and nothing written.
    const auto again = runKiosk("second.db", {test::wait(1500), test::scan(m_code), test::shot("spent")});
    const auto spent = test::loadScreenRecord(again, "spent");
    EXPECT_EQ(spent.screen, "station_setup");
    EXPECT_TRUE(spent.says("used already")) << testing::PrintToString(spent.texts);
    EXPECT_FALSE(std::filesystem::exists(m_dir / "second.db"));
    if (const char* keep = std::getenv("KEEP_SHOTS"); keep != nullptr)
        std::filesystem::copy(shots.parent_path(), keep, std::filesystem::copy_options::recursive);
}

} // namespace
} // namespace meetscan
