// The kiosk when things go wrong (issue #6), on its own X server so the test holds the kiosk
// process itself: killed with SIGKILL and restarted it shows the same mode and station; a full
// disk puts up a banner that goes once saving works again; a camera that goes away is shown as
// such and scanning comes back.
#include "core/demo/demo_event.hpp"
#include "core/store/store.hpp"
#include "support/child_process.hpp"
#include "support/kiosk_script.hpp"
#include "support/temp_dir.hpp"
#include "support/xvfb_display.hpp"

#include <SQLiteCpp/Database.h>
#include <fmt/core.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <csignal>
#include <fstream>

namespace meetscan {
namespace {

using namespace std::chrono_literals;
using test::ChildOptions;
using test::ChildProcess;
using test::TempDir;

struct Shot {
    std::string screen;
    std::string overlay;
    std::vector<std::string> texts;
    bool pngWritten = false;

    [[nodiscard]] bool says(const std::string& text) const {
        return std::any_of(texts.begin(), texts.end(), [&](const std::string& t) { return t.find(text) != std::string::npos; });
    }
};

// NAME.json once it is complete (the kiosk writes the PNG first, then the JSON).
std::optional<Shot> readShot(const std::filesystem::path& dir, const std::string& name) {
    std::ifstream in(dir / (name + ".json"));
    if (!in)
        return std::nullopt;
    auto json = nlohmann::json::parse(in, nullptr, false);
    if (json.is_discarded() || !json.contains("texts"))
        return std::nullopt;
    Shot shot{json["screen"], json["overlay"], json["texts"].get<std::vector<std::string>>(), false};
    std::error_code error;
    shot.pngWritten = std::filesystem::file_size(dir / (name + ".png"), error) > 1000 && !error;
    return shot;
}

using test::scan;
using test::shot;
using test::tap;
using test::wait;

class KioskResilience : public ::testing::Test {
protected:
    void SetUp() override {
        if (!test::XvfbDisplay::available())
            GTEST_SKIP() << "Xvfb is not installed";
        m_x = std::make_unique<test::XvfbDisplay>();
        ASSERT_FALSE(m_x->display().empty()) << "Xvfb did not start";
        auto store = core::Store::open(db());
        ASSERT_TRUE(store.ok()) << store.error().message;
        core::DemoOptions options;
        options.attendees = 30;
        auto demo = core::createDemoEvent(**store, options);
        ASSERT_TRUE(demo.ok()) << demo.error().message;
        m_demo = std::move(demo).value();
        core::Station station = (*store)->events().station();
        station.name = "Hall B kiosk 3";
        ASSERT_TRUE((*store)->events().saveStation(station).ok());
    }

    std::filesystem::path db() const { return m_dir / "event.db"; }

    // Starts the kiosk on this test's display; `shots` is where its screenshots go.
    std::unique_ptr<ChildProcess> start(const std::vector<std::string>& script, const std::filesystem::path& shots,
                                        const std::string& source = "synthetic", ChildOptions options = {}) {
        std::string text;
        for (const auto& line : script)
            text += line + "\n";
        auto scriptPath = m_dir.write("script-" + std::to_string(++m_runs) + ".jsonl", text);
        options.env["DISPLAY"] = m_x->display();
        return std::make_unique<ChildProcess>(
            test::meetscanArgv({"--db", db().string(), "kiosk", "--windowed", "--mute", "--source", source, "--script",
                                scriptPath.string(), "--screenshot-dir", shots.string()}),
            options);
    }

    // Waits for a screenshot while the kiosk runs.
    std::optional<Shot> awaitShot(ChildProcess& kiosk, const std::filesystem::path& dir, const std::string& name,
                                  std::chrono::milliseconds limit = 30s) {
        std::optional<Shot> found;
        kiosk.waitFor([&] { return (found = readShot(dir, name)).has_value(); }, limit);
        return found;
    }

    void expectIntact() {
        SQLite::Database database(db().string(), SQLite::OPEN_READWRITE);
        EXPECT_EQ(database.execAndGet("PRAGMA integrity_check").getString(), "ok");
    }

