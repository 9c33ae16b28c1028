// The 80 mm receipt and the test page, read back with pdftotext / pdfinfo / qpdf; the station's
// printer choice surviving a reopen of its database.
#include "core/print/print_document.hpp"
#include "core/print/printer_choice.hpp"
#include "core/print/receipt_pdf.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace meetscan::core {
namespace {

using test::runProcess;

bool havePoppler() { return runProcess({"sh", "-c", "command -v pdftotext && command -v pdfinfo && command -v qpdf"}).exitCode == 0; }

Packet samplePacket(int people) {
    Packet packet;
    packet.event.name = "Open Source Summit";
    packet.summary.attendee.id = "a1";
    packet.summary.attendee.firstName = "Ana";
    packet.summary.attendee.lastName = "Silva";
    packet.summary.attendee.company = "Acme";
    packet.generatedAt = 1795000000000; // 2026-11-18T11:06:40Z
    packet.zone = *TimeZone::named("Asia/Tokyo");
    const char* names[] = {"Борис Иванов", "王小明", "Ελένη Παππά", "سارة أحمد"};
    for (int i = 0; i < people; ++i) {
        MetPerson person;
        person.id = "p" + std::to_string(i);
        person.name = i < 4 ? names[i] : "Person " + std::to_string(i);
        person.company = "Company " + std::to_string(i);
        // Only the first agreed to share: the summary carries only what consent allows.
        person.email = i == 0 ? "boris@example.org" : "";
        person.meetings = 1;
        person.firstAt = person.lastAt = packet.generatedAt - 60000;
        packet.summary.people.push_back(person);
    }
    packet.summary.booths.push_back({"acme", "Acme Corp", "B12", packet.generatedAt});
    return packet;
}

struct PdfFacts {
    std::string text;
    double width = 0;
    double height = 0;
    int pages = 0;
    bool valid = false;
};

PdfFacts read(const std::string& pdf) {
    test::TempDir dir;
    auto path = dir.write("doc.pdf", pdf);
    PdfFacts facts;
    facts.valid = runProcess({"qpdf", "--check", path.string()}).exitCode == 0;
    facts.text = std::regex_replace(runProcess({"pdftotext", "-enc", "UTF-8", path.string(), "-"}).out,
                                    std::regex("\\s+"), " ");
    const auto info = runProcess({"pdfinfo", path.string()}).out;
    std::smatch match;
    if (std::regex_search(info, match, std::regex("Page size: +([0-9.]+) x ([0-9.]+) pts"))) {
        facts.width = std::stod(match[1]);
        facts.height = std::stod(match[2]);
    }
    if (std::regex_search(info, match, std::regex("Pages: +([0-9]+)")))
        facts.pages = std::stoi(match[1]);
    return facts;
}

TEST(PrintReceipt, OneLongPageEightyMillimetresWideInEveryScript) {
    if (!havePoppler())
        GTEST_SKIP() << "needs pdftotext, pdfinfo and qpdf";
    auto short_ = receiptPdf(samplePacket(2));
    auto long_ = receiptPdf(samplePacket(40));
    ASSERT_TRUE(short_.ok() && long_.ok());
    const auto small = read(short_->pdf);
    const auto big = read(long_->pdf);
    EXPECT_TRUE(small.valid && big.valid);
    EXPECT_EQ(big.pages, 1);
    EXPECT_NEAR(big.width, 226.77, 0.5);
    EXPECT_NEAR(big.height, long_->height, 0.5);
    EXPECT_GT(big.height, small.height + 38 * 30.0) << "the paper grows with the list";
    for (const char* text : {"Open Source Summit", "Ana Silva", "Борис Иванов", "王小明", "Ελένη Παππά", "سارة أحمد",
                             "People you met (40)", "Acme Corp — booth B12", "Person 39"})
        EXPECT_NE(big.text.find(text), std::string::npos) << text << " missing from: " << big.text.substr(0, 400);
    // Times in the event's zone, named once: 11:05 UTC is 20:05 in Tokyo.
    EXPECT_NE(big.text.find("2026-11-18 20:06 (Asia/Tokyo)"), std::string::npos) << big.text.substr(0, 400);
    EXPECT_NE(big.text.find("Met 1 time, first 2026-11-18 20:05"), std::string::npos) << big.text.substr(0, 600);
    EXPECT_EQ(big.text.find("UTC"), std::string::npos);
    // Consent: the one shared e-mail is there, and no other contact detail appears.
    EXPECT_NE(big.text.find("boris@example.org"), std::string::npos);
    EXPECT_EQ(big.text.find("@example.org", big.text.find("boris@example.org") + std::string("boris@example.org").size()), std::string::npos);
}

TEST(PrintReceipt, SummaryDocumentsNameTheirPaper) {
    if (!havePoppler())
        GTEST_SKIP() << "needs pdftotext, pdfinfo and qpdf";
    auto a4 = summaryDocument(samplePacket(3), Paper::A4);
    auto letter = summaryDocument(samplePacket(3), Paper::Letter);
    auto receipt = summaryDocument(samplePacket(3), Paper::Receipt80);
    ASSERT_TRUE(a4.ok() && letter.ok() && receipt.ok());
    EXPECT_EQ(a4->options, (PrintOptions{{"media", "A4"}}));
    EXPECT_EQ(letter->options, (PrintOptions{{"media", "Letter"}}));
    ASSERT_EQ(receipt->options.size(), 1U);
    EXPECT_TRUE(std::regex_match(receipt->options[0].second, std::regex("Custom\\.80x[0-9]+mm")));
    EXPECT_NEAR(read(a4->pdf).width, 595.28, 1.0);
    EXPECT_NEAR(read(letter->pdf).width, 612.0, 1.0);
    EXPECT_NE(read(letter->pdf).text.find("Борис Иванов"), std::string::npos);
    EXPECT_NE(a4->title.find("Ana Silva"), std::string::npos);
}

TEST(PrintReceipt, TestPageOnEveryPaper) {
    if (!havePoppler())
        GTEST_SKIP() << "needs pdftotext, pdfinfo and qpdf";
    for (Paper paper : {Paper::A4, Paper::Letter, Paper::Receipt80}) {
        auto page = testPageDocument({"Lounge 2", "kiosk-printer", 1795000000000, *TimeZone::named("Europe/Berlin")},
                                     paper);
        ASSERT_TRUE(page.ok());
        const auto facts = read(page->pdf);
        EXPECT_TRUE(facts.valid);
        EXPECT_EQ(facts.pages, 1);
        EXPECT_NE(facts.text.find("MeetScan test page"), std::string::npos) << facts.text;
        EXPECT_NE(facts.text.find("Printer: kiosk-printer"), std::string::npos);
        EXPECT_NE(facts.text.find("Station: Lounge 2"), std::string::npos);
        // (the receipt wraps the zone's name after its slash)
        EXPECT_NE(facts.text.find("Printed: 2026-11-18 12:06 (Europe/"), std::string::npos) << facts.text;
        EXPECT_NE(facts.text.find("王小明"), std::string::npos);
    }
}

TEST(PrinterChoice, SurvivesReopeningTheStationDatabase) {
    test::TempDir dir;
    {
        auto store = Store::open(dir / "station.db");
        ASSERT_TRUE(store.ok());
        auto none = loadPrinterChoice(**store);
        EXPECT_TRUE(none.printer.empty());
        EXPECT_FALSE(none.paper);
        EXPECT_EQ(paperFor(none, (*store)->events().event()), Paper::A4);
        ASSERT_TRUE(savePrinterChoice(**store, {"lounge-receipt", Paper::Receipt80}).ok());
    }
    auto store = Store::open(dir / "station.db");
    ASSERT_TRUE(store.ok());
    auto choice = loadPrinterChoice(**store);
    EXPECT_EQ(choice.printer, "lounge-receipt");
    EXPECT_EQ(choice.paper, Paper::Receipt80);
    Event event;
    event.settings.paper = "letter";
    EXPECT_EQ(paperFor({}, event), Paper::Letter);
    EXPECT_EQ(paperFor(choice, event), Paper::Receipt80);
}

} // namespace
} // namespace meetscan::core
