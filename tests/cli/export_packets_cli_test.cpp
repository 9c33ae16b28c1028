// `meetscan export packets`: every file read back by a real client (vobject, qpdf, pdftotext,
// Python's strict csv and zipfile), consent and erasure applied, and Ctrl-C mid-export.
#include "cli/export_cli_fixture.hpp"

#include <cctype>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace meetscan::test {
namespace {

constexpr const char* kStrictCsv = R"(
import csv, json, sys
raw = open(sys.argv[1], 'rb').read()
assert raw.startswith(b'\xef\xbb\xbf') and raw.endswith(b'\r\n')
print(json.dumps(list(csv.reader(raw[3:].decode('utf-8').splitlines(keepends=True), strict=True))))
)";

constexpr const char* kReadVcf = R"(
import json, sys, vobject
raw = open(sys.argv[1], 'rb').read()
for line in raw.split(b'\r\n'):
    assert len(line) <= 75, line
    line.decode('utf-8')  # folding never splits a character
cards = []
for card in vobject.readComponents(raw.decode('utf-8'), validate=True):
    assert card.version.value == '4.0'
    cards.append({'fn': card.fn.value,
                  'email': card.email.value if hasattr(card, 'email') else None,
                  'tel': card.tel.value if hasattr(card, 'tel') else None,
                  'org': card.org.value if hasattr(card, 'org') else None})
print(json.dumps(cards))
)";

// pdftotext's text with every run of whitespace (a wrapped line) as one space.
std::string foldWhitespace(const std::string& text) {
    std::string out;
    for (const char c : text) {
        const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
        if (!space)
            out += c;
        else if (!out.empty() && out.back() != ' ')
            out += ' ';
    }
    return out;
}

class ExportPacketsCli : public ::testing::Test {
protected:
    void SetUp() override { m_ids = buildExportEvent(m_db); }
    ProcessResult run(std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", m_db.string(), "export", "packets"});
        return runMeetscan(args);
    }
    nlohmann::json strictCsv(const std::filesystem::path& file) {
        auto python = runPython(kStrictCsv, {file.string()});
        EXPECT_EQ(python.exitCode, 0) << python.err;
        return python.exitCode == 0 ? nlohmann::json::parse(python.out) : nlohmann::json::array();
    }
    // index.csv rows as Attendee ID -> row.
    std::map<std::string, nlohmann::json> index(const std::filesystem::path& dir) {
        std::map<std::string, nlohmann::json> rows;
        auto csv = strictCsv(dir / "index.csv");
        for (std::size_t i = 1; i < csv.size(); ++i)
            rows[csv[i][0].get<std::string>()] = csv[i];
        return rows;
    }
    static std::string pdfText(const std::filesystem::path& pdf) {
        auto check = runProcess({"qpdf", "--check", pdf.string()});
        EXPECT_EQ(check.exitCode, 0) << pdf << check.out << check.err;
        return runProcess({"pdftotext", "-enc", "UTF-8", pdf.string(), "-"}).out;
    }
    static bool haveClients() {
        return haveProgram("qpdf") && haveProgram("pdftotext") && haveProgram("pdfinfo") &&
               havePythonModule("vobject");
    }

    TempDir m_dir;
    std::filesystem::path m_db = m_dir / "event.db";
    std::filesystem::path m_out = m_dir / "packets";
    ExportPeople m_ids;
};

