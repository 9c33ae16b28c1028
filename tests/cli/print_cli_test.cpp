// `meetscan print`: summaries sent to a real, private cupsd (tests/support/cups_server.hpp) with
// a cups-pdf queue, the printed PDF read back with pdftotext, pdfinfo and qpdf; and every way
// printing fails: a stopped printer, a held job, a removed printer, no print service at all.
#include "cli/export_cli_fixture.hpp"
#include "core/print/printer_choice.hpp"
#include "support/cups_server.hpp"
#include "support/json_lines.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <algorithm>
#include <gtest/gtest.h>
#include <regex>

namespace meetscan {
namespace {

using test::CupsServer;
using test::ProcessResult;
using test::runMeetscan;
using test::runProcess;

std::string folded(std::string text) {
    return std::regex_replace(text, std::regex("\\s+"), " ");
}

// "print: job kiosk-3 sent" -> 3
int jobIdIn(const std::string& err, const std::string& printer) {
    std::smatch match;
    if (std::regex_search(err, match, std::regex("job " + printer + "-([0-9]+) sent")))
        return std::stoi(match[1]);
    return 0;
}

class PrintCli : public ::testing::Test {
protected:
    void SetUp() override {
        m_db = m_dir / "event.db";
        m_people = test::buildExportEvent(m_db);
    }

    // Starts cupsd with one cups-pdf queue "kiosk", or skips the test.
    bool startCups() {
        if (!test::haveProgram("pdftotext") || !test::haveProgram("qpdf") || !test::haveProgram("pdfinfo")) {
            m_whyNot = "needs pdftotext, pdfinfo and qpdf (poppler-utils, qpdf)";
            return false;
        }
        m_cups = CupsServer::start(m_whyNot);
        if (!m_cups)
            return false;
        std::string error;
        if (!m_cups->addPdfPrinter("kiosk", error)) {
            m_whyNot = error;
            m_cups.reset();
            return false;
        }
        return true;
    }

    ProcessResult print(std::vector<std::string> args) {
        std::vector<std::string> all{"--db", m_db.string(), "print"};
        all.insert(all.end(), args.begin(), args.end());
        test::RunOptions options;
        if (m_cups)
            options.env = m_cups->env();
        else
            options.env = {{"CUPS_SERVER", (m_dir / "no-cupsd.sock").string()}};
        return runMeetscan(all, options);
    }

    std::string pdfText(const std::filesystem::path& pdf) {
        return runProcess({"pdftotext", "-enc", "UTF-8", pdf.string(), "-"}).out;
    }

