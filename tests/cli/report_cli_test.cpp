// `meetscan report`: the event at a glance and a sponsor's page, as PDFs a viewer opens, with
// charts drawn from the counts and nobody's personal data on them.
#include "export_cli_fixture.hpp"

#include "core/domain/scan_record.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace meetscan::test {
namespace {

class ReportCli : public ::testing::Test {
protected:
    void SetUp() override {
        m_ids = buildExportEvent(m_db);
        auto opened = core::Store::open(m_db);
        ASSERT_TRUE(opened.ok());
        auto& store = **opened;
        const std::string office = store.events().station().id;
        store.events().saveStation({"S-LOUNGE", "Lounge 2", core::Mode::Meet, ""});
        store.events().saveStation({"S-ACME", "Acme booth", core::Mode::Booth, "acme"});
        core::Exhibitor quiet;
        quiet.id = "quiet";
        quiet.name = "Quiet Ltd";
        quiet.booth = "C3";
        core::Exhibitor other;
        other.id = "other";
        other.name = "Other GmbH";
        ASSERT_TRUE(store.exhibitors().importAll({quiet, other}).ok());
        // Two days of scans at the lounge and the booth: a busy morning, a quiet afternoon.
        const core::TimeMs day1 = 1795010400000; // 2026-11-18T14:00Z, 15:00 in Berlin
        int n = 0;
        auto scan = [&](const std::string& station, core::TimeMs at, core::Outcome outcome) {
            core::ScanRecord record;
            record.id = core::newUlid(at + n++);
            record.stationId = station;
            record.at = at;
            record.mode = "meet";
            record.rawText = "AN01";
            record.attendeeId = m_ids.ana;
            record.outcome = outcome;
            store.scans().append(record);
        };
        for (int i = 0; i < 40; ++i)
            scan("S-LOUNGE", day1 + i * 60000, core::Outcome::Connected);
        for (int i = 0; i < 12; ++i)
            scan("S-ACME", day1 + 3 * 3600000 + i * 120000, core::Outcome::LeadCaptured);
        for (int i = 0; i < 25; ++i)
            scan("S-LOUNGE", day1 + 20 * 3600000 + i * 30000, core::Outcome::Connected);
        scan("S-ACME", day1 + 21 * 3600000, core::Outcome::NoConsent);
        scan("S-ACME", day1 + 21 * 3600000 + 5000, core::Outcome::NoConsent);
        scan("S-LOUNGE", day1 + 22 * 3600000, core::Outcome::UnknownBadge);
        scan(office, day1 + 23 * 3600000, core::Outcome::BadSignature);
    }
    ProcessResult run(std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", m_db.string(), "report"});
        return runMeetscan(args);
    }
    // The PDF passes qpdf, and its text as pdftotext reads it; its pages are drawn to PNGs
    // beside the test binary for a person to look at.
    std::string readBack(const std::filesystem::path& pdf, const std::string& pictures) {
        const auto check = runProcess({"qpdf", "--check", pdf.string()});
        EXPECT_EQ(check.exitCode, 0) << check.out << check.err;
        const auto text = runProcess({"pdftotext", "-layout", pdf.string(), "-"});
        EXPECT_EQ(text.exitCode, 0) << text.err;
        runProcess({"pdftoppm", "-r", "80", "-png", pdf.string(), pictures});
        return text.out;
    }
    void expectNobodyNamed(const std::string& text) {
        for (const char* personal : {"Ana", "Silva", "Борис", "Иванов", "小明", "Rita", "Refuser", "Erin", "Sam Staff",
                                     "Lone", "@example.org", "AN01", "Wants a demo", "must not appear", "Q1, 2027",
                                     "HYPERLINK"})
            EXPECT_EQ(text.find(personal), std::string::npos) << personal << " is on the report";
    }

    TempDir m_dir;
    std::filesystem::path m_db = m_dir / "event.db";
    ExportPeople m_ids;
};

TEST_F(ReportCli, TheEventAtAGlanceDrawsEveryStationsHoursAndEveryExhibitorsLeads) {
    if (!haveProgram("qpdf") || !haveProgram("pdftotext") || !haveProgram("pdftoppm"))
        GTEST_SKIP() << "needs qpdf and poppler-utils";
    const auto out = m_dir / "report.pdf";
    const auto result = run({"--out", out.string()});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out, "the event's report written to " + out.string() + "\n");
    const auto text = readBack(out, (std::filesystem::current_path() / "report_event").string());
    EXPECT_NE(text.find("Open Source Summit\nThe event at a glance"), std::string::npos) << text;
    EXPECT_NE(text.find("Europe/Berlin"), std::string::npos);
    EXPECT_NE(text.find("Scans per hour, by station"), std::string::npos) << text;
    EXPECT_NE(text.find("Lounge 2 (meet)"), std::string::npos) << text;
    EXPECT_NE(text.find("Acme booth (booth)"), std::string::npos) << text;
    EXPECT_NE(text.find("2026-11-18"), std::string::npos) << "the day under the hour axis";
    EXPECT_NE(text.find("2026-11-19"), std::string::npos) << "the second day";
    EXPECT_NE(text.find("2026-11-18 15:00\u201316:00"), std::string::npos) << "the busiest hour, in Berlin time\n"
                                                                          << text;
    EXPECT_NE(text.find("refused: no consent"), std::string::npos);
    EXPECT_NE(text.find("Acme Corp (B12)"), std::string::npos);
    EXPECT_NE(text.find("Quiet Ltd (C3)"), std::string::npos);
    EXPECT_NE(text.find("Connections per attendee"), std::string::npos);
    expectNobodyNamed(text);
    // The key figures, in their panels' order: 7 attendees (the erased one is not counted, as in
    // `meetscan stats`), 81 scans, 5 connections, 6 leads, 3 stations, 3 exhibitors.
    const std::string figures = text.substr(0, text.find("Scans per hour"));
    EXPECT_TRUE(std::regex_search(figures, std::regex(R"(\b7\s+81\s+5\s+6\s+3\s+3\b)"))) << figures;
    EXPECT_EQ(text.find("carry a time far from the others"), std::string::npos);
    // Running it on a station without --out is bad usage; the file appears whole or not at all.
    EXPECT_EQ(run({}).exitCode, 2);
}