TEST_F(ExportPacketsCli, FolderPerAttendeeReadBackByRealClients) {
    if (!haveClients())
        GTEST_SKIP() << "needs qpdf, pdftotext, pdfinfo and python3-vobject";
    auto result = run({"--out", m_out.string()});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.err.find("every attendee with at least one connection or booth visit"),
              std::string::npos);
    EXPECT_NE(result.err.find("(100%)"), std::string::npos) << result.err;

    auto rows = index(m_out);
    // The last progress line and the summary count the same things.
    const auto examined = result.out.substr(0, result.out.find(','));
    ASSERT_EQ(examined.rfind("attendees examined: ", 0), 0U) << result.out;
    const std::string total = examined.substr(std::string("attendees examined: ").size());
    EXPECT_NE(result.err.find("attendees examined: " + total + "/" + total + " (100%), packets written: " +
                              std::to_string(rows.size()) + "\n"),
              std::string::npos)
        << result.err;
    EXPECT_NE(result.out.find(", packets written: " + std::to_string(rows.size()) + " to "), std::string::npos)
        << result.out;
    // Met someone or visited a booth: ana, boris, wang, evil, and the refuser (a lead, a visit).
    // Not the loner or the staff member (nothing to send), never the erased person.
    EXPECT_EQ(rows.size(), 5U);
    for (const auto& id : {m_ids.ana, m_ids.boris, m_ids.wang, m_ids.evil, m_ids.refuser})
        EXPECT_EQ(rows.count(id), 1U) << id;
    const auto& anaRow = rows[m_ids.ana];
    EXPECT_EQ(anaRow[3], "Ana Silva");
    EXPECT_EQ(anaRow[4], "AN01@example.org");
    EXPECT_EQ(anaRow[5], "ana-silva_" + m_ids.ana);
    EXPECT_EQ(anaRow[6], "3"); // boris, wang, evil; the erased person is left out
    EXPECT_EQ(anaRow[7], "1");
    EXPECT_EQ(rows[m_ids.boris][5], "boris-ivanov_" + m_ids.boris); // Борис Иванов, spelt in Latin letters
    EXPECT_EQ(rows[m_ids.wang][5], "wang-xiao-ming_" + m_ids.wang);    // 王小明, in pinyin

    for (const auto& [id, row] : rows) {
        const auto folder = m_out / row[5].get<std::string>();
        for (const char* file : {"summary.pdf", "contacts.vcf", "connections.csv", "packet.json"})
            EXPECT_TRUE(std::filesystem::exists(folder / file)) << folder / file;
        const auto text = pdfText(folder / "summary.pdf");
        EXPECT_EQ(text.find("Erin"), std::string::npos);
        auto cards = runPython(kReadVcf, {(folder / "contacts.vcf").string()});
        EXPECT_EQ(cards.exitCode, 0) << id << cards.err;
    }

    const auto ana = m_out / anaRow[5].get<std::string>();
    const auto text = pdfText(ana / "summary.pdf");
    for (const char* expected : {"Open Source Summit", "Ana Silva", "Борис Иванов", "王小明", "Бета",
                                 "Acme Corp", "BO02@example.org"})
        EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
    EXPECT_NE(runProcess({"pdfinfo", (ana / "summary.pdf").string()}).out.find("(A4)"), std::string::npos);

    auto cards = runPython(kReadVcf, {(ana / "contacts.vcf").string()});
    ASSERT_EQ(cards.exitCode, 0) << cards.err;
    const auto vcards = nlohmann::json::parse(cards.out);
    ASSERT_EQ(vcards.size(), 3U);
    EXPECT_EQ(vcards[0]["fn"], "Борис Иванов");
    EXPECT_EQ(vcards[0]["email"], "BO02@example.org");
    EXPECT_EQ(vcards[1]["fn"], "王小明");
    EXPECT_EQ(vcards[2]["fn"], "=HYPERLINK(\"http://x\") -2");

    const auto boris = m_out / rows[m_ids.boris][5].get<std::string>();
    cards = runPython(kReadVcf, {(boris / "contacts.vcf").string()});
    ASSERT_EQ(cards.exitCode, 0) << cards.err;
    EXPECT_EQ(nlohmann::json::parse(cards.out)[0]["org"], nlohmann::json::array({"Acme, \"Quoted\" Ltd"}));

    const auto json = nlohmann::json::parse(readFile(ana / "packet.json"));
    EXPECT_EQ(json["schema_version"], 1);
    EXPECT_EQ(json["event"]["name"], "Open Source Summit");
    EXPECT_EQ(json["attendee"]["id"], m_ids.ana);
    ASSERT_EQ(json["connections"].size(), 3U);
    EXPECT_EQ(json["connections"][0]["name"], "Борис Иванов");
    EXPECT_EQ(json["connections"][0]["first_met_at"], "2026-11-18T11:06:40.000Z"); // machines read UTC
    EXPECT_EQ(json["connections"][0]["first_met_local"], "2026-11-18T12:06:40+01:00");
    EXPECT_EQ(json["time_zone"], "Europe/Berlin");
    EXPECT_EQ(json["booths"][0]["name"], "Acme Corp");

    const auto connections = strictCsv(ana / "connections.csv");
    ASSERT_EQ(connections.size(), 4U);
    EXPECT_EQ(connections[0][0], "Name");
    EXPECT_EQ(connections[1][5], "2026-11-18 12:06 +01:00"); // first met, in the event's zone
    EXPECT_EQ(connections[1][4], "+1 555 0102");             // a phone number, as it is
    EXPECT_EQ(connections[3][0], "'=HYPERLINK(\"http://x\") -2"); // neutralised in CSV, not in vCard
}

