// Screenshot tests of printing in the kiosk: the Summary screen's "Print my summary" with the
// job's status (printed through a private cupsd and read back; failed with no print service),
// and the admin panel's printer page (choice, paper, test page, jobs needing attention).
#include "core/demo/demo_event.hpp"
#include "core/print/printer_choice.hpp"
#include "core/store/store.hpp"
#include "support/cups_server.hpp"
#include "support/kiosk_script.hpp"
#include "support/screen_record.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <stb/stb_image.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <map>

namespace meetscan {
namespace {

using test::runProcess;

using test::scan;
using test::shot;
using test::tap;
using test::wait;

class PrintScreens : public ::testing::Test {
protected:
    void SetUp() override {
        if (!std::filesystem::exists("/usr/bin/xvfb-run"))
            GTEST_SKIP() << "xvfb-run is not installed";
        auto store = core::Store::open(m_dir / "event.db");
        ASSERT_TRUE(store.ok()) << store.error().message;
        core::DemoOptions options;
        options.attendees = 30;
        auto demo = core::createDemoEvent(**store, options);
        ASSERT_TRUE(demo.ok()) << demo.error().message;
        m_demo = std::move(demo).value();
        auto event = (*store)->events().event();
        event.name = "Print Test Con";
        event.settings.summarySeconds = 60; // long enough for a print job to finish on screen
        ASSERT_TRUE((*store)->events().saveEvent(event).ok());
    }

    void station(core::Mode mode, const std::optional<core::PrinterChoice>& choice = std::nullopt) {
        auto store = core::Store::open(m_dir / "event.db");
        ASSERT_TRUE(store.ok());
        auto here = (*store)->events().station();
        here.mode = mode;
        ASSERT_TRUE((*store)->events().saveStation(here).ok());
        if (choice) {
            ASSERT_TRUE(core::savePrinterChoice(**store, *choice).ok());
        }
    }

    std::filesystem::path run(const std::vector<std::string>& script, const std::map<std::string, std::string>& env) {
        std::string text;
        for (const auto& line : script)
            text += line + "\n";
        auto path = m_dir.write("script-" + std::to_string(++m_runs) + ".jsonl", text);
        auto shots = m_dir / ("shots-" + std::to_string(m_runs));
        test::RunOptions options;
        options.env = env;
        auto result = runProcess({"/usr/bin/xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", MEETSCAN_BINARY, "--db",
                                  (m_dir / "event.db").string(), "kiosk", "--windowed", "--mute", "--source",
                                  "synthetic", "--script", path.string(), "--screenshot-dir", shots.string()},
                                 options);
        EXPECT_EQ(result.exitCode, 0) << result.err;
        return shots;
    }

    // Two meetings for badge 1, made in Meet mode, so the summary has people on it.
    void meetings() {
        run({scan(m_demo.badgeTexts[1]), scan(m_demo.badgeTexts[2]), wait(300), scan(m_demo.badgeTexts[1]),
             scan(m_demo.badgeTexts[3]), R"({"quit":true})"},
            {{"CUPS_SERVER", (m_dir / "none.sock").string()}});
    }

    std::string nameOf(std::size_t index) {
        auto store = core::Store::open(m_dir / "event.db");
        return (*store)->attendees().byId(m_demo.attendeeIds[index])->displayName();
    }

    static std::vector<std::string> openAdmin() {
        std::vector<std::string> steps;
        for (int i = 0; i < 5; ++i)
            steps.push_back(tap("admin-corner"));
        for (const auto& key : test::pinTaps())
            steps.push_back(key);
        steps.push_back(wait(1500));
        return steps;
    }

