// `meetscan badges`: the PDF checked by real clients (qpdf, pdfinfo, pdftotext), rasterised by
// pdftoppm as a printer would, and every QR code on it read back by `meetscan decode` and
// accepted by `meetscan badge inspect` as the right attendee.
#include "core/domain/attendee.hpp"
#include "core/store/store.hpp"
#include "meetscan/scanner/signing.hpp"
#include "support/json_lines.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <algorithm>
#include <cctype>
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

namespace meetscan::test {
namespace {

struct RosterRow {
    std::string code, first, last, company, title, role, consent;
};

// Latin, Cyrillic, CJK (family name first on the badge), Greek, a long name, and someone who
// refused exhibitor scans: their own badge is printed all the same.
const std::vector<RosterRow> kRoster{
    {"AN01", "Ana", "Silva", "Acme", "Engineer", "attendee", "yes"},
    {"BO02", "Борис", "Иванов", "Бета", "Инженер", "speaker", "yes"},
    {"WA03", "小明", "王", "华为", "工程师", "attendee", "yes"},
    {"EL04", "Ελένη", "Παπαδοπούλου", "Άλφα", "", "exhibitor", "yes"},
    {"JL05", "Jean-Luc Alexandre", "Montgomery-Fitzwilliam", "Very Long Company Name International",
     "Chief "
     "Architect of Things",
     "staff", "yes"},
    {"NC06", "Nina", "Quiet", "Calm", "", "attendee", "no"},
};

std::string displayName(const RosterRow& row) {
    core::Attendee attendee;
    attendee.firstName = row.first;
    attendee.lastName = row.last;
    return attendee.displayName();
}

class BadgesCli : public ::testing::Test {
protected:
    void SetUp() override {
        std::string csv = "badge_code,first_name,last_name,company,title,role,email,consent_exhibitors\n";
        for (const auto& row : kRoster)
            csv += row.code + "," + row.first + "," + row.last + "," + row.company + "," + row.title + "," +
                   row.role + "," + row.code + "@example.org," + row.consent + "\n";
        ASSERT_EQ(run({"init", "--event", "Open Source Summit 2026", "--station", "Badge desk"}).exitCode, 0);
        auto imported = run({"import", "roster", m_dir.write("roster.csv", csv).string()});
        ASSERT_EQ(imported.exitCode, 0) << imported.err;
    }
    ProcessResult run(std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", (m_dir / "event.db").string()});
        return runMeetscan(args);
    }
    // The event's paper setting, which summary.pdf and the badge sheets follow.
    void setEventPaper(const std::string& paper) {
        auto store = core::Store::open(m_dir / "event.db");
        ASSERT_TRUE(store.ok());
        auto event = (*store)->events().event();
        event.settings.paper = paper;
        ASSERT_TRUE((*store)->events().saveEvent(event).ok());
    }
    scanner::KeyPair generateKey() {
        auto generated = run({"keys", "generate", "--out", (m_dir / "key.json").string()});
        EXPECT_EQ(generated.exitCode, 0) << generated.err;
        auto keys = scanner::readKeyPairFile(m_dir / "key.json");
        EXPECT_TRUE(keys) << keys.error().message;
        return *keys;
    }
    static bool haveClients() {
        for (const char* program : {"qpdf", "pdfinfo", "pdftotext", "pdftoppm"})
            if (runProcess({"sh", "-c", std::string("command -v ") + program}).exitCode != 0)
                return false;
        return true;
    }
    static std::string pdfInfo(const std::filesystem::path& pdf) {
        return runProcess({"pdfinfo", pdf.string()}).out;
    }
    static int pages(const std::string& info) {
        const auto at = info.find("Pages:");
        return at == std::string::npos ? -1 : std::stoi(info.substr(at + 6));
    }

