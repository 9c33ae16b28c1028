// `meetscan export leads`: the files a CRM imports, checked by Python's strict csv reader and
// by openpyxl, and the OWASP formula rule in both formats.
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

constexpr const char* kReadXlsx = R"(
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['Leads']
rows = []
for row in ws.iter_rows():
    for c in row:
        assert c.value is None or c.data_type == 's', (c.coordinate, c.data_type, c.value)
    rows.append(['' if c.value is None else c.value for c in row])
print(json.dumps({'rows': rows, 'freeze': ws.freeze_panes, 'bold': ws['A1'].font.b,
                  'width': ws.column_dimensions['A'].width}))
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
    const std::vector<std::string> expected{"First scan", "Last scan", "First name", "Last name", "Company",
                                            "Title", "E-mail", "Phone", "Country", "Rating", "Tags",
                                            "Budget?", "Timeline, please", "Note", "Staff member", "Station"};
    EXPECT_EQ(rows[0].get<std::vector<std::string>>(), expected);
    const auto& boris = rows[1];
    EXPECT_EQ(boris[2], "Борис");
    EXPECT_EQ(boris[3], "Иванов");
    EXPECT_EQ(boris[0], "2026-11-18T11:06:41.000Z");
    EXPECT_EQ(boris[7], "'+1 555 0102"); // a phone number starting with + is neutralised too
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
}

TEST_F(ExportLeadsCli, XlsxOpensInOpenpyxlWithTextCellsAndFrozenHeader) {
    if (!havePythonModule("openpyxl"))
        GTEST_SKIP() << "python3 openpyxl is not installed";
    const auto out = m_dir / "acme.xlsx";
    auto result = run({"--exhibitor", "acme", "--format", "xlsx", "--out", out.string()});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_FALSE(std::filesystem::exists(m_dir / "acme.xlsx.tmp"));
    auto python = runPython(kReadXlsx, {out.string()});
    ASSERT_EQ(python.exitCode, 0) << python.err;
    const auto json = nlohmann::json::parse(python.out);
    EXPECT_EQ(json["freeze"], "A2");
    EXPECT_EQ(json["bold"], true);
    EXPECT_GT(json["width"].get<double>(), 20.0); // ISO times fit
    const auto& rows = json["rows"];
    ASSERT_EQ(rows.size(), 5U);
    EXPECT_EQ(rows[0][2], "First name");
    EXPECT_EQ(rows[1][2], "Борис");
    EXPECT_EQ(rows[1][7], "'+1 555 0102");
    EXPECT_EQ(rows[2][3], "王");
    EXPECT_EQ(rows[3][2], "'=HYPERLINK(\"http://x\")");
    EXPECT_EQ(rows[3][3], "'-2");
    EXPECT_EQ(rows[3][5], "'@SUM(A1)");
    EXPECT_EQ(rows[3][13], "'=1+2");
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
