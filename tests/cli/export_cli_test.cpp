// `meetscan export leads`: the files a CRM imports, checked by Python's strict csv reader and
// by openpyxl: the OWASP formula rule in CSV (phone numbers pass as they are), typed XLSX cells,
// and times in the event's zone (Europe/Berlin in the fixture).
#include "cli/export_cli_fixture.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace meetscan::test {
namespace {

// Prints the rows as JSON after a strict RFC 4180 parse.
constexpr const char* kReadCsv = R"(
import csv, json, sys
raw = open(sys.argv[1], 'rb').read()
assert raw.startswith(b'\xef\xbb\xbf'), 'no BOM'
body = raw[3:]
text = body.decode('utf-8')
rows = list(csv.reader(text.splitlines(keepends=True), delimiter=sys.argv[2], strict=True))
assert raw.endswith(b'\r\n'), 'last line not CRLF'
print(json.dumps(rows))
)";

// Rows as JSON, each cell as [type, value]: 's' strings, 'd' date-times (ISO text), 'n'
// numbers, 'f' formulas (which we must never write).
constexpr const char* kReadXlsx = R"(
import datetime, json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['Leads']
rows = []
for row in ws.iter_rows():
    cells = []
    for c in row:
        if c.value is None:
            cells.append(['', ''])
        elif isinstance(c.value, datetime.datetime):
            cells.append(['d', c.value.isoformat()])
        else:
            cells.append([c.data_type, c.value])
    rows.append(cells)
print(json.dumps({'rows': rows, 'freeze': ws.freeze_panes, 'bold': ws['A1'].font.b,
                  'width': ws.column_dimensions['A'].width, 'date_format': ws['A2'].number_format}))
)";

class ExportLeadsCli : public ::testing::Test {
protected:
    void SetUp() override {
        if (!havePythonModule("csv"))
            GTEST_SKIP() << "python3 is not installed (its strict csv reader checks our files)";
        m_ids = buildExportEvent(m_db);
    }
    ProcessResult run(std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", m_db.string(), "export", "leads"});
        return runMeetscan(args);
    }
    static nlohmann::json rowsOf(const ProcessResult& python) { return nlohmann::json::parse(python.out); }
    static std::size_t column(const nlohmann::json& header, const std::string& name) {
        for (std::size_t i = 0; i < header.size(); ++i)
            if (header[i] == name)
                return i;
        ADD_FAILURE() << "no column " << name;
        return 0;
    }

    TempDir m_dir;
    std::filesystem::path m_db = m_dir / "event.db";
    ExportPeople m_ids;
};

TEST_F(ExportLeadsCli, CsvIsStrictRfc4180WithEveryColumn) {
    const auto out = m_dir / "acme.csv";
    auto result = run({"--exhibitor", "acme", "--format", "csv", "--out", out.string()});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("4 leads"), std::string::npos) << result.out;
    auto python = runPython(kReadCsv, {out.string(), ","});
    ASSERT_EQ(python.exitCode, 0) << python.err;
    const auto rows = rowsOf(python);
    ASSERT_EQ(rows.size(), 5U); // header + boris, wang, evil, ana; no refuser, no erased person
    const std::vector<std::string> expected{"First scan (Europe/Berlin)", "Last scan (Europe/Berlin)", "First name",
                                            "Last name", "Company",
                                            "Title", "E-mail", "Phone", "Country", "Rating", "Tags",
                                            "Budget?", "Timeline, please", "Note", "Staff member", "Station"};
    EXPECT_EQ(rows[0].get<std::vector<std::string>>(), expected);
    const auto& boris = rows[1];
    EXPECT_EQ(boris[2], "Борис");
    EXPECT_EQ(boris[3], "Иванов");
    EXPECT_EQ(boris[0], "2026-11-18 12:06 +01:00"); // 11:06:41 UTC, in Berlin, with its offset
    EXPECT_EQ(boris[1], "2026-11-18 12:06 +01:00");
    EXPECT_EQ(boris[7], "+1 555 0102"); // a phone number cannot run as a formula: no guard quote
    EXPECT_EQ(boris[9], "hot");
    EXPECT_EQ(boris[10], "follow up; demo");
    EXPECT_EQ(boris[11], ">10k");
    EXPECT_EQ(boris[12], "Q1, 2027");
    EXPECT_EQ(boris[13], "Wants a demo;\nline two");
    EXPECT_EQ(boris[14], "Sam Staff");
    EXPECT_FALSE(boris[15].get<std::string>().empty());
    EXPECT_EQ(rows[2][3], "王");
    const auto& evil = rows[3];
    EXPECT_EQ(evil[2], "'=HYPERLINK(\"http://x\")");
    EXPECT_EQ(evil[3], "'-2");
    EXPECT_EQ(evil[4], "'+1 555");
    EXPECT_EQ(evil[5], "'@SUM(A1)");
    EXPECT_EQ(evil[7], "'\tTAB");
    EXPECT_EQ(evil[13], "'=1+2");
    EXPECT_EQ(rows[4][4], "Acme, \"Quoted\" Ltd");
    EXPECT_EQ(python.out.find("Refuser"), std::string::npos);
    EXPECT_EQ(python.out.find("Erased"), std::string::npos);
}