    // Renders the PDF at 200 dpi and decodes every page; returns each code's text with how often it was read.
    std::map<std::string, int> decodePages(const std::filesystem::path& pdf, int expectedPages) {
        const auto dir = m_dir / (pdf.stem().string() + "-pages");
        std::filesystem::create_directories(dir);
        auto raster =
            runProcess({"pdftoppm", "-r", "200", "-gray", "-png", pdf.string(), (dir / "page").string()});
        EXPECT_EQ(raster.exitCode, 0) << raster.err;
        auto decoded = runMeetscan({"decode", "--json", dir.string()});
        EXPECT_EQ(decoded.exitCode, 0) << decoded.err;
        std::map<std::string, int> texts;
        const auto lines = jsonLines(decoded.out);
        EXPECT_EQ(static_cast<int>(lines.size()), expectedPages) << decoded.out;
        for (const auto& line : lines) {
            EXPECT_TRUE(line["ok"].get<bool>()) << line.dump();
            if (!line["ok"].get<bool>())
                continue;
            ++texts[line["text"].get<std::string>()];
            if (line.contains("others"))
                for (const auto& other : line["others"])
                    ++texts[other["text"].get<std::string>()];
        }
        return texts;
    }

    // Every badge of `rows` is on the page once, holds exactly the MS1 text signed with the
    // event key, and this database's station accepts it as the right person.
    void expectEveryBadgeReadsBack(const std::map<std::string, int>& texts,
                                   const std::vector<RosterRow>& rows, const scanner::KeyPair& keys) {
        EXPECT_EQ(texts.size(), rows.size());
        for (const auto& row : rows) {
            const auto expected = scanner::signBadge({row.code, row.first, row.last, row.company}, keys);
            const auto found = texts.find(expected);
            ASSERT_NE(found, texts.end()) << "badge of " << row.code << " not read back";
            EXPECT_EQ(found->second, 1) << row.code;
            auto inspected = run({"badge", "inspect", expected, "--json"});
            ASSERT_EQ(inspected.exitCode, 0) << inspected.err;
            const auto verdict = nlohmann::json::parse(inspected.out);
            EXPECT_EQ(verdict["kind"], "meetscan") << row.code;
            EXPECT_EQ(verdict["verdict"], "ok") << row.code << " " << verdict.dump();
            EXPECT_EQ(verdict["attendee"], core::attendeeIdForCode(row.code)) << row.code;
            EXPECT_EQ(verdict["name"], displayName(row)) << row.code;
        }
    }

    // pdftotext -raw keeps drawing order, so each badge's lines stay together; whitespace is
    // folded because a name may wrap onto two lines.
    void expectNamesInText(const std::filesystem::path& pdf, const std::vector<RosterRow>& rows) {
        const auto raw = runProcess({"pdftotext", "-raw", "-enc", "UTF-8", pdf.string(), "-"}).out;
        std::string text;
        for (const char c : raw) {
            const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
            if (!space)
                text += c;
            else if (!text.empty() && text.back() != ' ')
                text += ' ';
        }
        EXPECT_NE(text.find("Open Source Summit 2026"), std::string::npos) << text;
        for (const auto& row : rows) {
            // A long name may also break at a hyphen; every word is there either way.
            std::string words = row.first + " " + row.last;
            std::replace(words.begin(), words.end(), '-', ' ');
            std::istringstream split(words);
            for (std::string word; split >> word;)
                EXPECT_NE(text.find(word), std::string::npos) << word << "\n" << text;
            if (row.first.find('-') == std::string::npos && row.last.find('-') == std::string::npos) {
                EXPECT_NE(text.find(displayName(row)), std::string::npos) << displayName(row) << "\n" << text;
            }
        }
    }