TEST_F(ExportPacketsCli, ZipPerAttendeeAndLetterPaperAndLongLists) {
    if (!haveClients())
        GTEST_SKIP() << "needs qpdf, pdftotext, pdfinfo and python3-vobject";
    {
        auto store = core::Store::open(m_db);
        ASSERT_TRUE(store.ok());
        auto event = (*store)->events().event();
        event.settings.paper = "letter";
        ASSERT_TRUE((*store)->events().saveEvent(event).ok());
        std::vector<core::Attendee> crowd;
        for (int i = 10; i < 50; ++i)
            crowd.push_back(person("CR" + std::to_string(i), "Crowd", "Member " + std::to_string(i), "Many"));
        ASSERT_TRUE((*store)->attendees().importAll(crowd).ok());
        const auto station = (*store)->events().station().id;
        for (const auto& other : crowd)
            (*store)->meetings().add(
                {core::newUlid(), station, core::nowMs(), m_ids.loner, other.id, "", ""});
    }
    auto result = run({"--out", m_out.string(), "--zip", "--attendee", m_ids.loner, "--attendee", "BO02"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    auto rows = index(m_out);
    ASSERT_EQ(rows.size(), 2U);
    const auto zip = m_out / rows[m_ids.loner][5].get<std::string>();
    EXPECT_EQ(zip.extension(), ".zip");
    EXPECT_EQ(rows[m_ids.loner][6], "40");
    EXPECT_FALSE(std::filesystem::exists(m_out / zip.stem()));
    const auto unzip =
        runPython("import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; "
                  "z.extractall(sys.argv[2]); print(sorted(z.namelist()))",
                  {zip.string(), (m_dir / "unzipped").string()});
    ASSERT_EQ(unzip.exitCode, 0) << unzip.err;
    const auto folder = m_dir / "unzipped" / zip.stem();
    for (const char* file : {"summary.pdf", "contacts.vcf", "connections.csv", "packet.json"})
        EXPECT_TRUE(std::filesystem::exists(folder / file)) << file;
    const auto info = runProcess({"pdfinfo", (folder / "summary.pdf").string()}).out;
    EXPECT_NE(info.find("(letter)"), std::string::npos) << info;
    const auto pages = info.find("Pages:");
    ASSERT_NE(pages, std::string::npos);
    EXPECT_GE(std::stoi(info.substr(pages + 6)), 3) << info; // 40 people with a QR each flow onto more pages
    const auto text = pdfText(folder / "summary.pdf");
    EXPECT_NE(text.find("Crowd Member 49"), std::string::npos);
    EXPECT_EQ(strictCsv(folder / "connections.csv").size(), 41U);
}

TEST_F(ExportPacketsCli, EveryMeetingAndVisitSaysAtWhichStation) {
    if (!haveClients())
        GTEST_SKIP() << "needs qpdf, pdftotext, pdfinfo and python3-vobject";
    const core::TimeMs t1 = 1795003600000; // 2026-11-18T12:06:40Z, an hour after the fixture's meetings
    {
        auto store = core::Store::open(m_db);
        ASSERT_TRUE(store.ok());
        auto& events = (*store)->events();
        auto lounge = events.station();
        lounge.name = "Lounge kiosk";
        ASSERT_TRUE(events.saveStation(lounge).ok());
        const core::Station hall{core::newUlid(), "Hall B — 展台", core::Mode::Meet, ""};
        ASSERT_TRUE(events.saveStation(hall).ok());
        const core::Station booth{core::newUlid(), "Acme booth kiosk", core::Mode::Booth, "acme"};
        ASSERT_TRUE(events.saveStation(booth).ok());
        ASSERT_EQ(events.station().id, lounge.id); // saving other stations does not change which one this is
        // Ana meets Boris again in Hall B; Wang again at a station merged in without its row.
        (*store)->meetings().add({core::newUlid(t1), hall.id, t1, m_ids.ana, m_ids.boris, "", ""});
        (*store)->meetings().add(
            {core::newUlid(t1), "01JSTATIONNOTKNOWNHERE00", t1 + 1000, m_ids.wang, m_ids.ana, "", ""});
        // The loner visits Acme at its booth kiosk.
        (void)(*store)->leads().touch("acme", m_ids.loner, m_ids.staff, booth.id, t1 + 2000);
    }
    auto result = run({"--out", m_out.string(), "--attendee", m_ids.ana, "--attendee", m_ids.loner});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    auto rows = index(m_out);
    const auto ana = m_out / rows[m_ids.ana][5].get<std::string>();
    const auto loner = m_out / rows[m_ids.loner][5].get<std::string>();

    const auto json = nlohmann::json::parse(readFile(ana / "packet.json"));
    ASSERT_EQ(json["connections"].size(), 3U);
    const auto& boris = json["connections"][0];
    EXPECT_EQ(boris["name"], "Борис Иванов");
    EXPECT_EQ(boris["first_met_station"], "Lounge kiosk");
    EXPECT_EQ(boris["last_met_station"], "Hall B — 展台");
    EXPECT_EQ(boris["last_met_at"], "2026-11-18T12:06:40.000Z");
    EXPECT_EQ(boris["meetings"], 2);
    const auto& wang = json["connections"][1];
    EXPECT_EQ(wang["first_met_station"], "Lounge kiosk");
    EXPECT_EQ(wang["last_met_station"], "01JSTATIONNOTKNOWNHERE00"); // no row for it: its id
    EXPECT_EQ(wang["last_met_station_id"], "01JSTATIONNOTKNOWNHERE00");
    const auto& evil = json["connections"][2];
    EXPECT_EQ(evil["first_met_station"], "Lounge kiosk");
    EXPECT_EQ(evil["last_met_station"], "Lounge kiosk");
    EXPECT_EQ(evil["first_met_station_id"], evil["last_met_station_id"]);
    EXPECT_EQ(json["booths"][0]["station"], "Lounge kiosk");
    const auto lonerJson = nlohmann::json::parse(readFile(loner / "packet.json"));
    ASSERT_EQ(lonerJson["booths"].size(), 1U);
    EXPECT_EQ(lonerJson["booths"][0]["station"], "Acme booth kiosk");
    EXPECT_EQ(lonerJson["booths"][0]["first_visit_at"], "2026-11-18T12:06:42.000Z");

    const auto csv = strictCsv(ana / "connections.csv");
    ASSERT_EQ(csv.size(), 4U);
    ASSERT_EQ(csv[0].size(), 10U);
    EXPECT_EQ(csv[0][8], "First met station");
    EXPECT_EQ(csv[0][9], "Last met station");
    EXPECT_EQ(csv[1][0], "Борис Иванов");
    EXPECT_EQ(csv[1][8], "Lounge kiosk");
    EXPECT_EQ(csv[1][9], "Hall B — 展台");

    // pdftotext joins wrapped lines with a newline; compare with whitespace folded.
    auto folded = [](const std::string& text) {
        std::string out;
        for (const char c : text)
            if (!std::isspace(static_cast<unsigned char>(c)) || (!out.empty() && out.back() != ' '))
                out += std::isspace(static_cast<unsigned char>(c)) ? ' ' : c;
        return out;
    };
    const auto text = folded(pdfText(ana / "summary.pdf"));
    EXPECT_NE(
        text.find("first 2026-11-18 12:06 at Lounge kiosk · last 2026-11-18 13:06 at Hall B — 展台"),
        std::string::npos)
        << text;
    EXPECT_NE(text.find("Acme Corp — booth B12 · first visit 2026-11-18 12:06 at Lounge kiosk"),
              std::string::npos)
        << text;
    const auto lonerText = folded(pdfText(loner / "summary.pdf"));
    EXPECT_NE(lonerText.find("first visit 2026-11-18 13:06 at Acme booth kiosk"), std::string::npos)
        << lonerText;
}

// Printing summary.pdf goes through CUPS's filters: pdftopdf wraps the page in a form, pdftocairo
// turns it into PostScript (cups-pdf and PostScript printers), and a printer or ghostscript makes
// the page again. Run here without a scheduler: the page must keep its text in every script, and
// carry no mask (a mask inside the form made cairo's PostScript output rasterise the whole page).
TEST_F(ExportPacketsCli, SummaryKeepsItsTextThroughTheCupsPostScriptFilters) {
    const char* pdftopdf = "/usr/lib/cups/filter/pdftopdf";
    const char* ppd = "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd";
    if (!haveClients() || !haveProgram("pdftocairo") || !haveProgram("gs") || !haveProgram("pdfimages") ||
        !std::filesystem::exists(pdftopdf) || !std::filesystem::exists(ppd))
        GTEST_SKIP() << "needs cups-filters, printer-driver-cups-pdf, poppler-utils and ghostscript";
    auto exported = run({"--out", m_out.string(), "--attendee", m_ids.ana});
    ASSERT_EQ(exported.exitCode, 0) << exported.err;
    const auto pdf = m_out / index(m_out)[m_ids.ana][5].get<std::string>() / "summary.pdf";

    const auto images = runProcess({"pdfimages", "-list", pdf.string()}).out;
    EXPECT_EQ(images.find("smask"), std::string::npos) << images;
    EXPECT_EQ(images.find("stencil"), std::string::npos) << images;

    RunOptions filter;
    filter.env = {{"PPD", ppd},
                  {"CONTENT_TYPE", "application/pdf"},
                  {"FINAL_CONTENT_TYPE", "application/vnd.cups-postscript"}};
    auto wrapped = runProcess({pdftopdf, "1", "kiosk", "summary", "1", "media=A4", pdf.string()}, filter);
    ASSERT_EQ(wrapped.exitCode, 0) << wrapped.err;
    const auto form = m_dir.write("wrapped.pdf", wrapped.out);
    const auto postscript = m_dir / "summary.ps";
    // The command line CUPS's pdftops filter runs for a level 2 PostScript queue (cups-pdf's).
    auto ps = runProcess({"pdftocairo", "-ps", "-level2", "-origpagesizes", "-nocenter", "-r", "300",
                          form.string(), postscript.string()});
    ASSERT_EQ(ps.exitCode, 0) << ps.err;
    const auto printed = m_dir / "printed.pdf";
    auto gs = runProcess({"gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite",
                          "-sOutputFile=" + printed.string(), postscript.string()});
    ASSERT_EQ(gs.exitCode, 0) << gs.err;
    const auto text = foldWhitespace(pdfText(printed));
    for (const char* expected :
         {"Open Source Summit", "Follow-up for Ana Silva", "Борис Иванов", "王", "小明", "Бета"})
        EXPECT_NE(text.find(expected), std::string::npos) << expected << " lost on the way to the printer:\n"
                                                          << text;
}

// A whole-event export lays out with cuts of the big CJK fonts (packet_fonts.hpp); a packet for
// a named attendee uses the system fonts as they are. Both must show the same text in the same fonts.
TEST_F(ExportPacketsCli, FontCutsEmbedTheSameFontsAsTheSystemFonts) {
    if (!haveClients() || !haveProgram("pdffonts"))
        GTEST_SKIP() << "needs qpdf, pdftotext, pdfinfo, pdffonts and python3-vobject";
    auto whole = run({"--out", m_out.string()});
    ASSERT_EQ(whole.exitCode, 0) << whole.err;
    const auto named = m_dir / "named";
    auto single = run({"--out", named.string(), "--attendee", m_ids.ana, "--attendee", m_ids.wang});
    ASSERT_EQ(single.exitCode, 0) << single.err;
    // Font names without the subset tag (`ABCDEF+NotoSansCJKjp-Regular`), and their types.
    auto fonts = [](const std::filesystem::path& pdf) {
        std::multiset<std::string> names;
        std::istringstream lines(runProcess({"pdffonts", pdf.string()}).out);
        std::string line;
        for (int skip = 0; skip < 2 && std::getline(lines, line); ++skip) {
        }
        while (std::getline(lines, line)) {
            const auto plus = line.find('+');
            std::istringstream words(line.substr(plus == std::string::npos ? 0 : plus + 1));
            std::string name, type;
            words >> name >> type;
            names.insert(name + " " + type);
        }
        return names;
    };
    auto withoutGenerated = [](std::string text) { // the export time differs between the runs
        const auto at = text.find("Generated ");
        return at == std::string::npos ? text : text.erase(at, text.find('\n', at) - at);
    };
    for (const auto& id : {m_ids.ana, m_ids.wang}) {
        const auto folder = index(m_out)[id][5].get<std::string>();
        const auto cutPdf = m_out / folder / "summary.pdf";
        const auto systemPdf = named / folder / "summary.pdf";
        const auto cutFonts = fonts(cutPdf);
        EXPECT_FALSE(cutFonts.empty());
        EXPECT_EQ(cutFonts, fonts(systemPdf)) << id;
        EXPECT_EQ(withoutGenerated(pdfText(cutPdf)), withoutGenerated(pdfText(systemPdf))) << id;
    }
}

TEST_F(ExportPacketsCli, UnknownAttendeeIsBadInput) {
    auto result = run({"--out", m_out.string(), "--attendee", "nobody"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err.rfind("meetscan: error: --attendee: no attendee 'nobody'", 0), 0U) << result.err;
    result = run({"--out", m_out.string(), "--attendee", m_ids.erased});
    EXPECT_EQ(result.exitCode, 2) << result.err;
}

TEST_F(ExportPacketsCli, InterruptLeavesOnlyCompletePackets) {
    {
        auto store = core::Store::open(m_db);
        ASSERT_TRUE(store.ok());
        std::vector<core::Attendee> crowd;
        for (int i = 100; i < 1100; ++i)
            crowd.push_back(person("IN" + std::to_string(i), "Many", "Person " + std::to_string(i), "Crowd"));
        ASSERT_TRUE((*store)->attendees().importAll(crowd).ok());
        const auto station = (*store)->events().station().id;
        for (std::size_t i = 0; i + 1 < crowd.size(); ++i)
            (*store)->meetings().add(
                {core::newUlid(), station, core::nowMs(), crowd[i].id, crowd[i + 1].id, "", ""});
    }
    const std::string command =
        std::string(MEETSCAN_BINARY) + " --db '" + m_db.string() + "' export packets --out '" +
        m_out.string() + "' & pid=$!; " +
        // Ctrl-C as soon as the first packets are in place, long before the last.
        "while kill -0 $pid 2>/dev/null && [ -z \"$(ls '" + m_out.string() +
        "' 2>/dev/null)\" ]; do sleep 0.05; done; kill -INT $pid; wait $pid; echo rc=$?";
    const auto result = runProcess({"sh", "-c", command});
    ASSERT_NE(result.out.find("rc=130"), std::string::npos) << result.out << result.err;
    EXPECT_NE(result.err.find("meetscan: error: interrupted"), std::string::npos) << result.err;
    // index.csv lists exactly the complete packets the stopped run left.
    std::set<std::string> listed;
    for (const auto& [id, row] : index(m_out))
        listed.insert(row[5].get<std::string>());
    std::set<std::string> present;
    std::size_t complete = 0;
    for (const auto& entry : std::filesystem::directory_iterator(m_out)) {
        if (entry.path().filename() == "index.csv")
            continue;
        present.insert(entry.path().filename().string());
        EXPECT_NE(entry.path().extension(), ".tmp") << entry.path();
        for (const char* file : {"summary.pdf", "contacts.vcf", "connections.csv", "packet.json"})
            EXPECT_TRUE(std::filesystem::exists(entry.path() / file)) << entry.path() / file;
        ++complete;
    }
    EXPECT_LT(complete, 1005U);
    EXPECT_EQ(listed, present);
}

} // namespace
} // namespace meetscan::test
