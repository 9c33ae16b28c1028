// The admin panel's Leads page at a Booth station, in the real `meetscan kiosk` under Xvfb: the
// lead list onto a "USB stick" (MEETSCAN_REMOVABLE_ROOT names a folder whose subfolders stand
// for the mounted drives), read back with openpyxl and Python's csv module, and e-mailed to the
// exhibitor's contact addresses through a real SMTP server on loopback (aiosmtpd).
#include "core/demo/demo_event.hpp"
#include "core/store/store.hpp"
#include "support/kiosk_script.hpp"
#include "support/screen_record.hpp"
#include "support/run_process.hpp"
#include "support/smtp_server.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <stb/stb_image.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>

namespace meetscan {
namespace {

using test::shot;
using test::tap;

const std::vector<std::string> kLeadContacts{"sales@booth.example", "lead-desk@booth.example"};

class AdminLeads : public ::testing::Test {
protected:
    void SetUp() override {
        if (!std::filesystem::exists("/usr/bin/xvfb-run"))
            GTEST_SKIP() << "xvfb-run is not installed";
        auto store = core::Store::open(m_dir / "event.db");
        ASSERT_TRUE(store) << store.error().message;
        core::DemoOptions options;
        options.attendees = 40;
        auto demo = core::createDemoEvent(**store, options);
        ASSERT_TRUE(demo) << demo.error().message;
        m_exhibitorId = demo->exhibitorIds.front();
        core::Station station = (*store)->events().station();
        station.mode = core::Mode::Booth;
        station.exhibitorId = m_exhibitorId;
        ASSERT_TRUE((*store)->events().saveStation(station));
        // Leads of visitors who may be scanned by exhibitors, as the booth's scans would leave them.
        for (const auto& id : demo->attendeeIds) {
            auto person = (*store)->attendees().byId(id);
            if (!person || !person->consentExhibitors || !person->exhibitorId.empty() || m_leads == 4)
                continue;
            (void)(*store)->leads().touch(m_exhibitorId, id, "", station.id, core::nowMs());
            ++m_leads;
        }
        ASSERT_EQ(m_leads, 4);
        m_exhibitor = *(*store)->exhibitors().byId(m_exhibitorId);
        std::filesystem::create_directories(m_dir / "drives");
    }

    void giveContacts() {
        auto store = core::Store::open(m_dir / "event.db");
        ASSERT_TRUE(store);
        m_exhibitor.contact.emails = kLeadContacts;
        ASSERT_TRUE((*store)->exhibitors().importAll({m_exhibitor}));
    }

    // The admin panel's Leads page, opened with the corner gesture and the default PIN.
    static std::vector<std::string> openLeadsPage() {
        std::vector<std::string> steps{test::wait(1200)};
        for (int i = 0; i < 5; ++i)
            steps.push_back(tap("admin-corner"));
        for (const auto& key : test::pinTaps())
            steps.push_back(key);
        steps.push_back(test::wait(1500));
        steps.push_back(shot("admin"));
        steps.push_back(tap("Leads"));
        steps.push_back(test::wait(2000));
        return steps;
    }

    std::filesystem::path run(std::vector<std::string> script, std::map<std::string, std::string> env,
                              const std::string& screen = "1920x1080") {
        script.emplace_back(R"({"quit":true})");
        std::string text;
        for (const auto& line : script)
            text += line + "\n";
        auto scriptPath = m_dir.write("script-" + std::to_string(++m_runs) + ".jsonl", text);
        auto shots = m_dir / ("shots-" + std::to_string(m_runs));
        env["MEETSCAN_REMOVABLE_ROOT"] = (m_dir / "drives").string();
        std::vector<std::string> argv{"/usr/bin/xvfb-run", "-a", "-s", "-screen 0 " + screen + "x24", MEETSCAN_BINARY, "--db",
                                      (m_dir / "event.db").string(), "kiosk", "--mute", "--source", "synthetic",
                                      "--script", scriptPath.string(), "--screenshot-dir", shots.string()};
        if (screen == "1920x1080")
            argv.insert(argv.begin() + 8, "--windowed");
        auto result = test::runProcess(argv, {env, "", ""});
        EXPECT_EQ(result.exitCode, 0) << result.err;
        // MEETSCAN_KEEP_SHOTS=DIR keeps the screenshots for a look after the test.
        if (const char* keep = std::getenv("MEETSCAN_KEEP_SHOTS"); keep != nullptr && *keep != '\0') {
            const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
            const auto into = std::filesystem::path(keep) / (std::string(test->name()) + "-" + std::to_string(m_runs));
            std::filesystem::create_directories(into);
            std::filesystem::copy(shots, into, std::filesystem::copy_options::recursive |
                                                   std::filesystem::copy_options::overwrite_existing);
        }
        return shots;
    }