    TempDir m_dir;
    std::unique_ptr<test::XvfbDisplay> m_x;
    core::DemoEvent m_demo;
    int m_runs = 0;
};

TEST_F(KioskResilience, KilledKioskRestartsInTheSameModeAndStation) {
    const std::string exhibitorId = m_demo.exhibitorIds[1];
    std::string exhibitorName;
    {
        auto store = core::Store::open(db());
        exhibitorName = (*store)->exhibitors().byId(exhibitorId)->name;
    }
    // Staff switch the kiosk to Booth mode in the admin panel, then visitors are scanned; the
    // kiosk is killed while it works.
    std::vector<std::string> script{wait(800)};
    for (int i = 0; i < 5; ++i)
        script.push_back(tap("admin-corner"));
    for (const auto& key : test::pinTaps())
        script.push_back(key);
    script.insert(script.end(), {wait(1500), tap("Booth"), tap(exhibitorName), wait(1000), tap("Close"), wait(800),
                                 shot("before")});
    script.push_back(scan(m_demo.staffBadges.at(exhibitorId).front()));
    for (int i = 0; i < 12; ++i)
        script.insert(script.end(), {scan(m_demo.badgeTexts[static_cast<std::size_t>(i)]), wait(150)});
    script.push_back(wait(60000));
    const auto firstShots = m_dir / "shots-first";
    auto first = start(script, firstShots);
    auto before = awaitShot(*first, firstShots, "before");
    ASSERT_TRUE(before) << first->err();
    first->waitFor([] { return false; }, 700ms); // in the middle of the visitors' scans
    first->kill(SIGKILL);
    EXPECT_EQ(first->wait(), -SIGKILL);
    expectIntact();

    const auto secondShots = m_dir / "shots-second";
    auto second = start({wait(1000), shot("after"), R"({"quit":true})"}, secondShots);
    EXPECT_EQ(second->wait(), 0) << second->err();
    auto after = readShot(secondShots, "after");
    ASSERT_TRUE(after) << second->err();

    EXPECT_EQ(before->screen, "idle");
    EXPECT_EQ(after->screen, "idle");
    for (const Shot* shown : {&*before, &*after}) {
        EXPECT_TRUE(shown->says(exhibitorName)) << "not in Booth mode for " << exhibitorName;
        EXPECT_TRUE(shown->says("Hall B kiosk 3")) << "the station's name is missing";
        EXPECT_TRUE(shown->says("Staff: scan your own badge to sign in"));
    }
    EXPECT_EQ(after->overlay, "");
    expectIntact();
    SQLite::Database database(db().string(), SQLite::OPEN_READONLY);
    fmt::print("kiosk killed after {} scans were saved; restarted in Booth mode for {} at station \"Hall B kiosk 3\"\n",
               database.execAndGet("SELECT count(*) FROM scan").getInt64(), exhibitorName);
}

TEST_F(KioskResilience, FullDiskBannerUntilSavingWorksAgain) {
    // The file-size limit is lowered and raised by the test between the script's steps; the
    // screenshots are taken while writing is allowed, and the banner stays until a write works.
    const auto shots = m_dir / "shots-disk";
    std::vector<std::string> script{wait(800),  scan(m_demo.badgeTexts[0]), shot("saved"),
                                    wait(2000), scan(m_demo.badgeTexts[1]), wait(4000),
                                    shot("full"), wait(1000), scan(m_demo.badgeTexts[2]), shot("recovered"),
                                    R"({"quit":true})"};
    auto kiosk = start(script, shots, "synthetic", ChildOptions{{}, RLIM_INFINITY});
    auto saved = awaitShot(*kiosk, shots, "saved");
    ASSERT_TRUE(saved) << kiosk->err();
    ASSERT_TRUE(kiosk->setFileSizeLimit(1)); // the disk is full for the second badge
    kiosk->waitFor([] { return false; }, 4000ms); // the second badge is scanned half way
    ASSERT_FALSE(readShot(shots, "full")) << "the script ran ahead of the test";
    ASSERT_TRUE(kiosk->setFileSizeLimit(RLIM_INFINITY)); // space is back before the screenshot
    EXPECT_EQ(kiosk->wait(), 0) << kiosk->err();

    EXPECT_EQ(saved->overlay, "");
    EXPECT_EQ(saved->screen, "meet_first_badge");
    auto full = readShot(shots, "full");
    ASSERT_TRUE(full) << kiosk->err();
    EXPECT_TRUE(full->pngWritten);
    EXPECT_EQ(full->overlay, "disk_full");
    EXPECT_EQ(full->screen, "not_saved");
    EXPECT_TRUE(full->says("Disk full — scans are not being saved, tell staff")) << nlohmann::json(full->texts).dump();
    auto recovered = readShot(shots, "recovered");
    ASSERT_TRUE(recovered) << kiosk->err();
    EXPECT_EQ(recovered->overlay, "") << "the banner stayed after a scan was saved";
    EXPECT_NE(recovered->screen, "not_saved");
    expectIntact();
    SQLite::Database database(db().string(), SQLite::OPEN_READONLY);
    EXPECT_EQ(database.execAndGet("SELECT count(*) FROM scan").getInt64(), 2) << "the first and third badges";
}

TEST_F(KioskResilience, CameraLostIsShownAndScanningComesBack) {
    // Works for 2 s, away for 3 s, over and over; screenshots every half second.
    const auto shots = m_dir / "shots-camera";
    std::vector<std::string> script{wait(500)};
    constexpr int kShots = 24;
    for (int i = 0; i < kShots; ++i)
        script.push_back(shot(fmt::format("t{:02d}", i)));
    script.push_back(R"({"quit":true})");
    auto kiosk = start(script, shots, "flaky:2/3");
    EXPECT_EQ(kiosk->wait(), 0) << kiosk->err();
    std::optional<int> lostAt;
    std::optional<int> backAt;
    for (int i = 0; i < kShots; ++i) {
        auto shown = readShot(shots, fmt::format("t{:02d}", i));
        ASSERT_TRUE(shown) << i;
        if (!lostAt && shown->overlay == "camera_lost") {
            lostAt = i;
            EXPECT_TRUE(shown->says("Camera disconnected — reconnecting"));
            EXPECT_TRUE(shown->says("Scanning resumes by itself"));
        } else if (lostAt && !backAt && shown->overlay.empty()) {
            backAt = i;
        }
    }
    ASSERT_TRUE(lostAt) << "no screenshot shows the camera as lost";
    ASSERT_TRUE(backAt) << "the camera never came back on screen";
}

} // namespace
} // namespace meetscan
