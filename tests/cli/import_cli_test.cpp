// `meetscan import roster|exhibitors` run as a user would: exit status, stdout, stderr, and the
// database afterwards.
#include "support/background_process.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <filesystem>
#include <algorithm>
#include <set>
#include <chrono>
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

namespace meetscan::test {
namespace {

namespace fs = std::filesystem;

std::string sample(const std::string& name) {
    return (fs::path(MEETSCAN_SOURCE_DIR) / "tests" / "data" / "roster" / name).string();
}

class ImportCli : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_EQ(run({"init", "--event", "Import"}).exitCode, 0); }
    ProcessResult run(std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", db()});
        return runMeetscan(args);
    }
    // The sample exports have no consent column: the organiser's word for everyone, given here.
    ProcessResult importRoster(std::vector<std::string> extra) {
        extra.insert(extra.begin(), {"import", "roster"});
        extra.insert(extra.end(), {"--consent-default", "yes"});
        return run(extra);
    }
    [[nodiscard]] std::string db() const { return (m_dir / "event.db").string(); }

    // attendees list --json, keyed by e-mail (every sample row has one).
    std::map<std::string, nlohmann::json> attendeesByEmail() {
        std::map<std::string, nlohmann::json> byEmail;
        for (const nlohmann::json& row : attendeeRows())
            byEmail[row.at("email").get<std::string>()] = row;
        return byEmail;
    }
    std::vector<nlohmann::json> attendeeRows() {
        ProcessResult listed = run({"attendees", "list", "--json"});
        EXPECT_EQ(listed.exitCode, 0) << listed.err;
        std::vector<nlohmann::json> rows;
        std::istringstream lines(listed.out);
        for (std::string line; std::getline(lines, line);)
            if (!line.empty())
                rows.push_back(nlohmann::json::parse(line));
        return rows;
    }

    // The database must stay as it was: empty, or holding the earlier rows.
    void expectUntouched(std::size_t rowsBefore) {
        EXPECT_EQ(attendeeRows().size(), rowsBefore);
    }

    TempDir m_dir;
};