TEST_F(ExportLeadsCli, SemicolonDelimiterAndPresets) {
    const auto out = m_dir / "sf.csv";
    auto result =
        run({"--exhibitor", "acme", "--format", "csv", "--preset", "salesforce", "--delimiter", ";", "--out", out.string()});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    auto python = runPython(kReadCsv, {out.string(), ";"});
    ASSERT_EQ(python.exitCode, 0) << python.err;
    auto rows = rowsOf(python);
    ASSERT_EQ(rows.size(), 5U);
    for (const char* name : {"First Name", "Last Name", "Company", "Title", "Email", "Phone", "Country", "Rating",
                             "Lead Source", "Description"})
        column(rows[0], name);
    EXPECT_EQ(rows[1][column(rows[0], "Rating")], "Hot");
    EXPECT_EQ(rows[1][column(rows[0], "Lead Source")], "Trade Show");
    EXPECT_EQ(rows[1][column(rows[0], "Description")], "Wants a demo;\nline two");
    EXPECT_EQ(rows[1][column(rows[0], "Phone")], "+1 555 0102"); // as Salesforce imports it
    EXPECT_EQ(rows[3][column(rows[0], "Phone")], "'\tTAB");       // not a phone number: guarded
    EXPECT_EQ(rows[3][column(rows[0], "Company")], "'+1 555");    // too few digits for a phone number
    EXPECT_EQ(rows[1][column(rows[0], "First Scan (Europe/Berlin)")], "2026-11-18 12:06 +01:00");

    const auto hub = m_dir / "hub.csv";
    result = run({"--exhibitor", "acme", "--format", "csv", "--preset", "hubspot", "--out", hub.string()});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    python = runPython(kReadCsv, {hub.string(), ","});
    ASSERT_EQ(python.exitCode, 0) << python.err;
    rows = rowsOf(python);
    for (const char* name : {"First Name", "Last Name", "Email", "Phone Number", "Company Name", "Job Title",
                             "Country/Region"})
        column(rows[0], name);
    EXPECT_EQ(rows[1][column(rows[0], "Email")], "BO02@example.org");
    EXPECT_EQ(rows[1][column(rows[0], "Phone Number")], "+1 555 0102"); // as HubSpot imports it
    EXPECT_EQ(rows[3][column(rows[0], "Notes")], "'=1+2");
}

