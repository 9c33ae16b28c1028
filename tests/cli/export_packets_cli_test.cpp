// `meetscan export packets`: every file read back by a real client (vobject, qpdf, pdftotext,
// Python's strict csv and zipfile), consent and erasure applied, and Ctrl-C mid-export.
#include "cli/export_cli_fixture.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

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
        return haveProgram("qpdf") && haveProgram("pdftotext") && haveProgram("pdfinfo") && havePythonModule("vobject");
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
    EXPECT_NE(result.err.find("every attendee with at least one connection or booth visit"), std::string::npos);
    EXPECT_NE(result.err.find("(100%)"), std::string::npos) << result.err;

    auto rows = index(m_out);
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
    EXPECT_EQ(rows[m_ids.boris][5], m_ids.boris); // a Cyrillic name has no ASCII slug

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
    for (const char* expected : {"Open Source Summit", "Ana Silva", "Борис Иванов", "王小明", "Бета", "Acme Corp",
                                 "BO02@example.org"})
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
    EXPECT_EQ(json["connections"][0]["first_met_at"], "2026-11-18T11:06:40.000Z");
    EXPECT_EQ(json["booths"][0]["name"], "Acme Corp");

    const auto connections = strictCsv(ana / "connections.csv");
    ASSERT_EQ(connections.size(), 4U);
    EXPECT_EQ(connections[0][0], "Name");
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
            (*store)->meetings().add({core::newUlid(), station, core::nowMs(), m_ids.loner, other.id, "", ""});
    }
    auto result = run({"--out", m_out.string(), "--zip", "--attendee", m_ids.loner, "--attendee", "BO02"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    auto rows = index(m_out);
    ASSERT_EQ(rows.size(), 2U);
    const auto zip = m_out / rows[m_ids.loner][5].get<std::string>();
    EXPECT_EQ(zip.extension(), ".zip");
    EXPECT_EQ(rows[m_ids.loner][6], "40");
    EXPECT_FALSE(std::filesystem::exists(m_out / zip.stem()));
    const auto unzip = runPython("import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; "
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
            (*store)->meetings().add({core::newUlid(), station, core::nowMs(), crowd[i].id, crowd[i + 1].id, "", ""});
    }
    const std::string command = std::string(MEETSCAN_BINARY) + " --db '" + m_db.string() + "' export packets --out '" +
                                m_out.string() + "' & pid=$!; " +
                                // Ctrl-C as soon as the first packets are in place, long before the last.
                                "while kill -0 $pid 2>/dev/null && [ -z \"$(ls '" + m_out.string() +
                                "' 2>/dev/null)\" ]; do sleep 0.05; done; kill -INT $pid; wait $pid; echo rc=$?";
    const auto result = runProcess({"sh", "-c", command});
    ASSERT_NE(result.out.find("rc=130"), std::string::npos) << result.out << result.err;
    EXPECT_NE(result.err.find("meetscan: error: interrupted"), std::string::npos) << result.err;
    EXPECT_FALSE(std::filesystem::exists(m_out / "index.csv"));
    std::size_t complete = 0;
    for (const auto& entry : std::filesystem::directory_iterator(m_out)) {
        EXPECT_NE(entry.path().extension(), ".tmp") << entry.path();
        for (const char* file : {"summary.pdf", "contacts.vcf", "connections.csv", "packet.json"})
            EXPECT_TRUE(std::filesystem::exists(entry.path() / file)) << entry.path() / file;
        ++complete;
    }
    EXPECT_LT(complete, 1005U);
}

} // namespace
} // namespace meetscan::test