    static std::string python(const std::string& program, const std::filesystem::path& file) {
        auto result = test::runProcess({"/usr/bin/python3", "-c", program, file.string()});
        EXPECT_EQ(result.exitCode, 0) << result.err;
        return result.out;
    }

    test::TempDir m_dir;
    std::string m_exhibitorId;
    core::Exhibitor m_exhibitor;
    int m_leads = 0;
    int m_runs = 0;
};

TEST_F(AdminLeads, ExportsOntoTheUsbStickAndCountsWhatIsNew) {
    // No stick yet, and no e-mail settings.
    auto first = openLeadsPage();
    first.push_back(shot("no_drive"));
    auto none = run(first, {{"MEETSCAN_SMTP_URL", ""}});
    auto admin = test::loadScreenRecord(none, "admin");
    EXPECT_TRUE(admin.boxes.contains("Leads")) << "no Leads button on a booth's admin panel";
    auto noDrive = test::loadScreenRecord(none, "no_drive");
    EXPECT_EQ(noDrive.screen, "admin");
    EXPECT_TRUE(noDrive.says("Leads of " + m_exhibitor.name)) << testing::PrintToString(noDrive.texts);
    EXPECT_TRUE(noDrive.says("Plug in a USB stick"));
    EXPECT_TRUE(noDrive.says("4 leads, none exported yet"));
    EXPECT_FALSE(noDrive.boxes.contains("Export my leads")) << "nothing to export onto, yet the button is live";
    EXPECT_TRUE(noDrive.says("E-mail is not set up on this kiosk"));
    EXPECT_FALSE(noDrive.boxes.contains("E-mail my leads now"));

    // One stick: export onto it.
    const auto stick = m_dir / "drives" / "LEADS";
    std::filesystem::create_directories(stick);
    auto script = openLeadsPage();
    script.insert(script.end(), {shot("drive"), tap("Export my leads"), test::wait(3000), shot("exported")});
    auto dir = run(script, {{"MEETSCAN_SMTP_URL", ""}});
    auto drive = test::loadScreenRecord(dir, "drive");
    EXPECT_TRUE(drive.says("Onto LEADS")) << testing::PrintToString(drive.texts);
    EXPECT_TRUE(drive.boxes.contains("Export my leads"));
    auto exported = test::loadScreenRecord(dir, "exported");
    EXPECT_TRUE(exported.says("4 leads written to LEADS")) << testing::PrintToString(exported.texts);
    EXPECT_TRUE(exported.says("0 new since the last export")) << testing::PrintToString(exported.texts);

    std::filesystem::path xlsx;
    std::filesystem::path csv;
    for (const auto& entry : std::filesystem::directory_iterator(stick)) {
        const auto name = entry.path().filename().string();
        EXPECT_EQ(name.rfind(m_exhibitorId + "-leads-", 0), 0U) << name;
        if (entry.path().extension() == ".xlsx")
            xlsx = entry.path();
        else if (entry.path().extension() == ".csv")
            csv = entry.path();
        else
            ADD_FAILURE() << "unexpected file on the stick: " << name;
    }
    ASSERT_FALSE(xlsx.empty()) << "no XLSX on the stick";
    ASSERT_FALSE(csv.empty()) << "no CSV on the stick";
    EXPECT_EQ(xlsx.stem(), csv.stem());
    EXPECT_EQ(python("import sys, openpyxl\nprint(openpyxl.load_workbook(sys.argv[1]).active.max_row - 1)", xlsx), "4\n");
    EXPECT_EQ(python("import csv, sys\n"
                     "rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline=''), strict=True))\n"
                     "print(len(rows) - 1)",
                     csv),
              "4\n");

    // Two sticks on a 1280x800 screen: staff choose one.
    std::filesystem::create_directories(m_dir / "drives" / "BACKUP");
    auto two = openLeadsPage();
    two.insert(two.end(), {shot("two_drives"), tap("BACKUP"), test::wait(300), shot("two_drives_chosen")});
    auto small = run(two, {{"MEETSCAN_SMTP_URL", ""}}, "1280x800");
    auto choose = test::loadScreenRecord(small, "two_drives");
    EXPECT_EQ(choose.width, 1280);
    EXPECT_TRUE(choose.says("Which stick?"));
    EXPECT_TRUE(choose.boxes.contains("LEADS"));
    EXPECT_TRUE(choose.boxes.contains("BACKUP"));
    EXPECT_FALSE(choose.boxes.contains("Export my leads")) << "no stick chosen yet";
    EXPECT_TRUE(choose.says("0 new since the last export"));
    auto chosen = test::loadScreenRecord(small, "two_drives_chosen");
    EXPECT_TRUE(chosen.boxes.contains("Export my leads"));
    for (const auto& [label, box] : chosen.boxes) { // the page's own buttons, inside the screen
        EXPECT_LE(box[2], 1280.0F) << label;
        EXPECT_LE(box[3], 800.0F) << label;
    }
}

TEST_F(AdminLeads, EmailsTheLeadsToTheExhibitorsContacts) {
    giveContacts();
    test::SmtpTestServer server(m_dir / "smtp");
    auto script = openLeadsPage();
    script.insert(script.end(), {shot("mail_ready"), tap("E-mail my leads now"), test::wait(5000), shot("mailed")});
    auto dir = run(script, {{"MEETSCAN_SMTP_URL", server.url()}, {"MEETSCAN_SMTP_FROM", "events@example.org"}});

    auto ready = test::loadScreenRecord(dir, "mail_ready");
    EXPECT_TRUE(ready.says("To sales@booth.example, lead-desk@booth.example")) << testing::PrintToString(ready.texts);
    EXPECT_TRUE(ready.says("4 leads, none e-mailed yet"));
    EXPECT_TRUE(ready.boxes.contains("E-mail my leads now"));
    auto mailed = test::loadScreenRecord(dir, "mailed");
    EXPECT_TRUE(mailed.says("Sent to sales@booth.example")) << testing::PrintToString(mailed.texts);
    EXPECT_TRUE(mailed.says("0 new since the last e-mail")) << testing::PrintToString(mailed.texts);

    ASSERT_EQ(server.messages().size(), 1U);
    auto envelope = server.messages().front();
    envelope.replace_extension(".json");
    std::ifstream in(envelope);
    const auto received = nlohmann::json::parse(in);
    std::set<std::string> to;
    for (const auto& address : received["rcpt_tos"])
        to.insert(address.get<std::string>());
    EXPECT_EQ(to, std::set<std::string>(kLeadContacts.begin(), kLeadContacts.end()));
}

TEST_F(AdminLeads, NoContactAddressSaysSo) {
    {
        auto store = core::Store::open(m_dir / "event.db");
        ASSERT_TRUE(store);
        m_exhibitor.contact.emails.clear();
        ASSERT_TRUE((*store)->exhibitors().importAll({m_exhibitor}));
    }
    auto script = openLeadsPage();
    script.push_back(shot("no_contact"));
    auto dir = run(script, {{"MEETSCAN_SMTP_URL", "smtp://127.0.0.1:1"}, {"MEETSCAN_SMTP_FROM", "events@example.org"}});
    auto shotNoContact = test::loadScreenRecord(dir, "no_contact");
    EXPECT_TRUE(shotNoContact.says("No contact address for " + m_exhibitor.name))
        << testing::PrintToString(shotNoContact.texts);
    EXPECT_FALSE(shotNoContact.boxes.contains("E-mail my leads now"));
}

} // namespace
} // namespace meetscan
