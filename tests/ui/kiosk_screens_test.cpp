// Screenshot tests: the real `meetscan kiosk` under Xvfb, driven by a script of scans and taps,
// checked on what each screen says (NAME.json) and on its pixels (NAME.png).
#include "core/demo/demo_event.hpp"
#include "core/store/store.hpp"
#include "support/kiosk_script.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <stb/stb_image.h>

#include <algorithm>
#include <array>
#include <map>
#include <filesystem>
#include <fstream>
#include <set>

namespace meetscan {
namespace {

using test::scan;
using test::shot;
using test::tap;

using test::runProcess;
using test::TempDir;

bool haveXvfb() { return std::filesystem::exists("/usr/bin/xvfb-run"); }

struct Shot {
    std::string screen;
    std::string overlay;
    std::vector<std::string> texts;
    std::map<std::string, std::array<float, 4>> boxes; // label -> left, top, right, bottom
    std::vector<std::uint8_t> rgb;
    int width = 0;
    int height = 0;

    [[nodiscard]] bool isColour(int x, int y, int r, int g, int b, int tolerance) const {
        const std::size_t at = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 3U;
        return std::abs(rgb[at] - r) <= tolerance && std::abs(rgb[at + 1] - g) <= tolerance && std::abs(rgb[at + 2] - b) <= tolerance;
    }
    // Pixels of one colour in column x between rows y0 and y1: a card edge's height.
    [[nodiscard]] int columnRun(int x, int y0, int y1, int r, int g, int b, int tolerance = 8) const {
        int count = 0;
        for (int y = y0; y < std::min(y1, height); ++y)
            count += isColour(x, y, r, g, b, tolerance) ? 1 : 0;
        return count;
    }

    [[nodiscard]] bool says(const std::string& text) const {
        return std::any_of(texts.begin(), texts.end(), [&](const std::string& t) { return t.find(text) != std::string::npos; });
    }
    [[nodiscard]] int countColour(int r, int g, int b, int tolerance = 12) const {
        int count = 0;
        for (std::size_t i = 0; i + 2 < rgb.size(); i += 3)
            if (std::abs(rgb[i] - r) <= tolerance && std::abs(rgb[i + 1] - g) <= tolerance && std::abs(rgb[i + 2] - b) <= tolerance)
                ++count;
        return count;
    }
    // Distinct grey levels in a rectangle: a live preview has many, a blank area one.
    [[nodiscard]] std::size_t distinctIn(int x0, int y0, int x1, int y1) const {
        std::set<int> values;
        for (int y = y0; y < y1; y += 3)
            for (int x = x0; x < x1; x += 3)
                values.insert(rgb[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 3U]);
        return values.size();
    }
};

Shot loadShot(const std::filesystem::path& dir, const std::string& name) {
    Shot shot;
    std::ifstream in(dir / (name + ".json"));
    EXPECT_TRUE(in.good()) << "no " << name << ".json";
    if (!in)
        return shot;
    nlohmann::json json = nlohmann::json::parse(in);
    shot.screen = json["screen"];
    shot.overlay = json["overlay"];
    shot.texts = json["texts"].get<std::vector<std::string>>();
    if (json.contains("boxes"))
        shot.boxes = json["boxes"].get<std::map<std::string, std::array<float, 4>>>();
    int channels = 0;
    unsigned char* pixels = stbi_load((dir / (name + ".png")).c_str(), &shot.width, &shot.height, &channels, 3);
    EXPECT_NE(pixels, nullptr) << name << ".png unreadable";
    if (pixels != nullptr) {
        shot.rgb.assign(pixels, pixels + static_cast<std::ptrdiff_t>(shot.width) * shot.height * 3);
        stbi_image_free(pixels);
    }
    return shot;
}

class KioskScreens : public ::testing::Test {
protected:
    void SetUp() override {
        if (!haveXvfb())
            GTEST_SKIP() << "xvfb-run is not installed";
        auto store = core::Store::open(m_dir / "event.db");
        ASSERT_TRUE(store.ok()) << store.error().message;
        core::DemoOptions options;
        options.attendees = 40;
        auto demo = core::createDemoEvent(**store, options);
        ASSERT_TRUE(demo.ok()) << demo.error().message;
        m_demo = std::move(demo).value();
        core::Event event = (*store)->events().event();
        event.name = "Kiosk Test Con";
        event.settings.accentColour = "#D6336C";
        event.settings.pairingWindowSeconds = 4;
        ASSERT_TRUE((*store)->events().saveEvent(event).ok());
        for (std::size_t i = 0; i < m_demo.attendeeIds.size(); ++i)
            m_people.push_back(*(*store)->attendees().byId(m_demo.attendeeIds[i]));
    }

