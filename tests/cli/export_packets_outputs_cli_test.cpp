// `meetscan export packets` as people see its results: summary.pdf with the event's logo, local
// times, one time for a single minute and the scan hint by the codes; the `init` settings that
// drive them; and DIR/index.csv listing exactly the packets in DIR, run after run.
#include "cli/export_cli_fixture.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cctype>
#include <fstream>
#include <regex>
#include <set>

namespace meetscan::test {
namespace {

constexpr const char* kIndexFolders = R"(
import csv, json, sys
raw = open(sys.argv[1], 'rb').read()
assert raw.startswith(b'\xef\xbb\xbf') and raw.endswith(b'\r\n')
rows = list(csv.reader(raw[3:].decode('utf-8').splitlines(keepends=True), strict=True))
assert rows[0][5] == 'Folder', rows[0]
print(json.dumps([row[5] for row in rows[1:]]))
)";

std::string folded(const std::string& text) {
    std::string out;
    for (const char c : text)
        if (!std::isspace(static_cast<unsigned char>(c)) || (!out.empty() && out.back() != ' '))
            out += std::isspace(static_cast<unsigned char>(c)) ? ' ' : c;
    return out;
}

class ExportPacketsOutputs : public ::testing::Test {
protected:
    void SetUp() override {
        if (!haveProgram("qpdf") || !haveProgram("pdftotext") || !haveProgram("pdfimages"))
            GTEST_SKIP() << "needs qpdf and poppler-utils";
        m_ids = buildExportEvent(m_db);
    }
    ProcessResult meetscan(std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", m_db.string()});
        return runMeetscan(args);
    }
    ProcessResult exportPackets(std::vector<std::string> args = {}) {
        args.insert(args.begin(), {"export", "packets", "--out", m_out.string()});
        return meetscan(args);
    }
    std::multiset<std::string> listed() {
        auto python = runPython(kIndexFolders, {(m_out / "index.csv").string()});
        EXPECT_EQ(python.exitCode, 0) << python.err;
        std::multiset<std::string> folders;
        if (python.exitCode == 0)
            for (const auto& folder : nlohmann::json::parse(python.out))
                folders.insert(folder.get<std::string>());
        return folders;
    }
    // Entries of DIR that are not the user's own (`m_mine`) or index.csv.
    std::multiset<std::string> present() {
        std::multiset<std::string> names;
        for (const auto& entry : std::filesystem::directory_iterator(m_out)) {
            const auto name = entry.path().filename().string();
            if (name != "index.csv" && m_mine.count(name) == 0)
                names.insert(name);
        }
        return names;
    }
    std::string folderOf(const std::string& id) {
        for (const auto& folder : listed())
            if (folder.size() >= id.size() && folder.compare(folder.size() - id.size(), id.size(), id) == 0)
                return folder;
        return {};
    }
    static std::string pdfText(const std::filesystem::path& pdf) {
        auto check = runProcess({"qpdf", "--check", pdf.string()});
        EXPECT_EQ(check.exitCode, 0) << pdf << check.out << check.err;
        return folded(runProcess({"pdftotext", "-enc", "UTF-8", pdf.string(), "-"}).out);
    }
    static std::string images(const std::filesystem::path& pdf) {
        return runProcess({"pdfimages", "-list", pdf.string()}).out;
    }
    // The 120 x 40 test logo among the images (the QR codes are square images too).
    static bool hasLogo(const std::string& list) {
        return std::regex_search(list, std::regex(R"(image +120 +40 +rgb)"));
    }

    TempDir m_dir;
    std::filesystem::path m_db = m_dir / "event.db";
    std::filesystem::path m_out = m_dir / "packets";
    std::set<std::string> m_mine;
    ExportPeople m_ids;
};

TEST_F(ExportPacketsOutputs, SummaryHasLogoNameLocalTimesOneTimeAndTheScanHint) {
    const auto logo = m_dir / "logo.png";
    writeTestPng(logo);
    auto set = meetscan({"init", "--time-zone", "Asia/Tokyo", "--logo", logo.string()});
    ASSERT_EQ(set.exitCode, 0) << set.err;
    EXPECT_NE(set.out.find("time zone: Asia/Tokyo"), std::string::npos) << set.out;
    {
        // Ana and the formula-named visitor meet again within the same minute, at the same station.
        auto store = core::Store::open(m_db);
        ASSERT_TRUE(store.ok());
        const core::TimeMs again = 1795000000000 + 120000 + 15000;
        (*store)->meetings().add({core::newUlid(again), (*store)->events().station().id, again, m_ids.evil,
                                  m_ids.ana, "", ""});
    }
    auto result = exportPackets({"--attendee", m_ids.ana});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.err.find("warning"), std::string::npos) << result.err;
    const auto pdf = m_out / folderOf(m_ids.ana) / "summary.pdf";
    const auto text = pdfText(pdf);