    test::TempDir m_dir;
    std::filesystem::path m_db;
    test::ExportPeople m_people;
    std::unique_ptr<CupsServer> m_cups;
    std::string m_whyNot;
};

struct PaperCase {
    const char* paper;
    double width, height; // points
};

class PrintSummaryOnPaper : public PrintCli, public ::testing::WithParamInterface<PaperCase> {};

// The whole way a kiosk's summary goes: CUPS's pdftopdf wraps the page in a form, pdftocairo
// makes PostScript of it, cups-pdf's ghostscript makes a PDF again. The printed page must keep
// its text (names in three scripts, read back by pdftotext) and its vCard codes.
TEST_P(PrintSummaryOnPaper, KeepsTheNamesInEveryScriptAndTheCodes) {
    if (!startCups())
        GTEST_SKIP() << m_whyNot;
    if (!test::haveProgram("pdftoppm"))
        GTEST_SKIP() << "needs pdftoppm (poppler-utils)";
    const std::string paper = GetParam().paper;
    auto result = print({"summary", "AN01", "--printer", "kiosk", "--paper", paper});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("printed the summary of Ana Silva (" + paper + ") on kiosk"), std::string::npos)
        << result.out;
    EXPECT_NE(result.err.find("print: job kiosk-1 sent"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("done: printed on kiosk"), std::string::npos) << result.err;
    const int job = jobIdIn(result.err, "kiosk");
    ASSERT_GT(job, 0) << result.err;
    const auto pdf = m_cups->waitForPdf("kiosk", job);
    ASSERT_FALSE(pdf.empty()) << "cups-pdf wrote nothing for job " << job;
    const auto check = runProcess({"qpdf", "--check", pdf.string()});
    EXPECT_EQ(check.exitCode, 0) << check.out << check.err;

    const auto text = folded(pdfText(pdf));
    for (const char* expected :
         {"Open Source Summit", "Follow-up for Ana Silva", "People you met (3)", "Борис Иванов", "Бета", "王",
          "小明", "华为", "BO02@example.org", "Acme Corp"})
        EXPECT_NE(text.find(expected), std::string::npos) << expected << " not in the printed page:\n"
                                                          << text;
    EXPECT_EQ(text.find("Erin"), std::string::npos) << "an erased person was printed";

    const auto info = runProcess({"pdfinfo", pdf.string()}).out;
    std::smatch size;
    ASSERT_TRUE(std::regex_search(info, size, std::regex("Page size: +([0-9.]+) x ([0-9.]+) pts"))) << info;
    EXPECT_NEAR(std::stod(size[1]), GetParam().width, 1.0) << info;
    EXPECT_NEAR(std::stod(size[2]), GetParam().height, 1.0) << info;

    // Every person met has their vCard code on the page, readable from a 300 dpi rendering.
    const auto pages = m_dir / "printed-pages";
    std::filesystem::create_directories(pages);
    ASSERT_EQ(runProcess({"pdftoppm", "-r", "300", "-gray", "-png", pdf.string(), (pages / "page").string()})
                  .exitCode,
              0);
    auto decoded = runMeetscan({"decode", "--json", pages.string()});
    ASSERT_EQ(decoded.exitCode, 0) << decoded.err;
    std::vector<std::string> cards;
    for (const auto& line : test::jsonLines(decoded.out)) {
        if (line.value("ok", false))
            cards.push_back(line["text"].get<std::string>());
        if (line.contains("others"))
            for (const auto& other : line["others"])
                cards.push_back(other["text"].get<std::string>());
    }
    EXPECT_EQ(cards.size(), 3U) << decoded.out;
    const auto boris = std::count_if(cards.begin(), cards.end(), [](const std::string& card) {
        return card.find("BEGIN:VCARD") != std::string::npos && card.find("Иванов") != std::string::npos;
    });
    EXPECT_EQ(boris, 1) << decoded.out;
}

INSTANTIATE_TEST_SUITE_P(Papers, PrintSummaryOnPaper,
                         ::testing::Values(PaperCase{"a4", 595.28, 841.89},
                                           PaperCase{"letter", 612.0, 792.0}),
                         [](const auto& testInfo) { return std::string(testInfo.param.paper); });

TEST_F(PrintCli, PrintsAReceiptEightyMillimetresWide) {
    if (!startCups())
        GTEST_SKIP() << m_whyNot;
    auto result = print({"summary", m_people.boris, "--printer", "kiosk", "--paper", "receipt80"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto pdf = m_cups->waitForPdf("kiosk", jobIdIn(result.err, "kiosk"));
    ASSERT_FALSE(pdf.empty());
    EXPECT_EQ(runProcess({"qpdf", "--check", pdf.string()}).exitCode, 0);
    const auto text = folded(pdfText(pdf));
    EXPECT_NE(text.find("Борис Иванов"), std::string::npos) << text;
    EXPECT_NE(text.find("Ana Silva"), std::string::npos) << text;
    EXPECT_NE(text.find("王"), std::string::npos) << text;
    const auto info = runProcess({"pdfinfo", pdf.string()}).out;
    std::smatch size;
    ASSERT_TRUE(std::regex_search(info, size, std::regex("Page size: +([0-9.]+) x ([0-9.]+) pts"))) << info;
    EXPECT_NEAR(std::stod(size[1]), 226.77, 1.5) << info; // 80 mm
    EXPECT_GT(std::stod(size[2]), 226.77) << "a receipt is longer than it is wide: " << info;
    EXPECT_LT(std::stod(size[2]), 2000.0) << info;
}

TEST_F(PrintCli, UsesTheStationsPrinterThenTheCupsDefault) {
    if (!startCups())
        GTEST_SKIP() << m_whyNot;
    // No --printer, no choice, no default: a clear error, exit 1.
    auto none = print({"summary", "AN01"});
    EXPECT_EQ(none.exitCode, 1) << none.err;
    EXPECT_NE(none.err.find("meetscan: error: no printer"), std::string::npos) << none.err;

    ASSERT_EQ(m_cups->tool({"lpadmin", "-d", "kiosk"}).exitCode, 0);
    auto byDefault = print({"summary", "AN01"});
    EXPECT_EQ(byDefault.exitCode, 0) << byDefault.err;
    EXPECT_NE(byDefault.out.find("on kiosk"), std::string::npos);

    std::string error;
    ASSERT_TRUE(m_cups->addPdfPrinter("lounge", error)) << error;
    {
        auto store = core::Store::open(m_db);
        ASSERT_TRUE(store.ok());
        ASSERT_TRUE(core::savePrinterChoice(**store, {"lounge", core::Paper::Receipt80}).ok());
    }
    auto byChoice = print({"summary", "AN01"});
    ASSERT_EQ(byChoice.exitCode, 0) << byChoice.err;
    EXPECT_NE(byChoice.out.find("(receipt80) on lounge"), std::string::npos) << byChoice.out;
    EXPECT_FALSE(m_cups->waitForPdf("lounge", jobIdIn(byChoice.err, "lounge")).empty());
}

TEST_F(PrintCli, AStoppedPrinterIsReportedAndTheJobKept) {
    if (!startCups())
        GTEST_SKIP() << m_whyNot;
    ASSERT_EQ(m_cups->tool({"cupsdisable", "-r", "Paper jam at the lounge", "kiosk"}).exitCode, 0);
    auto result = print({"summary", "AN01", "--printer", "kiosk"});
    EXPECT_EQ(result.exitCode, 1) << result.err;
    EXPECT_NE(result.err.find("meetscan: error: job kiosk-"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("printer stopped"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("Paper jam at the lounge"), std::string::npos) << result.err;
    // Still queued: enabling the printer prints it.
    const int job = jobIdIn(result.err, "kiosk");
    EXPECT_NE(m_cups->tool({"lpstat", "-o", "kiosk"}).out.find("kiosk-" + std::to_string(job)),
              std::string::npos);
    ASSERT_EQ(m_cups->tool({"cupsenable", "kiosk"}).exitCode, 0);
    EXPECT_FALSE(m_cups->waitForPdf("kiosk", job).empty());
}

TEST_F(PrintCli, AHeldJobIsReported) {
    if (!startCups())
        GTEST_SKIP() << m_whyNot;
    ASSERT_EQ(m_cups->tool({"lpadmin", "-p", "kiosk", "-o", "job-hold-until-default=indefinite"}).exitCode,
              0);
    auto result = print({"summary", "AN01", "--printer", "kiosk"});
    EXPECT_EQ(result.exitCode, 1) << result.err;
    EXPECT_NE(result.err.find(": held"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("-H resume"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("meetscan: error:"), std::string::npos) << result.err;
}

TEST_F(PrintCli, ARemovedPrinterIsAClearError) {
    if (!startCups())
        GTEST_SKIP() << m_whyNot;
    ASSERT_EQ(m_cups->tool({"lpadmin", "-x", "kiosk"}).exitCode, 0);
    auto result = print({"summary", "AN01", "--printer", "kiosk"});
    EXPECT_EQ(result.exitCode, 1) << result.err;
    EXPECT_NE(result.err.find("meetscan: error: printer \"kiosk\" does not exist"), std::string::npos)
        << result.err;
}

TEST_F(PrintCli, NoPrintServiceIsAClearError) {
    auto result = print({"summary", "AN01", "--printer", "kiosk"});
    EXPECT_EQ(result.exitCode, 1) << result.err;
    EXPECT_NE(result.err.find("meetscan: error: cannot reach the print service at"), std::string::npos)
        << result.err;
    auto list = print({"printers"});
    EXPECT_EQ(list.exitCode, 1) << list.err;
    EXPECT_NE(list.err.find("cannot reach the print service"), std::string::npos) << list.err;
}

TEST_F(PrintCli, BadInputExitsTwoBeforeAnyPrinting) {
    auto unknown = print({"summary", "NOBODY", "--printer", "kiosk"});
    EXPECT_EQ(unknown.exitCode, 2) << unknown.err;
    EXPECT_NE(unknown.err.find("meetscan: error: no attendee 'NOBODY'"), std::string::npos) << unknown.err;
    auto paper = print({"summary", "AN01", "--paper", "a3"});
    EXPECT_EQ(paper.exitCode, 2) << paper.err;
    EXPECT_NE(paper.err.find("--paper: 'a3' is not a4, letter or receipt80"), std::string::npos) << paper.err;
}

TEST_F(PrintCli, ListsPrintersWithTheirState) {
    if (!startCups())
        GTEST_SKIP() << m_whyNot;
    ASSERT_EQ(m_cups->tool({"lpadmin", "-d", "kiosk"}).exitCode, 0);
    auto ready = print({"printers", "--json"});
    ASSERT_EQ(ready.exitCode, 0) << ready.err;
    auto lines = test::jsonLines(ready.out);
    ASSERT_EQ(lines.size(), 1U) << ready.out;
    EXPECT_EQ(lines[0]["name"], "kiosk");
    EXPECT_EQ(lines[0]["default"], true);
    EXPECT_EQ(lines[0]["state"], "ready");
    ASSERT_EQ(m_cups->tool({"cupsdisable", "kiosk"}).exitCode, 0);
    auto stopped = print({"printers"});
    EXPECT_NE(stopped.out.find("kiosk (default)  stopped"), std::string::npos) << stopped.out;
}

} // namespace
} // namespace meetscan