    void configure(core::Mode mode, const std::string& exhibitorId) {
        auto store = core::Store::open(m_dir / "event.db");
        ASSERT_TRUE(store.ok());
        core::Station station = (*store)->events().station();
        station.mode = mode;
        station.exhibitorId = exhibitorId;
        ASSERT_TRUE((*store)->events().saveStation(station).ok());
    }

    // Index of a demo attendee whose name is not in Latin script (CJK, Arabic, Cyrillic, Greek).
    std::size_t nonLatinPerson() const {
        for (std::size_t i = 0; i < m_people.size(); ++i) {
            const std::string name = m_people[i].displayName();
            if (!name.empty() && static_cast<unsigned char>(name[0]) >= 0xCE && m_people[i].exhibitorId.empty())
                return i;
        }
        return 0;
    }

    std::filesystem::path run(const std::vector<std::string>& script, const std::string& source = "synthetic") {
        std::string text;
        for (const auto& line : script)
            text += line + "\n";
        auto scriptPath = m_dir.write("script-" + std::to_string(++m_runs) + ".jsonl", text);
        auto shots = m_dir / ("shots-" + std::to_string(m_runs));
        auto result = runProcess({"/usr/bin/xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", MEETSCAN_BINARY, "--db",
                                  (m_dir / "event.db").string(), "kiosk", "--windowed", "--mute", "--source", source,
                                  "--script", scriptPath.string(), "--screenshot-dir", shots.string()});
        EXPECT_EQ(result.exitCode, 0) << result.err;
        return shots;
    }

    // The admin panel, opened with the corner gesture and the default PIN.
    static std::vector<std::string> openAdmin() {
        std::vector<std::string> steps;
        for (int i = 0; i < 5; ++i)
            steps.push_back(tap("admin-corner"));
        for (const auto& key : test::pinTaps())
            steps.push_back(key);
        steps.emplace_back(R"({"wait_ms":1500})");
        return steps;
    }