TEST_F(ExportLeadsCli, XlsxCellsAreTypedStringsAndLocalDateTimes) {
    if (!havePythonModule("openpyxl"))
        GTEST_SKIP() << "python3 openpyxl is not installed";
    const auto out = m_dir / "acme.xlsx";
    auto result = run({"--exhibitor", "acme", "--format", "xlsx", "--preset", "salesforce", "--out", out.string()});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_FALSE(std::filesystem::exists(m_dir / "acme.xlsx.tmp"));
    auto python = runPython(kReadXlsx, {out.string()});
    ASSERT_EQ(python.exitCode, 0) << python.err;
    const auto json = nlohmann::json::parse(python.out);
    EXPECT_EQ(json["freeze"], "A2");
    EXPECT_EQ(json["bold"], true);
    const auto& rows = json["rows"];
    ASSERT_EQ(rows.size(), 5U);
    std::vector<std::string> header;
    for (const auto& cell : rows[0]) {
        EXPECT_EQ(cell[0], "s");
        header.push_back(cell[1]);
    }
    auto at = [&](std::size_t row, const std::string& name) { return rows[row][column(header, name)]; };
    auto cell = [](const char* type, const char* value) { return nlohmann::json::array({type, value}); };
    // Times are date-time cells in the event's zone (the header names it), not text.
    EXPECT_EQ(at(1, "First Scan (Europe/Berlin)"), cell("d", "2026-11-18T12:06:41"));
    EXPECT_EQ(at(1, "Last Scan (Europe/Berlin)"), cell("d", "2026-11-18T12:06:41"));
    EXPECT_EQ(at(4, "First Scan (Europe/Berlin)"), cell("d", "2026-11-18T12:06:46"));
    EXPECT_EQ(at(1, "First Name"), cell("s", "Борис"));
    // A string cell never runs as a formula: every text is written exactly, with no guard quote.
    EXPECT_EQ(at(1, "Phone"), cell("s", "+1 555 0102"));
    EXPECT_EQ(at(3, "First Name"), cell("s", "=HYPERLINK(\"http://x\")"));
    EXPECT_EQ(at(3, "Last Name"), cell("s", "-2"));
    EXPECT_EQ(at(3, "Company"), cell("s", "+1 555"));
    EXPECT_EQ(at(3, "Title"), cell("s", "@SUM(A1)"));
    EXPECT_EQ(at(3, "Phone"), cell("s", "\tTAB"));
    EXPECT_EQ(at(3, "Description"), cell("s", "=1+2"));
    EXPECT_EQ(at(2, "Last Name"), cell("s", "王"));
    for (const auto& row : rows)
        for (const auto& c : row)
            EXPECT_TRUE(c[0] == "s" || c[0] == "d" || c[0] == "") << c;
    // The plain preset starts with the times: wide enough for them, a date format on them.
    const auto plain = m_dir / "plain.xlsx";
    result = run({"--exhibitor", "acme", "--format", "xlsx", "--out", plain.string()});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    python = runPython(kReadXlsx, {plain.string()});
    ASSERT_EQ(python.exitCode, 0) << python.err;
    const auto plainJson = nlohmann::json::parse(python.out);
    EXPECT_GT(plainJson["width"].get<double>(), 18.0);
    EXPECT_EQ(plainJson["date_format"], "yyyy-mm-dd hh:mm");
    EXPECT_EQ(plainJson["rows"][1][0], cell("d", "2026-11-18T12:06:41"));
}

TEST_F(ExportLeadsCli, UnknownExhibitorIsBadInput) {
    auto result = run({"--exhibitor", "nobody", "--format", "csv", "--out", (m_dir / "x.csv").string()});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err.rfind("meetscan: error: unknown exhibitor 'nobody'", 0), 0U) << result.err;
    EXPECT_FALSE(std::filesystem::exists(m_dir / "x.csv"));
    result = run({"--exhibitor", "acme", "--format", "csv", "--preset", "zoho", "--out", (m_dir / "x.csv").string()});
    EXPECT_EQ(result.exitCode, 2);
}

TEST_F(ExportLeadsCli, NoLeadsGiveTheHeaderOnly) {
    {
        auto store = core::Store::open(m_db);
        ASSERT_TRUE(store.ok());
        core::Exhibitor quiet;
        quiet.id = "quiet";
        quiet.name = "Quiet Booth";
        ASSERT_TRUE((*store)->exhibitors().importAll({quiet}).ok());
    }
    const auto out = m_dir / "quiet.csv";
    auto result = run({"--exhibitor", "quiet", "--format", "csv", "--out", out.string()});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    auto python = runPython(kReadCsv, {out.string(), ","});
    ASSERT_EQ(python.exitCode, 0) << python.err;
    EXPECT_EQ(rowsOf(python).size(), 1U);
}

} // namespace
} // namespace meetscan::test
