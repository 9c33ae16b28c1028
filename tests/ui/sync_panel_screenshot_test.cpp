// Screenshot test of the admin panel's sync strip: the real `meetscan kiosk --server` under Xvfb,
// once against a throw-away PostgreSQL cluster (synced, nothing waiting) and once against a
// server that is not there (the error in words, the scans still queued).
#include "core/session/admin_lock.hpp"
#include "core/store/store.hpp"
#include "core/sync/event_schema.hpp"
#include "core/sync/pg_connection.hpp"
#include "core/sync/server_schema.hpp"
#include "support/kiosk_script.hpp"
#include "support/pg_server.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <stb/stb_image.h>

#include <algorithm>
#include <array>
#include <fstream>

namespace meetscan {
namespace {

struct PanelShot {
    std::string screen;
    std::vector<std::string> texts;
    std::array<float, 4> syncNow{}; // the "Sync now" button: left, top, right, bottom
    int width = 0;
    int height = 0;

    [[nodiscard]] bool says(const std::string& text) const {
        return std::any_of(texts.begin(), texts.end(), [&](const std::string& t) { return t.find(text) != std::string::npos; });
    }
};

PanelShot load(const std::filesystem::path& dir, const std::string& name) {
    PanelShot shot;
    std::ifstream in(dir / (name + ".json"));
    EXPECT_TRUE(in.good()) << "no " << name << ".json";
    if (!in)
        return shot;
    auto json = nlohmann::json::parse(in);
    shot.screen = json["screen"];
    shot.texts = json["texts"].get<std::vector<std::string>>();
    if (json.contains("boxes") && json["boxes"].contains("Sync now"))
        shot.syncNow = json["boxes"]["Sync now"].get<std::array<float, 4>>();
    EXPECT_GT(shot.syncNow[2], 0.0F) << "no \"Sync now\" button in " << name;
    int channels = 0;
    EXPECT_NE(stbi_info((dir / (name + ".png")).c_str(), &shot.width, &shot.height, &channels), 0) << name << ".png";
    EXPECT_EQ(shot.width, 1920);
    return shot;
}

class SyncPanelScreens : public ::testing::Test {
protected:
    void SetUp() override {
        if (!std::filesystem::exists("/usr/bin/xvfb-run"))
            GTEST_SKIP() << "xvfb-run is not installed";
        auto store = core::Store::open(m_dir / "event.db");
        ASSERT_TRUE(store) << store.error().message;
        ASSERT_TRUE(core::setAdminPin((*store)->events(), core::kDemoAdminPin));
        core::Attendee ana;
        ana.badgeCode = "A1";
        ana.id = core::attendeeIdForCode("A1");
        ana.firstName = "Ana";
        ASSERT_TRUE((*store)->attendees().importAll({ana}));
        m_schema = *core::eventSchemaName((*store)->events().metaValue("event_id"));
    }

    std::filesystem::path runAdmin(const std::string& server) {
        std::string script = R"({"wait_ms":2500})" "\n";
        for (int i = 0; i < 5; ++i)
            script += R"({"tap":"admin-corner"})" "\n";
        for (const auto& key : test::pinTaps())
            script += key + "\n";
        script += R"({"wait_ms":2500})" "\n" R"({"screenshot":"admin"})" "\n" R"({"quit":true})" "\n";
        auto scriptPath = m_dir.write("script-" + std::to_string(++m_runs) + ".jsonl", script);
        auto shots = m_dir / ("shots-" + std::to_string(m_runs));
        auto result = test::runProcess({"/usr/bin/xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", MEETSCAN_BINARY, "--db",
                                        (m_dir / "event.db").string(), "kiosk", "--windowed", "--mute", "--source",
                                        "synthetic", "--server", server, "--script", scriptPath.string(),
                                        "--screenshot-dir", shots.string()});
        EXPECT_EQ(result.exitCode, 0) << result.err;
        return shots;
    }

    test::TempDir m_dir;
    std::string m_schema; // the event's schema on the server (event_schema.hpp)
    int m_runs = 0;
};

TEST_F(SyncPanelScreens, SyncedKioskShowsAGreenLightAndAnEmptyQueue) {
    std::string whyNot;
    auto server = test::PgServer::create(whyNot);
    if (!server)
        GTEST_SKIP() << whyNot;
    auto connection = core::PgConnection::connect(server->conninfo());
    ASSERT_TRUE(connection);
    ASSERT_TRUE(core::initServerSchema(*connection));

    auto shot = load(runAdmin(server->conninfo()), "admin");
    EXPECT_EQ(shot.screen, "admin");
    EXPECT_TRUE(shot.says("Synced just now")) << testing::PrintToString(shot.texts);
    EXPECT_TRUE(shot.says("0 waiting"));
    EXPECT_TRUE(shot.says("Sync now"));
    EXPECT_EQ(server->scalar("SELECT count(*) FROM " + m_schema + ".attendee"), "1") << "the kiosk pushed its roster";
}

TEST_F(SyncPanelScreens, UnreachableServerShowsTheErrorAndTheQueue) {
    auto shot = load(runAdmin("host=127.0.0.1 port=1 dbname=event connect_timeout=1"), "admin");
    EXPECT_EQ(shot.screen, "admin");
    EXPECT_TRUE(shot.says("Sync: not reached yet")) << testing::PrintToString(shot.texts);
    EXPECT_TRUE(shot.says("cannot connect to the server")) << testing::PrintToString(shot.texts);
    EXPECT_FALSE(shot.says("0 waiting")) << "the roster import is still queued";
}

} // namespace
} // namespace meetscan
