#include "core/roster/exhibitor_import.hpp"
#include "support/temp_dir.hpp"

#include <filesystem>
#include <gtest/gtest.h>

namespace meetscan::core {
namespace {

std::string sample(const std::string& name) {
    return test::readFile(std::filesystem::path(MEETSCAN_SOURCE_DIR) / "tests" / "data" / "roster" / name);
}

std::string errorOf(const Expected<std::vector<Exhibitor>>& result) {
    EXPECT_FALSE(result);
    return result ? std::string{} : result.error().message;
}

TEST(QuestionSlug, LowerCaseAsciiJoinedByUnderscores) {
    EXPECT_EQ(questionSlug("Budget?"), "budget");
    EXPECT_EQ(questionSlug("  Use case / timeline (2025) "), "use_case_timeline_2025");
    EXPECT_EQ(questionSlug("ご興味は？"), "");
}

TEST(ExhibitorImport, CsvWithTagsQuestionsAndOptions) {
    auto result = parseExhibitors(sample("exhibitors.csv"), "exhibitors.csv");
    ASSERT_TRUE(result) << result.error().message;
    ASSERT_EQ(result->size(), 2U);
    const Exhibitor& acme = (*result)[0];
    EXPECT_EQ(acme.id, "acme");
    EXPECT_EQ(acme.name, "ACME Corp, Inc.");
    EXPECT_EQ(acme.booth, "B12");
    EXPECT_EQ(acme.tags, (std::vector<std::string>{"partner", "hot lead"}));
    ASSERT_EQ(acme.questions.size(), 3U);
    EXPECT_EQ(acme.questions[0].id, "budget");
    EXPECT_EQ(acme.questions[0].text, "Budget?");
    EXPECT_EQ(acme.questions[0].options, (std::vector<std::string>{"<10k", "10-50k", ">50k"}));
    EXPECT_EQ(acme.questions[1].id, "use_case");
    EXPECT_TRUE(acme.questions[1].options.empty());
    EXPECT_EQ(acme.questions[2].options, (std::vector<std::string>{"Q1", "Q2", "H2"}));
    EXPECT_TRUE((*result)[1].tags.empty());
    EXPECT_EQ((*result)[1].questions[0].id, "which_product_line");
}

TEST(ExhibitorImport, TomlWithQuestionTables) {
    auto result = parseExhibitors(sample("exhibitors.toml"), "exhibitors.toml");
    ASSERT_TRUE(result) << result.error().message;
    ASSERT_EQ(result->size(), 2U);
    const Exhibitor& acme = (*result)[0];
    EXPECT_EQ(acme.tags, (std::vector<std::string>{"partner", "hot lead"}));
    ASSERT_EQ(acme.questions.size(), 2U);
    EXPECT_EQ(acme.questions[0].id, "budget");
    EXPECT_EQ(acme.questions[0].options.size(), 3U);
    EXPECT_EQ(acme.questions[1].id, "use_case");
    const Exhibitor& sakura = (*result)[1];
    EXPECT_EQ(sakura.name, "桜 Robotics");
    ASSERT_EQ(sakura.questions.size(), 1U);
    EXPECT_EQ(sakura.questions[0].id, "q1"); // no ASCII letters to make a slug of
}

TEST(ExhibitorImport, CsvErrorsSayWhere) {
    EXPECT_EQ(errorOf(parseExhibitorsCsv("id,name\nacme,ACME\nacme,Other\n", "x.csv")),
              "x.csv:3:1: exhibitor id \"acme\" is used twice");
    EXPECT_EQ(errorOf(parseExhibitorsCsv("id,name\nacme,\n", "x.csv")),
              "x.csv:2:2: exhibitor \"acme\" has no name");
    EXPECT_EQ(errorOf(parseExhibitorsCsv("id,name\n,ACME\n", "x.csv")), "x.csv:2:1: missing exhibitor id");
    EXPECT_EQ(errorOf(parseExhibitorsCsv("", "x.csv")), "x.csv: the file is empty");
    std::string noId = errorOf(parseExhibitorsCsv("name,booth\nACME,B1\n", "x.csv"));
    EXPECT_NE(noId.find("needs the columns id and name"), std::string::npos);
    EXPECT_NE(noId.find("\"name\", \"booth\""), std::string::npos);
    std::string latin1 = errorOf(parseExhibitorsCsv("id,name\nacme,Soci\xE9t\xE9\n", "x.csv"));
    EXPECT_EQ(latin1.rfind("x.csv:2:2: invalid UTF-8", 0), 0U) << latin1;
    // derived ids never clash: the second "budget" becomes budget_2
    auto twice = parseExhibitorsCsv("id,name,questions\nacme,ACME,Budget|budget?\n", "x.csv");
    ASSERT_TRUE(twice);
    EXPECT_EQ((*twice)[0].questions[1].id, "budget_2");
}

TEST(ExhibitorImport, TomlErrorsSayWhere) {
    std::string syntax = errorOf(parseExhibitorsToml("[[exhibitor]]\nid = \"acme\nname = \"x\"\n", "e.toml"));
    EXPECT_EQ(syntax.rfind("e.toml:2:", 0), 0U) << syntax;
    EXPECT_EQ(errorOf(parseExhibitorsToml("[[exhibitor]]\nid = \"acme\"\nnmae = \"ACME\"\n", "e.toml")),
              "e.toml:3:1: unknown key \"nmae\" (known: id, name, booth, tags, question, contact_emails, website, "
              "follow_up)");
    EXPECT_EQ(errorOf(parseExhibitorsToml("[[exhibitor]]\nid = 7\nname = \"ACME\"\n", "e.toml")),
              "e.toml:2:6: id must be a string");
    EXPECT_EQ(
        errorOf(parseExhibitorsToml(
            "[[exhibitor]]\nid = \"a\"\nname = \"A\"\n[[exhibitor]]\nid = \"a\"\nname = \"B\"\n", "e.toml")),
        "e.toml:5:6: exhibitor id \"a\" is used twice");
    EXPECT_EQ(errorOf(parseExhibitorsToml("title = \"x\"\n", "e.toml")),
              "e.toml:1:1: unknown key \"title\" (known: exhibitor)");
    EXPECT_EQ(errorOf(parseExhibitorsToml(
                  "[[exhibitor]]\nid = \"a\"\nname = \"A\"\n[[exhibitor.question]]\nid = "
                  "\"q\"\ntext = \"One\"\n[[exhibitor.question]]\nid = \"q\"\ntext = \"Two\"\n",
                  "e.toml")),
              "e.toml:8:6: question id \"q\" is used twice in exhibitor \"a\"");
    EXPECT_EQ(errorOf(parseExhibitorsToml("", "e.toml")), "e.toml: no [[exhibitor]] tables in the file");
}

TEST(ExhibitorImport, ContactAddressesWebsiteAndFollowUpLinkFromCsvAndToml) {
    auto csv = parseExhibitors("id,name,contact_emails,website,follow_up\n"
                               "acme,Acme,sales@acme.example|ceo@acme.example,https://acme.example,"
                               "https://acme.example/demo?utm=meetscan\n",
                               "x.csv");
    ASSERT_TRUE(csv) << csv.error().message;
    const ExhibitorContact expected{{"sales@acme.example", "ceo@acme.example"}, "https://acme.example",
                                    "https://acme.example/demo?utm=meetscan"};
    EXPECT_EQ((*csv)[0].contact, expected);
    auto toml = parseExhibitors("[[exhibitor]]\nid = \"acme\"\nname = \"Acme\"\n"
                                "contact_emails = [\"sales@acme.example\", \"ceo@acme.example\"]\n"
                                "website = \"https://acme.example\"\n"
                                "follow_up = \"https://acme.example/demo?utm=meetscan\"\n",
                                "x.toml");
    ASSERT_TRUE(toml) << toml.error().message;
    EXPECT_EQ((*toml)[0].contact, expected);
}

// These reach mail headers, HTML bodies and PDFs: a header smuggled into an address, or a
// script posing as a link, is stopped at the door.
TEST(ExhibitorImport, ContactFieldsThatAreNotAddressesOrLinksAreRefusedWithWhere) {
    EXPECT_EQ(errorOf(parseExhibitors("[[exhibitor]]\nid = \"a\"\nname = \"A\"\n"
                                      "contact_emails = [\"x@a.example\\r\\nBcc: all@victims.example\"]\n",
                                      "x.toml")),
              "x.toml:4:18: \"x@a.example\r\nBcc: all@victims.example\" is not an e-mail address (name@example.org)");
    EXPECT_EQ(errorOf(parseExhibitors("id,name,website\na,A,javascript:alert(1)\n", "x.csv")),
              "x.csv:2:3: website \"javascript:alert(1)\" is not an http:// or https:// link");
    EXPECT_EQ(errorOf(parseExhibitors("id,name,follow_up\na,A,\"https://a.example/\"\"><script>\"\n", "x.csv")),
              "x.csv:2:3: follow_up \"https://a.example/\"><script>\" is not an http:// or https:// link");
    EXPECT_FALSE(parseExhibitors("id,name,email\na,A,Sales <sales@a.example>\n", "x.csv"));
    EXPECT_EQ(errorOf(parseExhibitors("id,name\n../../x,A\n", "x.csv")),
              "x.csv:2:1: exhibitor id \"../../x\" may not hold / or \\");
    EXPECT_FALSE(parseExhibitors("id,name,website\na,A,https://user:pw@a.example\n", "x.csv"));
}

} // namespace
} // namespace meetscan::core