    TempDir m_dir;
    core::DemoEvent m_demo;
    std::vector<core::Attendee> m_people;
    int m_runs = 0;
};

TEST_F(KioskScreens, MeetModeScreens) {
    const std::size_t a = nonLatinPerson();
    const std::size_t b = a == 1 ? 2 : 1;
    std::string forged = m_demo.badgeTexts[3];
    forged[forged.size() - 3] = forged[forged.size() - 3] == 'A' ? 'B' : 'A';
    {
        // A title long enough to wrap: the pair's cards must still be of one height.
        auto store = core::Store::open(m_dir / "event.db");
        m_people[b].title = "Principal Engineer for Developer Experience, Platform Reliability and Observability";
        ASSERT_TRUE((*store)->attendees().importAll({m_people[b]}).ok());
    }
    auto dir = run({R"({"wait_ms":1500})", shot("idle"), scan(m_demo.badgeTexts[a]), shot("first"),
                    scan(m_demo.badgeTexts[a]), shot("same"), scan(m_demo.badgeTexts[b]), shot("connected"),
                    R"({"wait_ms":500})", scan(m_demo.badgeTexts[a]), scan(m_demo.badgeTexts[b]), shot("already"),
                    R"({"wait_ms":500})", scan(m_demo.badgeTexts[5]), R"({"wait_ms":5500})", shot("expired"),
                    scan("NOT-ON-THE-LIST-42"), shot("unknown"), scan(forged), shot("forged"),
                    // A USB barcode scanner types the badge and Enter.
                    R"({"wait_ms":300})", nlohmann::json{{"type", m_demo.badgeTexts[6]}}.dump(), R"({"key":"Enter"})",
                    R"({"wait_ms":1000})", shot("wedge"), R"({"quit":true})"});
    const std::string nameA = m_people[a].displayName();
    const std::string nameB = m_people[b].displayName();

    Shot idle = loadShot(dir, "idle");
    EXPECT_EQ(idle.screen, "idle");
    EXPECT_TRUE(idle.says("Hold your badge up to the camera"));
    EXPECT_TRUE(idle.says("Kiosk Test Con"));
    EXPECT_EQ(idle.width, 1920);
    EXPECT_EQ(idle.height, 1080);
    EXPECT_GT(idle.countColour(0xD6, 0x33, 0x6C), 5000) << "accent colour missing";
    EXPECT_GT(idle.distinctIn(760, 500, 1160, 900), 20U) << "preview area looks blank";

    Shot first = loadShot(dir, "first");
    EXPECT_EQ(first.screen, "meet_first_badge");
    EXPECT_TRUE(first.says("now the other person"));
    EXPECT_TRUE(first.says(nameA)) << nameA;
    EXPECT_FALSE(first.says("Hold your badge up"));

    Shot same = loadShot(dir, "same");
    EXPECT_EQ(same.screen, "meet_same_badge");
    EXPECT_TRUE(same.says("Waiting for the second badge"));

    Shot connected = loadShot(dir, "connected");
    EXPECT_EQ(connected.screen, "meet_connected");
    EXPECT_TRUE(connected.says("You are connected"));
    EXPECT_TRUE(connected.says(nameA)) << nameA;
    EXPECT_TRUE(connected.says(nameB)) << nameB;
    EXPECT_TRUE(connected.says(m_people[b].company));
    EXPECT_GT(connected.countColour(46, 160, 67, 8), 10000) << "no green success sign";
    EXPECT_TRUE(connected.says(m_people[b].title));
    {
        // The green edge of each card, 7 px in from its left side (cards 760 px wide, 80 apart,
        // centred on a 1920 px screen), below the big success sign.
        const int left = connected.columnRun(160 + 7, 420, 1068, 46, 160, 67);
        const int right = connected.columnRun(1000 + 7, 420, 1068, 46, 160, 67);
        EXPECT_GT(left, 150) << "left card edge not found";
        EXPECT_GT(right, 150) << "right card edge not found";
        EXPECT_NEAR(left, right, 2) << "the two connected cards differ in height";
    }

    Shot already = loadShot(dir, "already");
    EXPECT_EQ(already.screen, "meet_already_connected");
    EXPECT_TRUE(already.says("already connected"));

    Shot expired = loadShot(dir, "expired");
    EXPECT_TRUE(expired.screen == "meet_window_expired" || expired.screen == "idle") << expired.screen;
    EXPECT_FALSE(expired.says(m_people[5].displayName())) << "a person stayed on screen after the window ran out";

    Shot unknown = loadShot(dir, "unknown");
    EXPECT_EQ(unknown.screen, "unknown_badge");
    EXPECT_TRUE(unknown.says("Badge not recognised"));
    EXPECT_GT(unknown.countColour(229, 83, 75, 8), 10000) << "no red refusal sign";

    Shot forgedShot = loadShot(dir, "forged");
    EXPECT_EQ(forgedShot.screen, "refused_badge");
    EXPECT_TRUE(forgedShot.says("could not be verified"));

    Shot wedge = loadShot(dir, "wedge");
    EXPECT_EQ(wedge.screen, "meet_first_badge");
    EXPECT_TRUE(wedge.says(m_people[6].displayName()));
}

TEST_F(KioskScreens, BoothModeScreens) {
    ASSERT_FALSE(m_demo.exhibitorIds.empty());
    const std::string exhibitorId = m_demo.exhibitorIds.front();
    configure(core::Mode::Booth, exhibitorId);
    core::Exhibitor exhibitor;
    {
        auto store = core::Store::open(m_dir / "event.db");
        exhibitor = *(*store)->exhibitors().byId(exhibitorId);
        // One visitor who does not want to be scanned by exhibitors.
        core::Attendee shy = m_people[9];
        shy.consentExhibitors = false;
        ASSERT_TRUE((*store)->attendees().importAll({shy}).ok());
    }
    std::size_t visitor = 12;
    while (m_people[visitor].exhibitorId == exhibitorId)
        ++visitor;
    ASSERT_FALSE(exhibitor.tags.empty());
    const auto& staffBadges = m_demo.staffBadges.at(exhibitorId);
    std::vector<std::string> script{R"({"wait_ms":1200})", shot("idle"), scan(staffBadges.front()), shot("signed_in"),
                                    R"({"wait_ms":500})", scan(m_demo.badgeTexts[visitor]), shot("lead"), tap("Hot"),
                                    tap(exhibitor.tags.front())};
    for (const auto& question : exhibitor.questions)
        if (!question.options.empty())
            script.push_back(tap(question.options.back()));
    script.insert(script.end(), {shot("lead_edited"), tap("Done"), R"({"wait_ms":600})", shot("after_done"),
                                 scan(m_demo.badgeTexts[visitor]), shot("reopened"), tap("Done"), R"({"wait_ms":400})",
                                 scan(m_demo.badgeTexts[9]), shot("no_consent"), R"({"quit":true})"});
    auto dir = run(script);

    Shot idle = loadShot(dir, "idle");
    EXPECT_EQ(idle.screen, "idle");
    EXPECT_TRUE(idle.says(exhibitor.name));
    EXPECT_TRUE(idle.says("Staff: scan your own badge to sign in"));

    Shot signedIn = loadShot(dir, "signed_in");
    EXPECT_EQ(signedIn.screen, "booth_staff_signed_in");
    EXPECT_TRUE(signedIn.says("Signed in"));

    Shot lead = loadShot(dir, "lead");
    EXPECT_EQ(lead.screen, "booth_lead");
    EXPECT_TRUE(lead.says("Lead saved"));
    EXPECT_TRUE(lead.says(m_people[visitor].displayName()));
    for (const char* label : {"Hot", "Warm", "Cold", "Done", "Note"})
        EXPECT_TRUE(lead.says(label)) << label;
    EXPECT_TRUE(lead.says(exhibitor.tags.front()));
    // Everything on a 1080p screen, with room between: every button and field inside the
    // screen, at least 12 px from the next one.
    ASSERT_TRUE(lead.boxes.contains("field:note")) << "the note field is not on the lead screen";
    ASSERT_TRUE(lead.boxes.contains("Done"));
    for (const auto& [label, box] : lead.boxes) {
        EXPECT_GE(box[0], 0.0F) << label;
        EXPECT_GE(box[1], 0.0F) << label;
        EXPECT_LE(box[2], 1920.0F) << label;
        EXPECT_LE(box[3], 1080.0F - 24.0F) << label << " reaches the bottom edge";
        EXPECT_GE(box[3] - box[1], 48.0F) << label << " is too small to touch";
        for (const auto& [other, second] : lead.boxes) {
            if (other <= label)
                continue;
            const bool apart = box[2] + 12.0F <= second[0] || second[2] + 12.0F <= box[0] || box[3] + 12.0F <= second[1] ||
                               second[3] + 12.0F <= box[1];
            EXPECT_TRUE(apart) << label << " and " << other << " overlap or touch";
        }
    }
    EXPECT_GE(lead.boxes["field:note"][3] - lead.boxes["field:note"][1], 96.0F) << "the note field is too short";

    Shot edited = loadShot(dir, "lead_edited");
    EXPECT_GT(edited.countColour(229, 83, 75, 8), 3000) << "Hot is not shown selected";

    Shot afterDone = loadShot(dir, "after_done");
    EXPECT_EQ(afterDone.screen, "idle");
    EXPECT_FALSE(afterDone.says(m_people[visitor].displayName()));

    Shot reopened = loadShot(dir, "reopened");
    EXPECT_EQ(reopened.screen, "booth_lead");
    EXPECT_TRUE(reopened.says("Lead reopened"));

    Shot refused = loadShot(dir, "no_consent");
    EXPECT_EQ(refused.screen, "no_consent");
    EXPECT_TRUE(refused.says("chose not to share"));

    // The edits reached the database.
    auto store = core::Store::open(m_dir / "event.db");
    auto saved = (*store)->leads().find(exhibitorId, m_people[visitor].id);
    ASSERT_TRUE(saved.has_value());
    EXPECT_EQ(saved->rating, "hot");
    EXPECT_NE(std::find(saved->tags.begin(), saved->tags.end(), exhibitor.tags.front()), saved->tags.end());
    EXPECT_FALSE((*store)->leads().find(exhibitorId, m_people[9].id).has_value());
}

TEST_F(KioskScreens, SummaryAndAdminScreens) {
    // Two meetings first, in Meet mode, then the summary of the person who had them.
    auto meet = run({scan(m_demo.badgeTexts[1]), scan(m_demo.badgeTexts[2]), R"({"wait_ms":300})",
                     scan(m_demo.badgeTexts[1]), scan(m_demo.badgeTexts[3]), R"({"quit":true})"});
    configure(core::Mode::Summary, "");
    std::vector<std::string> script{scan(m_demo.badgeTexts[1]), shot("summary")};
    for (int i = 0; i < 5; ++i)
        script.push_back(tap("admin-corner"));
    script.insert(script.end(), {shot("pin"), tap("1"), tap("1"), tap("1"), tap("1"), tap("OK"), R"({"wait_ms":1200})",
                                 shot("wrong_pin")});
    for (const auto& key : test::pinTaps())
        script.push_back(key);
    script.insert(script.end(), {R"({"wait_ms":1500})", shot("admin"), tap("Quit kiosk"), R"({"wait_ms":3000})",
                                 shot("should_not_exist")});
    auto dir = run(script);

    Shot summary = loadShot(dir, "summary");
    EXPECT_EQ(summary.screen, "summary");
    EXPECT_TRUE(summary.says("People you met"));
    EXPECT_TRUE(summary.says("Booths you visited"));
    EXPECT_TRUE(summary.says(m_people[2].displayName()));
    EXPECT_TRUE(summary.says(m_people[3].displayName()));

    Shot pin = loadShot(dir, "pin");
    EXPECT_EQ(pin.screen, "admin_pin");
    EXPECT_TRUE(pin.says("Staff only"));
    EXPECT_FALSE(pin.says("default PIN")) << "there is no default PIN";

    Shot wrong = loadShot(dir, "wrong_pin");
    EXPECT_EQ(wrong.screen, "admin_pin");
    EXPECT_TRUE(wrong.says("Wrong PIN"));

    Shot admin = loadShot(dir, "admin");
    EXPECT_EQ(admin.screen, "admin");
    for (const char* label : {"Mode", "Camera", "Live counts", "Scans per hour", "Turned away", "Quit kiosk"})
        EXPECT_TRUE(admin.says(label)) << label;
    // The station's charts are those of `meetscan report`: a Summary station makes no connections
    // or leads, so it charts what it turned away.
    EXPECT_TRUE(admin.says("Unknown badge"));
    EXPECT_FALSE(admin.says("Connections per attendee"));
    EXPECT_FALSE(admin.says("Leads by rating"));
    EXPECT_FALSE(std::filesystem::exists(dir / "should_not_exist.png")) << "Quit did not stop the kiosk";
}

TEST_F(KioskScreens, AdminChoosesTheBoothsExhibitor) {
    configure(core::Mode::Meet, "");
    ASSERT_GE(m_demo.exhibitorIds.size(), 2U);
    const std::string exhibitorId = m_demo.exhibitorIds[1];
    core::Exhibitor exhibitor;
    {
        auto store = core::Store::open(m_dir / "event.db");
        exhibitor = *(*store)->exhibitors().byId(exhibitorId);
    }
    std::vector<std::string> script{R"({"wait_ms":800})"};
    auto admin = openAdmin();
    script.insert(script.end(), admin.begin(), admin.end());
    script.insert(script.end(), {shot("admin_meet"), tap("Booth"), shot("picker"), tap(exhibitor.name),
                                 R"({"wait_ms":1000})", shot("admin_booth"), tap("Close"), R"({"wait_ms":800})",
                                 shot("booth_idle"), R"({"quit":true})"});
    auto dir = run(script);

    Shot before = loadShot(dir, "admin_meet");
    EXPECT_EQ(before.screen, "admin");
    EXPECT_TRUE(before.says("None chosen"));
    EXPECT_TRUE(before.boxes.contains("Choose exhibitor"));
    EXPECT_TRUE(before.says("Connections per attendee")) << "a Meet station charts its connections";

    // Booth mode without an exhibitor asks for one first.
    Shot picker = loadShot(dir, "picker");
    EXPECT_EQ(picker.screen, "admin");
    EXPECT_TRUE(picker.says("Choose the exhibitor"));
    EXPECT_TRUE(picker.says("Booth mode needs an exhibitor"));
    for (const auto& id : m_demo.exhibitorIds) {
        auto store = core::Store::open(m_dir / "event.db");
        const std::string name = (*store)->exhibitors().byId(id)->name;
        EXPECT_TRUE(picker.boxes.contains(name)) << "no button for " << name;
    }
    EXPECT_TRUE(picker.says("Booth " + exhibitor.booth));

    Shot after = loadShot(dir, "admin_booth");
    EXPECT_EQ(after.screen, "admin");
    EXPECT_TRUE(after.says(exhibitor.name));
    EXPECT_TRUE(after.boxes.contains("Change exhibitor"));
    EXPECT_TRUE(after.says("Leads by rating")) << "a booth charts its leads";
    EXPECT_FALSE(after.says("Connections per attendee"));

    Shot idle = loadShot(dir, "booth_idle");
    EXPECT_EQ(idle.screen, "idle");
    EXPECT_TRUE(idle.says(exhibitor.name)) << "the booth's idle screen does not name its exhibitor";
    EXPECT_TRUE(idle.says("Staff: scan your own badge to sign in"));

    auto store = core::Store::open(m_dir / "event.db");
    core::Station station = (*store)->events().station();
    EXPECT_EQ(station.mode, core::Mode::Booth);
    EXPECT_EQ(station.exhibitorId, exhibitorId);
}

TEST_F(KioskScreens, WrongPinsBackOff) {
    std::vector<std::string> script{R"({"wait_ms":800})"};
    for (int i = 0; i < 5; ++i)
        script.push_back(tap("admin-corner"));
    for (int attempt = 0; attempt < 3; ++attempt)
        script.insert(script.end(), {tap("1"), tap("1"), tap("1"), tap("1"), tap("OK"), R"({"wait_ms":1000})"});
    script.push_back(shot("back_off"));
    // The right PIN during the back-off is not even taken.
    const auto pin = test::pinTaps();
    script.insert(script.end(), pin.begin(), pin.end());
    script.insert(script.end(), {R"({"wait_ms":200})", shot("still_waiting"), R"({"wait_ms":4500})"});
    script.insert(script.end(), pin.begin(), pin.end());
    script.insert(script.end(), {R"({"wait_ms":1500})", shot("admin"), R"({"quit":true})"});
    auto dir = run(script);

    Shot backOff = loadShot(dir, "back_off");
    EXPECT_EQ(backOff.screen, "admin_pin");
    EXPECT_TRUE(backOff.says("Too many wrong PINs — try again in ")) << "no back-off countdown";
    bool counting = false;
    for (const char* seconds : {"in 5 s", "in 4 s", "in 3 s", "in 2 s", "in 1 s"})
        counting = counting || backOff.says(seconds);
    EXPECT_TRUE(counting) << "the countdown does not show the seconds left";

    Shot waiting = loadShot(dir, "still_waiting");
    EXPECT_EQ(waiting.screen, "admin_pin") << "the right PIN was taken during the back-off";

    Shot admin = loadShot(dir, "admin");
    EXPECT_EQ(admin.screen, "admin") << "the right PIN after the back-off did not open the panel";
}

TEST_F(KioskScreens, CameraLostOverlay) {
    auto dir = run({R"({"wait_ms":1500})", shot("no_camera"), R"({"quit":true})"}, "camera:/dev/video-none");
    Shot lost = loadShot(dir, "no_camera");
    EXPECT_EQ(lost.screen, "idle");
    EXPECT_EQ(lost.overlay, "camera_lost");
    EXPECT_TRUE(lost.says("camera") || lost.says("Camera"));
}

TEST(KioskScript, BadScriptIsBadInput) {
    if (!haveXvfb())
        GTEST_SKIP() << "xvfb-run is not installed";
    TempDir dir;
    auto script = dir.write("bad.jsonl", "{\"fly\":true}\n");
    auto result = test::runMeetscan({"--db", (dir / "x.db").string(), "kiosk", "--windowed", "--script", script.string()});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("unknown step"), std::string::npos) << result.err;
}

} // namespace
} // namespace meetscan
