// checkRoster, the import's first pass, against scanRoster: the same first error, the same rows
// skipped (in the same order, with the same messages), the same good rows, whether repeated
// badge codes are found by sorting the ids or, when a layout has further codes, in a code table.
#include "core/roster/roster_check.hpp"
#include "core/roster/roster_import.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace meetscan::core {
namespace {

Status ignoreCheckedRow(const Attendee&) { return Done{}; }

bool sameRowPlace(const RosterRowPlace& a, const RosterRowPlace& b) {
    return a.offset == b.offset && a.line == b.line && a.id == b.id;
}

// Both passes over `text`; the check's places must be the scan's, sorted by id.
void expectAgreement(const std::string& text, const RosterImportOptions& options = {}) {
    SCOPED_TRACE(text.size() < 400 ? text : fmt::format("a {}-byte export", text.size()));
    auto scanned = scanRoster(text, "roster.csv", options, ignoreCheckedRow);
    auto checked = checkRoster(text, "roster.csv", options);
    ASSERT_EQ(static_cast<bool>(scanned), static_cast<bool>(checked))
        << (scanned ? checked.error().message : scanned.error().message);
    if (!scanned) {
        EXPECT_EQ(checked.error().message, scanned.error().message);
        EXPECT_EQ(checked.error().kind, scanned.error().kind);
        return;
    }
    EXPECT_EQ(checked->rows, scanned->rows);
    EXPECT_EQ(checked->cancelled, scanned->cancelled);
    EXPECT_EQ(checked->preset, scanned->preset);
    ASSERT_EQ(checked->skipped.size(), scanned->skipped.size());
    for (std::size_t i = 0; i < scanned->skipped.size(); ++i)
        EXPECT_EQ(checked->skipped[i].message(), scanned->skipped[i].message()) << i;
    auto want = scanned->places;
    sortByAttendeeId(want);
    ASSERT_EQ(checked->places.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i)
        EXPECT_TRUE(sameRowPlace(checked->places[i], want[i])) << i;
}

const RosterImportOptions kCheckSkipping{RosterPreset::Auto, {}, true, {}, false};

TEST(RosterCheck, AgreesOnGoodRostersAndReturnsThePlacesInIdOrder) {
    expectAgreement("code,first_name,email\nA1,Ann,ann@example.org\nB2,Bob,\n\n\nC3,\"Cy\nSmith\",cy@x.org\n");
    auto checked = checkRoster("code\nZ9\nA1\nM5\nB2\n", "roster.csv", {});
    ASSERT_TRUE(checked) << checked.error().message;
    ASSERT_EQ(checked->places.size(), 4U);
    for (std::size_t i = 1; i < checked->places.size(); ++i)
        EXPECT_LT(std::string(checked->places[i - 1].id.data(), kAttendeeIdBytes),
                  std::string(checked->places[i].id.data(), kAttendeeIdBytes));
    EXPECT_EQ(std::string(checked->places[0].id.data(), kAttendeeIdBytes).front(), 'A');
}

TEST(RosterCheck, ARepeatedBadgeCodeIsTheFirstErrorInFileOrder) {
    expectAgreement("code,first_name\nA1,Ann\nA2,Bob\nA1,Cy\n");
    expectAgreement("code,first_name\nA1,Ann\nA1,Bob\nA2,Cy\nA2,Di\n"); // two repeats: line 3 first
    expectAgreement("code,first_name\nA2,Ann\nA1,Bob\nA1,Cy\nA2,Di\n"); // the later id sorts first
    expectAgreement("code,first_name\nA1,Ann\nA1,Bob\nA3,\"Cy\n");       // before an unterminated quote
    expectAgreement("code,consent_exhibitors\nA1,yes\nA1,no\nA2,maybe\n"); // before a bad row
    expectAgreement("code,consent_exhibitors\nA1,yes\nA2,maybe\nA1,no\n"); // after one
    // the badge code's column and line, with a record that spans lines before it
    expectAgreement("name,code\n\"Ann\nLee\",A1\n\"Bo\nBa\",\"A1\"\n");
    EXPECT_EQ(checkRoster("code,first_name\nA1,Ann\nA2,Bob\nA1,Cy\n", "roster.csv", {}).error().message,
              "roster.csv:4:1: badge code \"A1\" is already used on line 2");
}

TEST(RosterCheck, FurtherCodesAreCheckedAcrossRowsInTheCodeTable) {
    expectAgreement("code,other_codes\nA1,B7\nB7,\n");
    expectAgreement("code,other_codes\nA1,\nB2,A1|C3\n");
    expectAgreement("code,other_codes\nA1,X\nA1,Y\n");
    expectAgreement("code,other_codes\nA1,B7\nB7,\nC1,\nC1,\n", kCheckSkipping);
}

TEST(RosterCheck, SkippingBadRowsListsRepeatsAmongTheOtherProblemsInLineOrder) {
    const std::string mixed = "code,first_name,consent_exhibitors\nA1,Ann,yes\n,Nobody,\nA1,Twin,"
                              "\nA3,\"Bad\"x,\nA4,Dee,huh\nA5,Eve,no\nA6,Ragged\nA5,Evelyn,\nA1,Triplet,\n";
    expectAgreement(mixed, kCheckSkipping);
    auto checked = checkRoster(mixed, "roster.csv", kCheckSkipping);
    ASSERT_TRUE(checked) << checked.error().message;
    EXPECT_EQ(checked->rows, 2U);
    ASSERT_EQ(checked->skipped.size(), 7U);
    EXPECT_EQ(checked->skipped[1].message(), "roster.csv:4:1: badge code \"A1\" is already used on line 2");
    EXPECT_EQ(checked->skipped[5].message(), "roster.csv:9:1: badge code \"A5\" is already used on line 7");
    EXPECT_EQ(checked->skipped[6].message(), "roster.csv:10:1: badge code \"A1\" is already used on line 2");
    // a fatal problem still stops the pass, whatever was skipped before it
    expectAgreement("code\nA1\nA1\n\"A2\n", kCheckSkipping);
}

TEST(RosterCheck, CancelledRowsAndPresetsAgree) {
    expectAgreement("Ticket secret,Attendee name,Order status\nS1,Ann Lee,paid\nS1,Ann Lee,canceled\nS2,Bo,"
                    "refunded\nS3,Cy,paid\n");
    expectAgreement("Barcode # ,First Name,Last Name,Attendee Status\n111,A,B,Attending\n111,A,B,Attending\n");
}

TEST(RosterCheck, ManyRowsWithRepeatsAgree) {
    std::string text = "code,first_name,email\n";
    for (int i = 0; i < 3000; ++i)
        text += fmt::format("C{},Name{},p{}@example.org\n", (i * 7919) % 2600, i, i);
    expectAgreement(text);
    expectAgreement(text, kCheckSkipping);
}

// An export of more than a megabyte, which checkRoster reads in two halves at once: `row(i)`
// gives each row's text after its code ("C<i>,").
template <class Row>
std::string largeExport(const std::string& header, int rows, Row row, const std::string& lineBreak = "\n") {
    std::string text = header + lineBreak;
    for (int i = 0; i < rows; ++i)
        text += fmt::format("C{},{}{}", i, row(i), lineBreak);
    return text;
}

std::string filler(int i) {
    return fmt::format("Name{},Family name of person {},person{}@example.org,ACME Holding GmbH & Co. KG", i, i, i);
}

constexpr int kLargeRows = 12'000; // about 1.1 MB with filler()
const std::string kLargeHeader = "code,first_name,last_name,email,company";

TEST(RosterCheck, ALargeExportReadInHalvesGivesThePlacesOfOnePass) {
    const std::string text = largeExport(kLargeHeader, kLargeRows, filler);
    ASSERT_GT(text.size(), std::size_t{1} << 20);
    expectAgreement(text);
    expectAgreement(largeExport(kLargeHeader, kLargeRows, filler, "\r\n"));
    expectAgreement("\xEF\xBB\xBF" + text); // offsets after a byte order mark
    // blank lines around the middle, and a quoted field whose line breaks span it
    std::string blank = text;
    blank.insert(blank.find('\n', blank.size() / 2 - 40), "\n\n\n");
    expectAgreement(blank);
    // A quoted field whose lines, read on their own, would be good rows: the second half must not
    // be kept, however well it reads from the middle.
    const std::string spanning = largeExport(kLargeHeader, kLargeRows, [](int i) {
        if (i == kLargeRows - 1)
            return std::string("\"Zed\",Lee,zed@example.org,ACME");
        if (i != kLargeRows / 2)
            return filler(i);
        std::string quoted = "\"Ann";
        for (int j = 0; j < 400; ++j)
            quoted += fmt::format("\nX{},{}", j, filler(j));
        return quoted + "\",Lee,ann@example.org,ACME";
    });
    expectAgreement(spanning);
    expectAgreement(spanning, kCheckSkipping);
}

TEST(RosterCheck, ALargeExportReadInHalvesFindsTheFirstProblemOfOnePass) {
    auto repeatAcross = [](int i) { return i == kLargeRows - 10 ? std::string("x,y,z,w") : filler(i); };
    std::string repeated = largeExport(kLargeHeader, kLargeRows, repeatAcross);
    repeated.replace(repeated.rfind("C11990,"), 7, "C17,");    // a second-half row repeats line 19's code
    expectAgreement(repeated);
    expectAgreement(repeated, kCheckSkipping);
    auto badLate = [](int i) { return i == kLargeRows - 100 ? filler(i) + ",surplus" : filler(i); };
    expectAgreement(largeExport(kLargeHeader, kLargeRows, badLate));
    auto badBoth = [](int i) {
        if (i == 100 || i == kLargeRows - 100)
            return std::string("ragged");
        if (i == kLargeRows / 2 + 50)
            return "\"Bad\"x" + filler(i).substr(filler(i).find(','));
        return filler(i);
    };
    expectAgreement(largeExport(kLargeHeader, kLargeRows, badBoth));
    expectAgreement(largeExport(kLargeHeader, kLargeRows, badBoth), kCheckSkipping);
    // an unterminated quote in the second half ends the pass even when skipping bad rows
    auto unterminated = [](int i) { return i == kLargeRows - 5 ? "\"open" + filler(i) : filler(i); };
    expectAgreement(largeExport(kLargeHeader, kLargeRows, unterminated), kCheckSkipping);
}

} // namespace
} // namespace meetscan::core