    TempDir m_dir;
};

struct SheetCase {
    const char* size;
    const char* paper; // the event's paper setting
    int perSheet;
};

// pdfinfo's name for the page size.
std::string pdfinfoPaper(const std::string& paper) {
    return paper == "letter" ? "(letter)" : "(A4)";
}

class BadgesSheet : public BadgesCli, public ::testing::WithParamInterface<SheetCase> {};

TEST_P(BadgesSheet, EveryBadgeOnTheSheetsReadsBackSignedForItsAttendee) {
    if (!haveClients())
        GTEST_SKIP() << "needs qpdf, pdfinfo, pdftotext and pdftoppm (poppler-utils)";
    const std::string paper = GetParam().paper;
    setEventPaper(paper);
    const auto keys = generateKey();
    const auto pdf = m_dir / (std::string("sheet-") + GetParam().size + "-" + paper + ".pdf");
    auto result = run({"badges", "--out", pdf.string(), "--size", GetParam().size});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const int expectedPages =
        (static_cast<int>(kRoster.size()) + GetParam().perSheet - 1) / GetParam().perSheet;
    const std::string label = paper == "letter" ? "Letter" : "A4";
    EXPECT_NE(result.out.find("6 badges (" + std::string(GetParam().size) + ", sheet) on " +
                              std::to_string(expectedPages) + " " + label + " sheet"),
              std::string::npos)
        << result.out;

    auto check = runProcess({"qpdf", "--check", pdf.string()});
    EXPECT_EQ(check.exitCode, 0) << check.out << check.err;
    const auto info = pdfInfo(pdf);
    EXPECT_NE(info.find(pdfinfoPaper(paper)), std::string::npos) << info;
    EXPECT_EQ(pages(info), expectedPages) << info;
    expectNamesInText(pdf, kRoster);
    expectEveryBadgeReadsBack(decodePages(pdf, expectedPages), kRoster, keys);
}

INSTANTIATE_TEST_SUITE_P(Sizes, BadgesSheet,
                         ::testing::Values(SheetCase{"a6", "a4", 4}, SheetCase{"4x3in", "a4", 6},
                                           SheetCase{"cr80", "a4", 10}, SheetCase{"a6", "letter", 2},
                                           SheetCase{"4x3in", "letter", 6}, SheetCase{"cr80", "letter", 10}),
                         [](const auto& testInfo) {
                             const std::string size = testInfo.param.size;
                             return (size == "4x3in" ? std::string("inch4x3") : size) + "_" +
                                    testInfo.param.paper;
                         });

TEST_F(BadgesCli, PaperOptionOverridesTheEventSetting) {
    if (!haveClients())
        GTEST_SKIP() << "needs qpdf, pdfinfo, pdftotext and pdftoppm (poppler-utils)";
    setEventPaper("letter");
    const auto keys = generateKey();
    const auto a4 = m_dir / "a4.pdf";
    auto onA4 = run({"badges", "--out", a4.string(), "--size", "a6", "--paper", "a4"});
    ASSERT_EQ(onA4.exitCode, 0) << onA4.err;
    EXPECT_NE(onA4.out.find("on 2 A4 sheets"), std::string::npos) << onA4.out;
    EXPECT_NE(pdfInfo(a4).find("(A4)"), std::string::npos) << pdfInfo(a4);

    setEventPaper("a4");
    const auto letter = m_dir / "letter.pdf";
    auto onLetter = run({"badges", "--out", letter.string(), "--size", "a6", "--paper", "letter"});
    ASSERT_EQ(onLetter.exitCode, 0) << onLetter.err;
    EXPECT_NE(onLetter.out.find("on 3 Letter sheets"), std::string::npos) << onLetter.out;
    const auto info = pdfInfo(letter);
    EXPECT_NE(info.find("(letter)"), std::string::npos) << info;
    EXPECT_EQ(pages(info), 3) << info;
    expectEveryBadgeReadsBack(decodePages(letter, 3), kRoster, keys);

    // Single badges are pages of the badge's own size, whatever the paper.
    const auto single = m_dir / "single-letter.pdf";
    auto singles = run({"badges", "--out", single.string(), "--size", "cr80", "--layout", "single", "--paper",
                        "letter", "--attendee", "AN01"});
    ASSERT_EQ(singles.exitCode, 0) << singles.err;
    EXPECT_NE(pdfInfo(single).find("242.6"), std::string::npos) << pdfInfo(single);

    auto bad = run({"badges", "--out", (m_dir / "a3.pdf").string(), "--paper", "a3"});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_EQ(bad.err.rfind("meetscan: error: --paper: 'a3' is not a4 or letter", 0), 0U) << bad.err;
    EXPECT_FALSE(std::filesystem::exists(m_dir / "a3.pdf"));
}

TEST_F(BadgesCli, SingleBadgesArePagesOfTheBadgeSize) {
    if (!haveClients())
        GTEST_SKIP() << "needs qpdf, pdfinfo, pdftotext and pdftoppm (poppler-utils)";
    const auto keys = generateKey();
    const auto pdf = m_dir / "single.pdf";
    // Named attendees only, in the order given; by id, badge code or e-mail.
    auto result =
        run({"badges", "--out", pdf.string(), "--layout", "single", "--size", "cr80", "--attendee", "WA03",
             "--attendee", core::attendeeIdForCode("BO02"), "--attendee", "NC06@example.org"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(runProcess({"qpdf", "--check", pdf.string()}).exitCode, 0);
    const auto info = pdfInfo(pdf);
    EXPECT_EQ(pages(info), 3) << info;
    EXPECT_NE(info.find("242.6"), std::string::npos) << info; // 85.6 mm wide
    EXPECT_NE(info.find("153"), std::string::npos) << info;   // 54 mm high
    const std::vector<RosterRow> named{kRoster[2], kRoster[1], kRoster[5]};
    expectNamesInText(pdf, named);
    const auto texts = decodePages(pdf, 3);
    expectEveryBadgeReadsBack(texts, named, keys);

    // Page order follows --attendee order: page 1 is Wang's badge.
    auto first = runProcess({"pdftotext", "-f", "1", "-l", "1", "-enc", "UTF-8", pdf.string(), "-"}).out;
    EXPECT_NE(first.find("王小明"), std::string::npos) << first;
    EXPECT_EQ(first.find("Борис"), std::string::npos) << first;
}

TEST_F(BadgesCli, NoSigningKeyTellsHowToMakeOne) {
    const auto pdf = m_dir / "badges.pdf";
    auto result = run({"badges", "--out", pdf.string()});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err.rfind("meetscan: error: ", 0), 0U) << result.err;
    EXPECT_NE(result.err.find("meetscan keys generate"), std::string::npos) << result.err;
    EXPECT_FALSE(std::filesystem::exists(pdf));
}

TEST_F(BadgesCli, BadInputIsRefusedWithoutWritingAFile) {
    generateKey();
    const auto pdf = m_dir / "badges.pdf";
    auto unknown = run({"badges", "--out", pdf.string(), "--attendee", "AN01", "--attendee", "nobody"});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_EQ(unknown.err.rfind("meetscan: error: --attendee: no attendee 'nobody'", 0), 0U) << unknown.err;
    auto size = run({"badges", "--out", pdf.string(), "--size", "a0"});
    EXPECT_EQ(size.exitCode, 2);
    EXPECT_NE(size.err.find("a6, 4x3in, cr80"), std::string::npos) << size.err;
    auto layout = run({"badges", "--out", pdf.string(), "--layout", "poster"});
    EXPECT_EQ(layout.exitCode, 2);
    EXPECT_FALSE(std::filesystem::exists(pdf));

    auto erased = run({"erase", "AN01", "--yes"});
    ASSERT_EQ(erased.exitCode, 0) << erased.err;
    EXPECT_EQ(run({"badges", "--out", pdf.string(), "--attendee", "AN01"}).exitCode, 2);
}

} // namespace
} // namespace meetscan::test