    EXPECT_EQ(text.rfind("Open Source Summit", 0), 0U) << text; // the event's name heads the page
    EXPECT_NE(text.find("times in Asia/Tokyo"), std::string::npos) << text;
    EXPECT_EQ(text.find("UTC"), std::string::npos) << text;
    // 11:06:40 UTC is 20:06 in Tokyo. Met once, or twice within a minute: one time, not "first X · last X".
    EXPECT_NE(text.find("Met 1 time · 2026-11-18 20:06 at "), std::string::npos) << text;
    EXPECT_NE(text.find("Met 2 times · 2026-11-18 20:08 at "), std::string::npos) << text;
    EXPECT_EQ(text.find("first 2026-11-18 20:08"), std::string::npos) << text;
    EXPECT_EQ(text.find("last 2026-11-18 20:08"), std::string::npos) << text;
    EXPECT_NE(text.find("first visit 2026-11-18 20:06"), std::string::npos) << text;
    // The hint sits by the codes: under the heading, before the first person.
    const auto hint = text.find("Scan a code with your phone's camera to save the contact.");
    ASSERT_NE(hint, std::string::npos) << text;
    EXPECT_LT(text.find("People you met (3)"), hint);
    EXPECT_LT(hint, text.find("Борис Иванов"));
    // The logo: an image beside the QR codes, flattened onto white, so no soft mask.
    const auto list = images(pdf);
    EXPECT_TRUE(hasLogo(list)) << list;
    EXPECT_EQ(list.find("smask"), std::string::npos) << list;

    const auto json = nlohmann::json::parse(readFile(m_out / folderOf(m_ids.ana) / "packet.json"));
    EXPECT_EQ(json["time_zone"], "Asia/Tokyo");
    EXPECT_EQ(json["connections"][0]["first_met_at"], "2026-11-18T11:06:40.000Z");
    EXPECT_EQ(json["connections"][0]["first_met_local"], "2026-11-18T20:06:40+09:00");
}

TEST_F(ExportPacketsOutputs, InitChecksTheSettingsAndExportSurvivesALogoGoneBad) {
    auto bad = meetscan({"init", "--time-zone", "Mars/Olympus_Mons"});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_EQ(bad.err.rfind("meetscan: error: --time-zone: unknown time zone 'Mars/Olympus_Mons'", 0), 0U) << bad.err;
    bad = meetscan({"init", "--time-zone", "../../etc/passwd"});
    EXPECT_EQ(bad.exitCode, 2) << bad.err;
    bad = meetscan({"init", "--logo", (m_dir / "missing.png").string()});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_NE(bad.err.find("--logo: logo " + (m_dir / "missing.png").string() + ": cannot read it"),
              std::string::npos)
        << bad.err;
    const auto text = m_dir.write("logo.png", "not a picture");
    bad = meetscan({"init", "--logo", text.string()});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_NE(bad.err.find("not a PNG image"), std::string::npos) << bad.err;
    {
        auto store = core::Store::open(m_db);
        ASSERT_TRUE(store.ok());
        const auto settings = (*store)->events().event().settings;
        EXPECT_EQ(settings.timeZone, "Europe/Berlin"); // refused settings changed nothing
        EXPECT_EQ(settings.logo, "");
    }

    // A relative path is kept absolute; "" puts the zone back to the machine's.
    writeTestPng(m_dir / "good.png");
    RunOptions inDir;
    inDir.workingDir = m_dir.path().string();
    auto good = runMeetscan({"--db", m_db.string(), "init", "--logo", "good.png", "--time-zone", ""}, inDir);
    ASSERT_EQ(good.exitCode, 0) << good.err;
    {
        auto store = core::Store::open(m_db);
        ASSERT_TRUE(store.ok());
        const auto settings = (*store)->events().event().settings;
        EXPECT_EQ(settings.logo, (m_dir / "good.png").string());
        EXPECT_EQ(settings.timeZone, "");
    }

    // The logo is gone by export time: one warning, and the packets without it.
    std::filesystem::remove(m_dir / "good.png");
    auto result = exportPackets();
    ASSERT_EQ(result.exitCode, 0) << result.err;
    std::size_t warnings = 0;
    for (std::size_t at = result.err.find("meetscan: warning:"); at != std::string::npos;
         at = result.err.find("meetscan: warning:", at + 1))
        ++warnings;
    EXPECT_EQ(warnings, 1U) << result.err;
    EXPECT_NE(result.err.find("the packets have no logo"), std::string::npos) << result.err;
    const auto pdf = m_out / folderOf(m_ids.ana) / "summary.pdf";
    pdfText(pdf);
    const auto list = images(pdf);
    EXPECT_FALSE(hasLogo(list)) << list;
    EXPECT_NE(list.find(" image "), std::string::npos) << list; // the QR codes are there
}