    test::TempDir m_dir;
    core::DemoEvent m_demo;
    int m_runs = 0;
};

TEST_F(PrintScreens, SummaryPrintsThroughCups) {
    std::string whyNot;
    auto cups = test::CupsServer::start(whyNot);
    if (!cups)
        GTEST_SKIP() << whyNot;
    std::string error;
    ASSERT_TRUE(cups->addPdfPrinter("kiosk", error)) << error;
    meetings();
    station(core::Mode::Summary, core::PrinterChoice{"kiosk", core::Paper::A4});
    auto dir = run({scan(m_demo.badgeTexts[1]), shot("summary_print"), tap("Print my summary"), wait(8000),
                    shot("summary_printed"), R"({"quit":true})"},
                   cups->env());

    test::ScreenRecord before = test::loadScreenRecord(dir, "summary_print");
    EXPECT_EQ(before.screen, "summary");
    EXPECT_TRUE(before.boxes.contains("Print my summary"));
    EXPECT_TRUE(before.says(nameOf(2)));
    test::ScreenRecord after = test::loadScreenRecord(dir, "summary_printed");
    EXPECT_EQ(after.screen, "summary");
    EXPECT_TRUE(after.says("Printed — please take it from the printer")) << "job did not finish on screen";

    const auto pdf = cups->waitForPdf("kiosk", 1);
    ASSERT_FALSE(pdf.empty());
    // The packet PDF's text does not survive cups-pdf's PostScript step (see print_cli_test.cpp);
    // the page itself must be a sound A4 page.
    EXPECT_EQ(runProcess({"qpdf", "--check", pdf.string()}).exitCode, 0);
    EXPECT_NE(runProcess({"pdfinfo", pdf.string()}).out.find("595"), std::string::npos);
}

TEST_F(PrintScreens, AFailedPrintIsShownAndKeptAndTheKioskGoesOn) {
    meetings();
    station(core::Mode::Summary);
    std::vector<std::string> script{scan(m_demo.badgeTexts[1]), tap("Print my summary"), wait(2500),
                                    shot("summary_failed"), scan(m_demo.badgeTexts[2]), shot("next_summary")};
    const auto admin = openAdmin();
    script.insert(script.end(), admin.begin(), admin.end());
    script.insert(script.end(), {shot("admin_with_printer"), tap("Printer"), wait(800), shot("printer_failed"),
                                 R"({"quit":true})"});
    auto dir = run(script, {{"CUPS_SERVER", (m_dir / "no-cupsd.sock").string()}});

    test::ScreenRecord failed = test::loadScreenRecord(dir, "summary_failed");
    EXPECT_EQ(failed.screen, "summary");
    EXPECT_TRUE(failed.says("Sorry, printing failed — please ask staff"));
    EXPECT_TRUE(failed.says("cannot reach the print service"));
    // The next attendee's badge still works, with a fresh print button.
    test::ScreenRecord next = test::loadScreenRecord(dir, "next_summary");
    EXPECT_EQ(next.screen, "summary");
    EXPECT_TRUE(next.says(nameOf(1))) << "badge 2 met badge 1";
    EXPECT_FALSE(next.says("Sorry, printing failed"));
    EXPECT_TRUE(next.boxes.contains("Print my summary"));

    test::ScreenRecord adminShot = test::loadScreenRecord(dir, "admin_with_printer");
    EXPECT_EQ(adminShot.screen, "admin");
    EXPECT_TRUE(adminShot.boxes.contains("Printer"));
    EXPECT_TRUE(adminShot.says("print service unreachable"));
    test::ScreenRecord panel = test::loadScreenRecord(dir, "printer_failed");
    EXPECT_TRUE(panel.says("Needs attention"));
    EXPECT_TRUE(panel.says("cannot reach the print service"));
    EXPECT_TRUE(panel.boxes.contains("Retry #1")) << "the failed job is kept for staff";
    EXPECT_TRUE(panel.boxes.contains("Dismiss #1"));
}

TEST_F(PrintScreens, AdminChoosesThePrinterAndPrintsATestPage) {
    std::string whyNot;
    auto cups = test::CupsServer::start(whyNot);
    if (!cups)
        GTEST_SKIP() << whyNot;
    std::string error;
    ASSERT_TRUE(cups->addPdfPrinter("kiosk", error)) << error;
    ASSERT_TRUE(cups->addPdfPrinter("lounge", error)) << error;
    ASSERT_EQ(cups->tool({"lpadmin", "-d", "kiosk"}).exitCode, 0);
    ASSERT_EQ(cups->tool({"cupsdisable", "-r", "Lid open", "kiosk"}).exitCode, 0);
    station(core::Mode::Meet);
    std::vector<std::string> script{wait(800)};
    const auto admin = openAdmin();
    script.insert(script.end(), admin.begin(), admin.end());
    script.insert(script.end(), {tap("Printer"), wait(1500), shot("printer_panel"), tap("lounge"), wait(300),
                                 tap("Receipt 80 mm"), wait(500), tap("Print test page"), wait(8000),
                                 shot("printer_test_page"), tap("Back"), shot("admin_after"), R"({"quit":true})"});
    auto dir = run(script, cups->env());

    test::ScreenRecord panel = test::loadScreenRecord(dir, "printer_panel");
    EXPECT_EQ(panel.screen, "admin");
    for (const char* text : {"Printer", "Print on", "Paper", "Test page", "Needs attention"})
        EXPECT_TRUE(panel.says(text)) << text;
    for (const char* button : {"System default", "kiosk", "lounge", "A4", "Letter", "Receipt 80 mm", "Print test page", "Back"})
        EXPECT_TRUE(panel.boxes.contains(button)) << button;
    EXPECT_TRUE(panel.says("stopped")) << "the stopped default printer says so";

    test::ScreenRecord tested = test::loadScreenRecord(dir, "printer_test_page");
    EXPECT_TRUE(tested.says("printed on lounge")) << "test page did not finish";
    test::ScreenRecord back = test::loadScreenRecord(dir, "admin_after");
    EXPECT_TRUE(back.says("Live counts"));
    EXPECT_TRUE(back.says("lounge · ready"));

    auto store = core::Store::open(m_dir / "event.db");
    const auto choice = core::loadPrinterChoice(**store);
    EXPECT_EQ(choice.printer, "lounge");
    EXPECT_EQ(choice.paper, core::Paper::Receipt80);
    const auto pdf = cups->waitForPdf("lounge", 1);
    ASSERT_FALSE(pdf.empty());
    const auto info = runProcess({"pdfinfo", pdf.string()}).out;
    EXPECT_NE(info.find("Page size:       226"), std::string::npos) << info; // 80 mm
    EXPECT_NE(runProcess({"pdftotext", pdf.string(), "-"}).out.find("MeetScan test page"), std::string::npos);
}

} // namespace
} // namespace meetscan
