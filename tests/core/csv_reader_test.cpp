#include "core/roster/csv_reader.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace meetscan::core {
namespace {

using Rows = std::vector<std::vector<std::string>>;

Rows readAll(std::string_view text, char delimiter = 0) {
    CsvReader reader(text, delimiter);
    CsvRecord record;
    Rows rows;
    for (;;) {
        CsvStatus status = reader.next(record);
        if (status == CsvStatus::End)
            break;
        EXPECT_EQ(status, CsvStatus::Record)
            << reader.error().line << ":" << reader.error().column << ": " << reader.error().reason;
        if (status != CsvStatus::Record)
            break;
        rows.emplace_back(record.fields.begin(), record.fields.end());
    }
    return rows;
}

// Reads until the first error and returns it; fails the test when there is none.
CsvError firstError(std::string_view text) {
    CsvReader reader(text);
    CsvRecord record;
    for (;;) {
        CsvStatus status = reader.next(record);
        if (status == CsvStatus::Error)
            return reader.error();
        if (status == CsvStatus::End) {
            ADD_FAILURE() << "no error in: " << text;
            return {};
        }
    }
}

TEST(CsvReader, SimpleRecordsWithLfCrlfAndCr) {
    Rows expected{{"a", "b"}, {"1", "2"}, {"3", "4"}};
    EXPECT_EQ(readAll("a,b\n1,2\n3,4\n"), expected);
    EXPECT_EQ(readAll("a,b\r\n1,2\r\n3,4\r\n"), expected);
    EXPECT_EQ(readAll("a,b\r1,2\r3,4"), expected);
    EXPECT_EQ(readAll("a,b\n1,2\n3,4"), expected);
}

TEST(CsvReader, QuotedFieldsKeepDelimitersQuotesAndLineBreaks) {
    Rows rows = readAll("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\n");
    ASSERT_EQ(rows.size(), 2U);
    EXPECT_EQ(rows[1], (std::vector<std::string>{"x, y", "say \"hi\"", "two\r\nlines"}));
}

TEST(CsvReader, EmptyFieldsAndTrailingDelimiter) {
    EXPECT_EQ(readAll("a,b,c\n,,\n\"\",x,\n"), (Rows{{"a", "b", "c"}, {"", "", ""}, {"", "x", ""}}));
}

TEST(CsvReader, SkipsBomAndEmptyLines) {
    CsvReader reader("\xEF\xBB\xBF"
                     "a;b\n\n1;2\n\r\n");
    CsvRecord record;
    ASSERT_EQ(reader.next(record), CsvStatus::Record);
    EXPECT_TRUE(reader.hadBom());
    EXPECT_EQ(reader.delimiter(), ';');
    EXPECT_EQ(record.fields[0], "a");
    ASSERT_EQ(reader.next(record), CsvStatus::Record);
    EXPECT_EQ(record.line, 3U);
    EXPECT_EQ(record.fields[1], "2");
    EXPECT_EQ(reader.next(record), CsvStatus::End);
}

TEST(CsvReader, DetectsDelimiterOutsideQuotes) {
    EXPECT_EQ(detectDelimiter("a,b,c\n"), ',');
    EXPECT_EQ(detectDelimiter("a;b;c\n"), ';');
    EXPECT_EQ(detectDelimiter("a\tb\tc\n"), '\t');
    EXPECT_EQ(detectDelimiter("\"x,y,z\";b\n"), ';');
    EXPECT_EQ(detectDelimiter("single\n1,2,3,4\n"), ',');
    EXPECT_EQ(detectDelimiter("a;b,c;d\n"), ';');
}

TEST(CsvReader, ReportsPhysicalLinesOfRecordsAndFields) {
    CsvReader reader("h1,h2\n\"multi\nline\",after\nnext,row\n");
    CsvRecord record;
    ASSERT_EQ(reader.next(record), CsvStatus::Record);
    ASSERT_EQ(reader.next(record), CsvStatus::Record);
    EXPECT_EQ(record.line, 2U);
    EXPECT_EQ(record.fieldLines, (std::vector<std::size_t>{2, 3}));
    ASSERT_EQ(reader.next(record), CsvStatus::Record);
    EXPECT_EQ(record.line, 4U);
}

TEST(CsvReader, QuoteInsideUnquotedFieldIsLiteral) {
    EXPECT_EQ(readAll("a,b\n37\"N,x\n"), (Rows{{"a", "b"}, {"37\"N", "x"}}));
}

TEST(CsvReader, UnterminatedQuoteIsFatalAtItsStart) {
    CsvError error = firstError("a,b\n1,2\n3,\"open\n4,5\n");
    EXPECT_TRUE(error.fatal);
    EXPECT_EQ(error.line, 3U);
    EXPECT_EQ(error.column, 2U);
    EXPECT_NE(error.reason.find("unterminated"), std::string::npos);
}

TEST(CsvReader, TextAfterClosingQuoteIsARecordError) {
    CsvReader reader("a,b\n\"x\"y,2\n3,4\n");
    CsvRecord record;
    ASSERT_EQ(reader.next(record), CsvStatus::Record);
    ASSERT_EQ(reader.next(record), CsvStatus::Error);
    EXPECT_FALSE(reader.error().fatal);
    EXPECT_EQ(reader.error().line, 2U);
    EXPECT_EQ(reader.error().column, 1U);
    ASSERT_EQ(reader.next(record), CsvStatus::Record); // reading goes on
    EXPECT_EQ(record.fields[0], "3");
}

TEST(CsvReader, RaggedRowsAreErrorsWithTheFirstMissingOrExtraColumn) {
    CsvError tooFew = firstError("a,b,c\n1,2,3\n4,5\n");
    EXPECT_EQ(tooFew.line, 3U);
    EXPECT_EQ(tooFew.column, 2U);
    EXPECT_NE(tooFew.reason.find("expected 3 fields"), std::string::npos);
    CsvError tooMany = firstError("a,b\n1,2,3\n");
    EXPECT_EQ(tooMany.line, 2U);
    EXPECT_EQ(tooMany.column, 3U);
    EXPECT_FALSE(tooMany.fatal);
}

TEST(CsvReader, InvalidUtf8ReportsLineAndColumnOfTheBadByte) {
    // "Jos\xE9" is Latin-1 for José.
    CsvError error = firstError("first,last\nAda,Lovelace\nJos\xE9,Garc\xED"
                                "a\n");
    EXPECT_EQ(error.line, 3U);
    EXPECT_EQ(error.column, 1U);
    EXPECT_NE(error.reason.find("0xE9"), std::string::npos);
    EXPECT_NE(error.reason.find("byte 4"), std::string::npos);

    CsvError inMultiline = firstError("a,b\nok,\"line one\nline \xFF two\"\n");
    EXPECT_EQ(inMultiline.line, 3U);
    EXPECT_EQ(inMultiline.column, 2U);
}

TEST(CsvReader, Utf8ValidatorRejectsOverlongSurrogatesAndTruncation) {
    EXPECT_EQ(findInvalidUtf8("plain ascii text, long enough for the fast path"), std::string_view::npos);
    EXPECT_EQ(findInvalidUtf8("Zoë 李小龍 \xF0\x9F\x98\x80"), std::string_view::npos);
    EXPECT_EQ(findInvalidUtf8("\xC0\xAF"), 0U);            // overlong /
    EXPECT_EQ(findInvalidUtf8("ab\xED\xA0\x80"), 2U);      // surrogate
    EXPECT_EQ(findInvalidUtf8("abc\xF4\x90\x80\x80"), 3U); // above U+10FFFF
    EXPECT_EQ(findInvalidUtf8("12345678\xE2\x82"), 8U);    // truncated
    EXPECT_EQ(findInvalidUtf8("\x80"), 0U);                // stray continuation
}

TEST(CsvReader, FieldsWithEscapesDoNotDisturbOtherFields) {
    Rows rows = readAll("a,b,c,d\n\"p \"\"q\"\"\",plain,\"r \"\"s\"\"\",\"t\"\n");
    ASSERT_EQ(rows.size(), 2U);
    EXPECT_EQ(rows[1], (std::vector<std::string>{"p \"q\"", "plain", "r \"s\"", "t"}));
}

TEST(CsvReader, ExplicitDelimiterWins) {
    EXPECT_EQ(readAll("a;b\n1;2\n", ','), (Rows{{"a;b"}, {"1;2"}}));
}

} // namespace
} // namespace meetscan::core
