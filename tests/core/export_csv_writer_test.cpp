// The CSV writer round-trips through our strict RFC 4180 reader, and the formula rule.
#include "core/export/csv_writer.hpp"
#include "core/roster/csv_reader.hpp"

#include <gtest/gtest.h>

namespace meetscan::core {
namespace {

TEST(ExportCsvWriter, NeutralisesEveryOwaspLeadCharacter) {
    for (const std::string cell : {"=HYPERLINK(\"x\")", "+1 555", "-2", "@SUM(A1)", "\tx", "\rx", "\nx"})
        EXPECT_EQ(neutraliseFormula(cell), "'" + cell) << cell;
    for (const std::string cell : {"", "Ana", "1-2", "a=b", " =x", "'quoted", "Борис"})
        EXPECT_EQ(neutraliseFormula(cell), cell) << cell;
}

// Salesforce and HubSpot import a phone number as it is written: one that could only ever be a
// sum, never a name, reference or function, keeps no guard quote.
TEST(ExportCsvWriter, PhoneNumbersPassUnguardedAndNothingElseDoes) {
    for (const std::string phone : {"+44 20 7946 0958", "+1 (555) 010-0100", "+49.30.1234567", "(030) 1234567",
                                    "+351912345678", "0049 30 12345678"}) {
        EXPECT_TRUE(isPhoneNumber(phone)) << phone;
        EXPECT_EQ(neutraliseFormula(phone), phone) << phone;
    }
    for (const std::string cell : {"+1 555", "+44 20 7946 0958 ext 12", "+44 20 7946 0958;", "-1234567",
                                   "+-1234567", "+1234567+1", "=1234567", "@1234567", "+1 555 0100\n=1+2",
                                   "+1234567890123456789012", "+(555)010,0100", "+A1234567"}) {
        EXPECT_FALSE(isPhoneNumber(cell)) << cell;
        EXPECT_EQ(neutraliseFormula(cell), "'" + cell) << cell;
    }
}

TEST(ExportCsvWriter, QuotesOnlyWhatNeedsItAndEndsLinesWithCrlf) {
    CsvWriter csv(',', false);
    csv.row({"a", "b,c", "say \"hi\"", "two\nlines", "x;y"});
    EXPECT_EQ(csv.text(), "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",x;y\r\n");
    CsvWriter semicolons(';', true);
    semicolons.row({"x;y", "b,c"});
    EXPECT_EQ(semicolons.text(), "\xEF\xBB\xBF\"x;y\";b,c\r\n");
}

TEST(ExportCsvWriter, RoundTripsThroughTheStrictReader) {
    const std::vector<std::vector<std::string>> rows{
        {"name", "note", "phone"}, {"王 小明", "a,b \"c\"\r\nd", "+1 555"}, {"Борис", "", "=1+2"}};
    CsvWriter csv(';');
    for (const auto& row : rows)
        csv.row(row);
    CsvReader reader(csv.text(), ';');
    CsvRecord record;
    std::vector<std::vector<std::string>> read;
    while (reader.next(record) == CsvStatus::Record)
        read.emplace_back(record.fields.begin(), record.fields.end());
    EXPECT_TRUE(reader.hadBom());
    ASSERT_EQ(read.size(), 3U);
    EXPECT_EQ(read[1][0], "王 小明");
    EXPECT_EQ(read[1][1], "a,b \"c\"\r\nd");
    EXPECT_EQ(read[1][2], "'+1 555");
    EXPECT_EQ(read[2][2], "'=1+2");
}

} // namespace
} // namespace meetscan::core