// Whatever happened before (runs for some people, erasures, a stopped run, the user's own
// files), index.csv lists exactly the packets in DIR after every run, and a packet is only
// ever replaced, never lost.
TEST_F(ExportPacketsOutputs, IndexListsExactlyThePacketsThereRunAfterRun) {
    // 1. Just the loner, who has nothing to show: a named attendee still gets a packet.
    auto result = exportPackets({"--attendee", m_ids.loner});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto loner = folderOf(m_ids.loner);
    EXPECT_EQ(loner, "lone-wolf_" + m_ids.loner);
    EXPECT_EQ(listed(), present());

    // 2. The whole event: five packets; the loner's empty one goes (nobody is sent an empty packet).
    std::filesystem::create_directories(m_out / "My notes");
    std::ofstream(m_out / "My notes" / "todo.txt") << "mine";
    std::ofstream(m_out / "README.txt") << "mine";
    std::filesystem::create_directories(m_out / m_ids.ana); // named like an id, but holds no packet
    m_mine = {"My notes", "README.txt", m_ids.ana};
    result = exportPackets();
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("1 earlier packets removed"), std::string::npos) << result.out;
    EXPECT_EQ(listed().size(), 5U);
    EXPECT_EQ(listed(), present());
    EXPECT_FALSE(std::filesystem::exists(m_out / loner));
    const auto boris = folderOf(m_ids.boris);
    const auto ana = folderOf(m_ids.ana);
    ASSERT_FALSE(boris.empty());

    // 3. A run stopped hard left a half-built packet; Boris asked to be erased; a run for Ana.
    const auto wang = folderOf(m_ids.wang);
    std::filesystem::create_directories(m_out / (wang + ".tmp"));
    std::ofstream(m_out / (wang + ".tmp") / "summary.pdf") << "half";
    {
        auto store = core::Store::open(m_db);
        ASSERT_TRUE(store.ok());
        ASSERT_TRUE(core::eraseAttendee((*store)->database(), m_ids.boris, (*store)->events().station().id).ok());
    }
    result = exportPackets({"--attendee", m_ids.ana});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_FALSE(std::filesystem::exists(m_out / boris)) << "an erased person's packet must go";
    EXPECT_FALSE(std::filesystem::exists(m_out / (wang + ".tmp")));
    EXPECT_TRUE(std::filesystem::exists(m_out / wang / "summary.pdf"));
    EXPECT_EQ(listed().size(), 4U); // ana, and the others kept from run 2
    EXPECT_EQ(listed(), present());
    EXPECT_EQ(readFile(m_out / "My notes" / "todo.txt"), "mine");
    EXPECT_TRUE(std::filesystem::exists(m_out / "README.txt"));
    EXPECT_TRUE(std::filesystem::exists(m_out / m_ids.ana));
    EXPECT_EQ(pdfText(m_out / ana / "summary.pdf").find("Борис"), std::string::npos);

    // 4. Zipped this time: every folder gives way to its zip.
    result = exportPackets({"--zip"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(listed(), present());
    for (const auto& name : present())
        EXPECT_EQ(std::filesystem::path(name).extension(), ".zip") << name;
}

} // namespace
} // namespace meetscan::test