TEST_F(ReportCli, ASponsorsPageCountsLeadsByRatingTagAndOptionAndShowsNoFreeText) {
    if (!haveProgram("qpdf") || !haveProgram("pdftotext") || !haveProgram("pdftoppm"))
        GTEST_SKIP() << "needs qpdf and poppler-utils";
    const auto out = m_dir / "acme.pdf";
    const auto result = run({"--exhibitor", "acme", "--out", out.string()});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out, "the report for Acme Corp written to " + out.string() + "\n");
    const auto text = readBack(out, (std::filesystem::current_path() / "report_exhibitor").string());
    EXPECT_NE(text.find("Acme Corp\nYour leads at Open Source Summit"), std::string::npos) << text;
    EXPECT_NE(text.find("Booth B12"), std::string::npos);
    EXPECT_NE(text.find("1 of 3"), std::string::npos) << "rank among the three booths\n" << text;
    EXPECT_NE(text.find("Leads per hour"), std::string::npos);
    EXPECT_NE(text.find("follow up"), std::string::npos) << "a tag";
    EXPECT_NE(text.find("Budget?"), std::string::npos);
    EXPECT_NE(text.find(">10k"), std::string::npos);
    EXPECT_NE(text.find("Timeline, please"), std::string::npos);
    EXPECT_NE(text.find("in free text, which this page does not show"), std::string::npos) << text;
    expectNobodyNamed(text);

    const auto unknown = run({"--exhibitor", "nobody", "--out", (m_dir / "x.pdf").string()});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_EQ(unknown.err, "meetscan: error: no exhibitor nobody (see `meetscan exhibitors list`)\n");
    EXPECT_FALSE(std::filesystem::exists(m_dir / "x.pdf"));
}

// A kiosk whose clock said 1970, and one years ahead: their scans are counted, not drawn, and
// the axis stays on the event's days.
TEST_F(ReportCli, ScansFromAClockSetWrongDoNotStretchTheAxis) {
    if (!haveProgram("pdftotext"))
        GTEST_SKIP() << "needs poppler-utils";
    {
        auto store = std::move(core::Store::open(m_db)).value();
        for (const core::TimeMs at : {core::TimeMs{86400000}, core::TimeMs{4102444800000}}) { // 1970, 2100
            core::ScanRecord record;
            record.id = core::newUlid(at);
            record.stationId = "S-LOUNGE";
            record.at = at;
            record.mode = "meet";
            record.rawText = "AN01";
            record.outcome = core::Outcome::Connected;
            store->scans().append(record);
        }
    }
    const auto out = m_dir / "clock.pdf";
    ASSERT_EQ(run({"--out", out.string()}).exitCode, 0);
    const auto text = runProcess({"pdftotext", "-layout", out.string(), "-"}).out;
    EXPECT_NE(text.find("2 scans carry a time far from the others"), std::string::npos) << text;
    EXPECT_NE(text.find("Scans per hour, by station"), std::string::npos) << "hours, not years of days";
    EXPECT_NE(text.find("2026-11-18"), std::string::npos);
    EXPECT_EQ(text.find("1970"), std::string::npos);
    EXPECT_EQ(text.find("2100"), std::string::npos);
}

TEST_F(ReportCli, AnEventWithNothingYetSaysSoInsteadOfDrawingEmptyCharts) {
    if (!haveProgram("pdftotext"))
        GTEST_SKIP() << "needs poppler-utils";
    TempDir empty;
    ASSERT_EQ(runMeetscan({"--db", (empty / "e.db").string(), "init", "--event", "Tomorrow"}).exitCode, 0);
    const auto out = empty / "r.pdf";
    ASSERT_EQ(runMeetscan({"--db", (empty / "e.db").string(), "report", "--out", out.string()}).exitCode, 0);
    const auto text = runProcess({"pdftotext", out.string(), "-"}).out;
    EXPECT_NE(text.find("No badge has been scanned yet."), std::string::npos) << text;
    EXPECT_NE(text.find("No exhibitors are imported."), std::string::npos) << text;
}

} // namespace
} // namespace meetscan::test