TEST_F(ImportCli, PretixExport) {
    ProcessResult result = importRoster({sample("pretix_order_positions.csv"), "--buyer-contact"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("imported 3 attendees from"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("(3 added, 0 updated, 0 unchanged; 1 refunded or cancelled skipped"),
              std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("preset pretix"), std::string::npos);
    auto people = attendeesByEmail();
    ASSERT_EQ(people.size(), 3U);
    EXPECT_EQ(people["zoe@example.org"]["first_name"], "Zoë");
    EXPECT_EQ(people["zoe@example.org"]["last_name"], "Ångström");
    EXPECT_EQ(people["zoe@example.org"]["company"], "Nordic Widgets AB");
    EXPECT_EQ(people["buyer@example.org"]["last_name"], "García");
    EXPECT_EQ(people["li.xiaolong@example.cn"]["company"], "Dragon \"Kung Fu\" Ltd");
    EXPECT_EQ(people.count("tom@example.org"), 0U); // canceled
}

// Consent is never assumed, and a buyer's details are not an attendee's.
TEST_F(ImportCli, ConsentAndTheBuyersDetailsAreTheOrganisersCall) {
    const auto refused = run({"import", "roster", sample("pretix_order_positions.csv")});
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_EQ(refused.err, "meetscan: error: " + sample("pretix_order_positions.csv") +
                               ": no column says whether exhibitors may scan each attendee (consent_exhibitors): map "
                               "the export's consent question with --map consent_exhibitors=COLUMN, or say "
                               "--consent-default yes|no for everyone\n");
    EXPECT_TRUE(attendeeRows().empty());

    const auto saidNo = run({"import", "roster", sample("pretix_order_positions.csv"), "--consent-default", "no"});
    ASSERT_EQ(saidNo.exitCode, 0) << saidNo.err;
    EXPECT_NE(saidNo.err.find("consent_exhibitors  not in the file: no for everyone (--consent-default)"),
              std::string::npos)
        << saidNo.err;
    EXPECT_NE(saidNo.err.find("meetscan: hint: column \"Email\" is the buyer's email, and was not read: "
                              "--buyer-contact fills an attendee's empty email from it"),
              std::string::npos)
        << saidNo.err;
    const auto rows = attendeeRows();
    ASSERT_EQ(rows.size(), 3U);
    int withoutEmail = 0;
    for (const auto& row : rows) {
        EXPECT_EQ(row["consent_exhibitors"], false) << row.dump();
        EXPECT_NE(row["email"], "buyer@example.org") << "the buyer's e-mail became an attendee's";
        EXPECT_EQ(row["phone"], "") << "the order's phone became an attendee's";
        withoutEmail += row["email"] == "" ? 1 : 0;
    }
    EXPECT_EQ(withoutEmail, 1);
}

// A pretix export with two questions of the event's own: the import says what it read, what it
// left at a default, and which --map would take the questions.
constexpr const char* kPretixWithQuestions =
    "Order code,Status,Email,Attendee name: Given name,Attendee name: Family name,Attendee email,Company,"
    "Ticket secret,Product,Job title,May exhibitors scan your badge?\n"
    "ABC12,paid,buyer@example.org,Zoë,Ångström,zoe@example.org,Nordic AB,k24cnehk6yqzjz3f,Conference,CTO,No\n"
    "ABC13,paid,buyer2@example.org,Raj,Patel,,Patel Labs,p9x2mm4tq8wz7vhn,Conference,Engineer,Yes\n";

TEST_F(ImportCli, TheImportSaysWhichColumnFedEachFieldAndWhatItLeftOut) {
    const auto csv = m_dir.write("pretix.csv", kPretixWithQuestions);
    const auto first = importRoster({csv.string()});
    ASSERT_EQ(first.exitCode, 0) << first.err;
    EXPECT_NE(first.err.find("read as pretix:"), std::string::npos) << first.err;
    EXPECT_NE(first.err.find("  badge_code          from \"Ticket secret\"\n"), std::string::npos) << first.err;
    EXPECT_NE(first.err.find("  email               from \"Attendee email\"\n"), std::string::npos) << first.err;
    EXPECT_NE(first.err.find("column \"Email\" is the buyer's email"), std::string::npos) << first.err;
    EXPECT_NE(first.err.find("  phone               not in the file: empty\n"), std::string::npos) << first.err;
    EXPECT_NE(first.err.find("  consent_exhibitors  not in the file: yes for everyone (--consent-default)"),
              std::string::npos)
        << first.err;
    const std::string consentHint = "meetscan: hint: column \"May exhibitors scan your badge?\" looks like "
                                    "consent_exhibitors, and was not read: take it with --map "
                                    "consent_exhibitors=\"May exhibitors scan your badge?\"\n";
    EXPECT_NE(first.err.find(consentHint), std::string::npos) << first.err;
    EXPECT_NE(first.err.find("column \"Job title\" looks like title"), std::string::npos) << first.err;
    EXPECT_EQ(attendeesByEmail()["zoe@example.org"]["consent_exhibitors"], true) << "the default, as reported";

    // The organiser takes the hint, and asks for JSON.
    const auto mapped = importRoster({csv.string(), "--map", "consent_exhibitors=May exhibitors scan your badge?",
                                      "--map", "title=Job title", "--json"});
    ASSERT_EQ(mapped.exitCode, 0) << mapped.err;
    const auto report = nlohmann::json::parse(mapped.out);
    EXPECT_EQ(report["attendees"], 2);
    EXPECT_EQ(report["updated"], 2);
    EXPECT_EQ(report["preset"], "pretix");
    EXPECT_EQ(report["fields"]["consent_exhibitors"], nlohmann::json::array({"May exhibitors scan your badge?"}));
    EXPECT_EQ(report["fields"]["title"], nlohmann::json::array({"Job title"}));
    EXPECT_EQ(report["fields"]["badge_code"], nlohmann::json::array({"Ticket secret"}));
    EXPECT_EQ(report["defaults"]["phone"], "empty");
    EXPECT_FALSE(report["defaults"].contains("consent_exhibitors"));
    // What is left to hint at is the buyer's e-mail, which is the organiser's call.
    EXPECT_EQ(report["hints"], nlohmann::json::parse(R"([{"column":"Email","field":"email","map":"--buyer-contact"}])"))
        << report.dump();
    EXPECT_EQ(mapped.err.find("looks like"), std::string::npos) << mapped.err;
    auto people = attendeesByEmail();
    EXPECT_EQ(people["zoe@example.org"]["consent_exhibitors"], false);
    EXPECT_EQ(people["zoe@example.org"]["title"], "CTO");
}

TEST_F(ImportCli, TagsWrittenWithTheWrongSeparatorDrawAWarningNamingTheRightOne) {
    const auto csv = m_dir.write("ex.csv", "id,name,booth,tags\nacme,ACME,B1,partner;hot lead;vip\nbeta,Beta,B2,a|b\n");
    const auto fromCsv = run({"import", "exhibitors", csv.string()});
    ASSERT_EQ(fromCsv.exitCode, 0) << fromCsv.err;
    EXPECT_EQ(fromCsv.err, "meetscan: warning: " + csv.string() +
                               ": exhibitor acme: the tag \"partner;hot lead;vip\" is one tag, because tags are "
                               "separated by |; if it was meant as several, write a|b\n");
    const auto toml = m_dir.write("ex.toml", "[[exhibitor]]\nid = \"acme\"\nname = \"ACME\"\ntags = [\"partner, vip\"]\n");
    const auto fromToml = run({"import", "exhibitors", toml.string()});
    ASSERT_EQ(fromToml.exitCode, 0) << fromToml.err;
    EXPECT_NE(fromToml.err.find("tags are a TOML list; if it was meant as several, write tags = [\"a\", \"b\"]"),
              std::string::npos)
        << fromToml.err;
    const auto help = runMeetscan({"import", "exhibitors", "--help"});
    EXPECT_NE(help.out.find("[[exhibitor]]"), std::string::npos);
    EXPECT_NE(help.out.find("id,name,booth,tags"), std::string::npos);
}

// Files made to hurt: each gets one line naming the place, exit 2, and the database as it was.
TEST_F(ImportCli, HostileFilesGetOneLineAndLeaveTheDatabaseAsItWas) {
    auto oneLine = [](const ProcessResult& result) {
        EXPECT_EQ(result.exitCode, 2) << result.err;
        EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
        EXPECT_EQ(result.err.rfind("meetscan: error: ", 0), 0U) << result.err;
    };
    // 100 kB of dotted key: toml++ nests a table per part, and crashed on the stack.
    std::string dotted = "[[exhibitor]]\nid = \"a\"\nname = \"A\"\n";
    for (int i = 0; i < 50000; ++i)
        dotted += i == 0 ? "q" : ".q";
    const auto deep = m_dir.write("deep.toml", dotted + " = 1\n");
    const auto deepResult = run({"import", "exhibitors", deep.string()});
    oneLine(deepResult);
    EXPECT_NE(deepResult.err.find(deep.string() + ":4:"), std::string::npos) << deepResult.err;
    EXPECT_NE(deepResult.err.find("more than 16 parts"), std::string::npos) << deepResult.err;

    // A stream that never ends.
    const auto endless = run({"import", "roster", "/dev/zero"});
    oneLine(endless);
    EXPECT_NE(endless.err.find("/dev/zero: more than 256 MiB from a stream"), std::string::npos) << endless.err;

    // NUL and other control bytes in a name: refused at their line and column, nothing imported.
    using namespace std::string_literals;
    const auto nul = m_dir.write("nul.csv", "badge_code,first_name,last_name,consent_exhibitors\n"
                                            "A1,Ana,Silva,yes\n"
                                            "B2,Bo\0b,Bell,yes\n"s);
    const auto nulResult = importRoster({nul.string()});
    oneLine(nulResult);
    EXPECT_EQ(nulResult.err, "meetscan: error: " + nul.string() +
                                 ":3:2: first_name holds a control character (byte 0x00) (column \"first_name\")\n");
    expectUntouched(0);
    const auto bell = m_dir.write("bell.csv", "id,name\nacme,ACME\a Corp\n");
    const auto bellResult = run({"import", "exhibitors", bell.string()});
    oneLine(bellResult);
    EXPECT_NE(bellResult.err.find("name holds a control character (byte 0x07)"), std::string::npos) << bellResult.err;
    EXPECT_EQ(run({"exhibitors", "list"}).out, "");
}

// Line breaks are not control bytes to refuse where a file legitimately holds them: codes one per
// line in a cell, a TOML multi-line question, Alt+Enter in a spreadsheet's tags cell.
TEST_F(ImportCli, LineBreaksWhereFilesHoldThemAreNotRefused) {
    const auto roster = m_dir.write("codes.csv", "badge_code,other_codes,first_name,consent_exhibitors\n"
                                                 "A1,\"OLD-1\nOLD-2\tOLD-3\",Ana,yes\n");
    const auto imported = importRoster({roster.string()});
    ASSERT_EQ(imported.exitCode, 0) << imported.err;
    for (const char* code : {"OLD-1", "OLD-2", "OLD-3"}) {
        const auto inspected = nlohmann::json::parse(run({"badge", "inspect", code, "--json"}).out);
        EXPECT_EQ(inspected["verdict"], "ok") << code << ": " << inspected.dump();
    }
    const auto toml = m_dir.write("multi.toml", "[[exhibitor]]\nid = \"acme\"\nname = \"ACME\"\n"
                                                "[[exhibitor.question]]\ntext = \"\"\"\nWhat is your budget?\n\"\"\"\n");
    const auto fromToml = run({"import", "exhibitors", toml.string()});
    ASSERT_EQ(fromToml.exitCode, 0) << fromToml.err;
    const auto csv = m_dir.write("ex.csv", "id,name,booth,tags\nbeta,Beta,B2,\"hot lead\r\n|partner\"\n");
    const auto fromCsv = run({"import", "exhibitors", csv.string()});
    ASSERT_EQ(fromCsv.exitCode, 0) << fromCsv.err;
    std::map<std::string, nlohmann::json> byId;
    std::istringstream lines(run({"exhibitors", "list", "--json"}).out);
    for (std::string line; std::getline(lines, line);) {
        const auto exhibitor = nlohmann::json::parse(line);
        byId[exhibitor["id"].get<std::string>()] = exhibitor;
    }
    EXPECT_EQ(byId["acme"]["questions"][0]["text"], "What is your budget?");
    EXPECT_EQ(byId["beta"]["tags"], nlohmann::json::array({"hot lead", "partner"}));
}

TEST_F(ImportCli, TwentyThousandIdenticalQuestionsGetTheirIdsInLinearTime) {
    std::string toml = "[[exhibitor]]\nid = \"a\"\nname = \"A\"\n";
    for (int i = 0; i < 20000; ++i)
        toml += "[[exhibitor.question]]\ntext = \"Same?\"\n";
    const auto file = m_dir.write("same.toml", toml);
    const auto started = std::chrono::steady_clock::now();
    const auto result = run({"import", "exhibitors", file.string()});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    // Not a timing test: the old quadratic loop took 21 s here, so this bound cannot be flaky.
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
    const auto listed = nlohmann::json::parse(run({"exhibitors", "list", "--json"}).out);
    std::set<std::string> ids;
    for (const auto& question : listed["questions"])
        ids.insert(question["id"].get<std::string>());
    EXPECT_EQ(ids.size(), 20000U);
    EXPECT_TRUE(ids.contains("same_20000"));
}

TEST_F(ImportCli, EventbriteExport) {
    ProcessResult result = importRoster({sample("eventbrite_attendees.csv"), "--preset", "eventbrite"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("imported 3 attendees"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("2 refunded or cancelled skipped"), std::string::npos) << result.out;
    auto people = attendeesByEmail();
    ASSERT_EQ(people.size(), 3U);
    EXPECT_EQ(people["aiko@example.jp"]["company"], "Sakura KK");
    EXPECT_EQ(people["aiko@example.jp"]["title"], "Engineer");
    EXPECT_EQ(people["olafur@example.is"]["last_name"], "Þórsson");
    EXPECT_EQ(people["olafur@example.is"]["phone"], "+354 555 1234");
    EXPECT_EQ(people.count("pat@example.com"), 0U);
    EXPECT_EQ(people.count("chris@example.com"), 0U);
}

TEST_F(ImportCli, HiEventsAndGenericExports) {
    ProcessResult hiEvents = importRoster({sample("hievents_attendees.csv")});
    ASSERT_EQ(hiEvents.exitCode, 0) << hiEvents.err;
    ProcessResult generic = importRoster({sample("generic_semicolon.csv")});
    ASSERT_EQ(generic.exitCode, 0) << generic.err;
    auto people = attendeesByEmail();
    EXPECT_EQ(people.size(), 5U);
    EXPECT_EQ(people["maria@example.br"]["company"], "Samba Systems");
    EXPECT_EQ(people["mehmet@example.tr"]["consent_exhibitors"], false);
    EXPECT_EQ(people["anna@example.pl"]["role"], "exhibitor");
    ProcessResult byShortId = run({"badge", "inspect", "K3J9X2", "--json"});
    // The Hi.Events short id is stored as another code of the same person.
    if (byShortId.exitCode == 0) {
        EXPECT_NE(byShortId.out.find(people["maria@example.br"]["id"].get<std::string>()), std::string::npos)
            << byShortId.out;
    }
}

TEST_F(ImportCli, ReimportUpdatesByBadgeCodeWithoutDuplicates) {
    TempDir files;
    auto first = files.write("v1.csv", "code,first_name,last_name,company,email\n"
                                       "A1,Ann,Lee,Old Co,ann@example.org\n"
                                       "A2,Bob,Ek,,bob@example.org\n");
    auto second = files.write("v2.csv", "code,first_name,last_name,company,email\n"
                                        "A1,Ann,Lee,New Co,ann@example.org\n"
                                        "A2,Bob,Ek,,bob@example.org\n"
                                        "A3,Cy,Ng,,cy@example.org\n");
    ProcessResult one = importRoster({first.string()});
    ASSERT_EQ(one.exitCode, 0) << one.err;
    EXPECT_NE(one.out.find("(2 added, 0 updated, 0 unchanged"), std::string::npos) << one.out;
    ProcessResult two = importRoster({second.string()});
    ASSERT_EQ(two.exitCode, 0) << two.err;
    EXPECT_NE(two.out.find("(1 added, 1 updated, 1 unchanged"), std::string::npos) << two.out;
    ProcessResult three = importRoster({second.string()});
    EXPECT_NE(three.out.find("(0 added, 0 updated, 3 unchanged"), std::string::npos) << three.out;
    auto people = attendeesByEmail();
    ASSERT_EQ(people.size(), 3U);
    EXPECT_EQ(people["ann@example.org"]["company"], "New Co");
    ProcessResult stats = run({"stats", "--json"});
    ASSERT_EQ(stats.exitCode, 0) << stats.err;
    EXPECT_EQ(nlohmann::json::parse(stats.out)["attendees"], 3);
}

TEST_F(ImportCli, MissingFile) {
    ProcessResult result = importRoster({(m_dir / "nope.csv").string()});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err.rfind("meetscan: error: cannot open ", 0), 0U) << result.err;
    EXPECT_NE(result.err.find("nope.csv"), std::string::npos);
    expectUntouched(0);
}

TEST_F(ImportCli, EmptyFile) {
    TempDir files;
    auto path = files.write("empty.csv", "");
    ProcessResult result = importRoster({path.string()});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err, "meetscan: error: " + path.string() + ": the file is empty\n");
    expectUntouched(0);
}

TEST_F(ImportCli, WrongDelimiterNamesPresetAndColumns) {
    TempDir files;
    auto path = files.write("pipes.csv", "Barcode #|First Name|Last Name\n123|Ann|Lee\n");
    ProcessResult result = importRoster({path.string(), "--preset", "eventbrite"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("no badge code column for preset eventbrite"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("\"Barcode #|First Name|Last Name\""), std::string::npos) << result.err;
    expectUntouched(0);
}

TEST_F(ImportCli, Latin1BytesGiveLineAndColumn) {
    TempDir files;
    auto path = files.write("latin1.csv", "code,first_name,last_name\nA1,Ann,Lee\nA2,Jos\xE9,Garc\xED"
                                          "a\n");
    ProcessResult result = importRoster({path.string()});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err.rfind("meetscan: error: " + path.string() + ":3:2: invalid UTF-8 (byte 0xE9", 0), 0U)
        << result.err;
    expectUntouched(0);
}

TEST_F(ImportCli, DuplicateCodesLeaveTheDatabaseAsItWas) {
    ASSERT_EQ(importRoster({sample("generic_semicolon.csv")}).exitCode, 0);
    TempDir files;
    auto path = files.write("dupes.csv", "code,first_name,email\nD1,Di,di@example.org\nD2,Do,do@example.org\n"
                                         "D1,Da,da@example.org\n");
    ProcessResult result = importRoster({path.string()});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err,
              "meetscan: error: " + path.string() + ":4:1: badge code \"D1\" is already used on line 2\n");
    EXPECT_TRUE(result.out.empty());
    expectUntouched(3);
}

// The roster is mapped into memory, so a file cut short while it is read (another program, a
// USB stick pulled out) raises SIGBUS: the import must end with a clear error and leave nothing.
TEST_F(ImportCli, RosterCutShortWhileImportingIsAnErrorAndImportsNothing) {
    ASSERT_EQ(importRoster({sample("generic_semicolon.csv")}).exitCode, 0);
    TempDir files;
    std::string csv = "code,first_name,email\n";
    constexpr int kRows = 200'000;
    for (int i = 0; i < kRows; ++i)
        csv += "CUT" + std::to_string(i) + ",Name" + std::to_string(i) + ",p" + std::to_string(i) + "@example.org\n";
    const auto path = files.write("long.csv", csv);
    BackgroundProcess import(meetscanCommand({"--db", db(), "import", "roster", path.string(), "--consent-default", "yes"}),
                             files / "import");
    // The rows are written in a second pass over the file, in a transaction whose rollback
    // journal exists from its first write (a large import leaves the WAL for one): cut the file
    // to its header once that pass can have begun.
    const fs::path journal = db() + "-journal";
    const auto started = std::chrono::steady_clock::now();
    while (!fs::exists(journal) && std::chrono::steady_clock::now() - started < std::chrono::seconds(60))
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    fs::resize_file(path, 22);
    const int exitCode = import.wait();
    ASSERT_NE(exitCode, 0) << "the import finished before the file was cut; make the roster longer";
    EXPECT_EQ(exitCode, 1);
    EXPECT_EQ(import.err(), "meetscan: error: the file being imported changed or became unreadable while it was "
                            "read; nothing was imported\n");
    expectUntouched(3);
    EXPECT_EQ(run({"stats", "--json"}).exitCode, 0);
}

TEST_F(ImportCli, UnknownPresetAndMapErrors) {
    ProcessResult preset = importRoster({sample("generic_semicolon.csv"), "--preset", "ticketmaster"});
    EXPECT_EQ(preset.exitCode, 2);
    EXPECT_EQ(preset.err,
              "meetscan: error: unknown preset \"ticketmaster\" (choose auto, pretix, eventbrite, "
              "hievents or generic)\n");
    ProcessResult field = importRoster({sample("generic_semicolon.csv"), "--map", "shoe=Phone"});
    EXPECT_EQ(field.exitCode, 2);
    EXPECT_NE(field.err.find("unknown field \"shoe\""), std::string::npos) << field.err;
    ProcessResult column = importRoster({sample("generic_semicolon.csv"), "--map", "phone=Mobile"});
    EXPECT_EQ(column.exitCode, 2);
    EXPECT_NE(column.err.find("no column \"Mobile\""), std::string::npos) << column.err;
    ProcessResult malformed = importRoster({sample("generic_semicolon.csv"), "--map", "phone"});
    EXPECT_EQ(malformed.exitCode, 2);
    EXPECT_NE(malformed.err.find("expected FIELD=COLUMN"), std::string::npos) << malformed.err;
    expectUntouched(0);
}

TEST_F(ImportCli, MapOverridesBeforeOrAfterTheFile) {
    TempDir files;
    auto path =
        files.write("custom.csv", "Ticket Nr;Vorname;Nachname;Firma;Scan OK\nT-1;Jürgen;Müller;Bosch;nein\n");
    ProcessResult result =
        importRoster({"--map", "badge_code=Ticket Nr", path.string(), "--map", "first_name=Vorname", "--map",
                      "last_name=Nachname", "--map", "company=Firma", "--map", "consent_exhibitors=Scan OK"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    auto rows = attendeeRows();
    ASSERT_EQ(rows.size(), 1U);
    EXPECT_EQ(rows[0]["first_name"], "Jürgen");
    EXPECT_EQ(rows[0]["company"], "Bosch");
    EXPECT_EQ(rows[0]["consent_exhibitors"], false);
}

TEST_F(ImportCli, SkipBadRowsImportsTheRestAndListsEachSkippedRow) {
    TempDir files;
    auto path = files.write("mixed.csv", "code,first_name,email,consent_networking\n"
                                         "S1,Sam,sam@example.org,yes\n"
                                         ",Nobody,nobody@example.org,\n"
                                         "S1,Twin,twin@example.org,\n"
                                         "S4,Sue,sue@example.org,perhaps\n"
                                         "S5,Sid,sid@example.org,no\n");
    ProcessResult strict = importRoster({path.string()});
    EXPECT_EQ(strict.exitCode, 2);
    EXPECT_EQ(strict.err,
              "meetscan: error: " + path.string() + ":3:1: missing badge code (column \"code\")\n");
    expectUntouched(0);

    ProcessResult result = importRoster({path.string(), "--skip-bad-rows"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.err.find("meetscan: skipped " + path.string() + ":3:1: missing badge code"),
              std::string::npos)
        << result.err;
    EXPECT_NE(result.err.find(path.string() + ":4:1: badge code \"S1\" is already used on line 2"),
              std::string::npos);
    EXPECT_NE(result.err.find(path.string() + ":5:4: \"perhaps\" is not a consent value"), std::string::npos);
    EXPECT_NE(result.out.find("imported 2 attendees"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("3 bad rows skipped"), std::string::npos) << result.out;
    auto people = attendeesByEmail();
    ASSERT_EQ(people.size(), 2U);
    EXPECT_EQ(people["sam@example.org"]["first_name"], "Sam");
    EXPECT_EQ(people.count("twin@example.org"), 0U);
}

TEST_F(ImportCli, ExhibitorsFromCsvAndToml) {
    ProcessResult csv = run({"import", "exhibitors", sample("exhibitors.csv")});
    ASSERT_EQ(csv.exitCode, 0) << csv.err;
    EXPECT_NE(csv.out.find("imported 2 exhibitors"), std::string::npos) << csv.out;
    ProcessResult toml = run({"import", "exhibitors", sample("exhibitors.toml")});
    ASSERT_EQ(toml.exitCode, 0) << toml.err;
    EXPECT_NE(toml.out.find("imported 2 exhibitors"), std::string::npos) << toml.out;
    ProcessResult listed = run({"exhibitors", "list", "--json"});
    ASSERT_EQ(listed.exitCode, 0) << listed.err;
    std::map<std::string, nlohmann::json> byId;
    std::istringstream lines(listed.out);
    for (std::string line; std::getline(lines, line);)
        if (!line.empty()) {
            auto row = nlohmann::json::parse(line);
            byId[row["id"].get<std::string>()] = row;
        }
    ASSERT_EQ(byId.size(), 3U); // acme (updated from TOML), nordic, sakura
    EXPECT_EQ(byId["acme"]["booth"], "B12");
    EXPECT_EQ(byId["sakura"]["name"], "桜 Robotics");
}

TEST_F(ImportCli, BadExhibitorFileLeavesTheDatabaseAsItWas) {
    TempDir files;
    auto path =
        files.write("ex.toml", "[[exhibitor]]\nid = \"a\"\nname = \"A\"\n[[exhibitor]]\nid = \"a\"\nname = "
                               "\"B\"\n");
    ProcessResult result = run({"import", "exhibitors", path.string()});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err, "meetscan: error: " + path.string() + ":5:6: exhibitor id \"a\" is used twice\n");
    EXPECT_EQ(run({"exhibitors", "list"}).out, "");
    ProcessResult missing = run({"import", "exhibitors", (m_dir / "none.toml").string()});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_EQ(missing.err.rfind("meetscan: error: cannot open ", 0), 0U) << missing.err;
}

} // namespace
} // namespace meetscan::test
