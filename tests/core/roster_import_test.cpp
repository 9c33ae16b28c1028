#include "core/roster/roster_import.hpp"
#include "support/temp_dir.hpp"

#include <filesystem>
#include <gtest/gtest.h>

namespace meetscan::core {
namespace {

std::string sample(const std::string& name) {
    return test::readFile(std::filesystem::path(MEETSCAN_SOURCE_DIR) / "tests" / "data" / "roster" / name);
}

RosterParseResult parseOk(const std::string& text, RosterImportOptions options = {}) {
    auto result = parseRoster(text, "roster.csv", options);
    EXPECT_TRUE(result) << result.error().message;
    if (!result)
        return {};
    return std::move(result).value();
}

std::string parseError(const std::string& text, RosterImportOptions options = {}) {
    auto result = parseRoster(text, "roster.csv", options);
    EXPECT_FALSE(result);
    return result ? std::string{} : result.error().message;
}

TEST(RosterConsent, AcceptsCommonSpellingsAndDefaultsWhenEmpty) {
    for (const char* yes : {"yes", "YES", "y", "true", "1", "x", "X", " on ", "ja", "oui"})
        EXPECT_EQ(parseConsent(yes, false), true) << yes;
    for (const char* no : {"no", "N", "false", "0", "off", "nein", "non"})
        EXPECT_EQ(parseConsent(no, true), false) << no;
    EXPECT_EQ(parseConsent("", true), true);
    EXPECT_EQ(parseConsent("  ", false), false);
    EXPECT_FALSE(parseConsent("maybe", true).has_value());
    EXPECT_FALSE(parseConsent("2", true).has_value());
}

TEST(RosterStatus, CancelledSpellings) {
    for (const char* status : {"canceled", "Cancelled", "CANCELLED", "Refunded", "Refunded/Canceled",
                               "deleted", "Transferred", "expired", "Not Attending"})
        EXPECT_TRUE(isCancelledStatus(status)) << status;
    for (const char* status :
         {"paid", "pending", "Attending", "Checked In", "ACTIVE", "AWAITING_PAYMENT", ""})
        EXPECT_FALSE(isCancelledStatus(status)) << status;
}

TEST(RosterImport, PretixOrderPositions) {
    RosterParseResult result = parseOk(sample("pretix_order_positions.csv"));
    EXPECT_EQ(result.preset, RosterPreset::Pretix);
    EXPECT_EQ(result.cancelled, 1);
    ASSERT_EQ(result.attendees.size(), 3U);
    const Attendee& zoe = result.attendees[0];
    EXPECT_EQ(zoe.badgeCode, "k24cnehk6yqzjz3fdqpxbvu8g4mdczrv");
    EXPECT_EQ(zoe.id, attendeeIdForCode(zoe.badgeCode));
    EXPECT_EQ(zoe.firstName, "Zoë");
    EXPECT_EQ(zoe.lastName, "Ångström");
    EXPECT_EQ(zoe.email, "zoe@example.org");
    EXPECT_EQ(zoe.company, "Nordic Widgets AB"); // the attendee's company, not the invoice's
    EXPECT_EQ(zoe.country, "SE");
    EXPECT_EQ(zoe.ticketType, "Conference ticket");
    const Attendee& jose = result.attendees[1];
    // No attendee e-mail: the order's (the buyer's) is not hers, nor is its phone, unless the
    // organiser says so.
    EXPECT_EQ(jose.email, "");
    EXPECT_EQ(jose.phone, "");
    EXPECT_EQ(zoe.phone, "");
    EXPECT_EQ(jose.company, "Acme, Inc.");
    RosterImportOptions buyer;
    buyer.buyerContact = true;
    const RosterParseResult withBuyer = parseOk(sample("pretix_order_positions.csv"), buyer);
    ASSERT_EQ(withBuyer.attendees.size(), 3U);
    EXPECT_EQ(withBuyer.attendees[1].email, "buyer@example.org");
    EXPECT_EQ(withBuyer.attendees[0].email, "zoe@example.org") << "an attendee's own e-mail comes first";
    EXPECT_EQ(withBuyer.attendees[0].phone, "+49 30 1234567");
    const Attendee& li = result.attendees[2];
    EXPECT_EQ(li.firstName, "小龍");
    EXPECT_EQ(li.lastName, "李");
    EXPECT_EQ(li.company, "Dragon \"Kung Fu\" Ltd");
}

TEST(RosterImport, EventbriteAttendeeReport) {
    RosterParseResult result = parseOk(sample("eventbrite_attendees.csv"));
    EXPECT_EQ(result.preset, RosterPreset::Eventbrite);
    EXPECT_EQ(result.cancelled, 2); // one refunded, one cancelled
    ASSERT_EQ(result.attendees.size(), 3U);
    EXPECT_EQ(result.attendees[0].badgeCode, "123456789012345678001");
    EXPECT_EQ(result.attendees[0].company, "Sakura KK"); // header "Company " with a trailing space
    EXPECT_EQ(result.attendees[0].title, "Engineer");
    EXPECT_EQ(result.attendees[0].phone, "+81 90 1234 5678");
    EXPECT_EQ(result.attendees[1].firstName, "Ólafur");
    EXPECT_EQ(result.attendees[1].phone, "+354 555 1234"); // no cell phone: the work phone
    EXPECT_EQ(result.attendees[1].company, "Reykjavík Data, hf.");
    EXPECT_EQ(result.attendees[2].title, "Keynote \"AI\" speaker");
    EXPECT_EQ(result.attendees[2].ticketType, "Speaker");
}

TEST(RosterImport, HiEventsAttendees) {
    RosterParseResult result = parseOk(sample("hievents_attendees.csv"));
    EXPECT_EQ(result.preset, RosterPreset::HiEvents);
    EXPECT_EQ(result.cancelled, 1);
    ASSERT_EQ(result.attendees.size(), 2U);
    EXPECT_EQ(result.attendees[0].badgeCode, "A-K3J9X2QH");
    EXPECT_EQ(result.attendees[0].otherCodes, (std::vector<std::string>{"K3J9X2"}));
    EXPECT_EQ(result.attendees[0].company, "Samba Systems");
    EXPECT_EQ(result.attendees[0].ticketType, "Early bird");
    EXPECT_EQ(result.attendees[1].lastName, "Al-Sayed");
}

TEST(RosterImport, GenericSemicolonsWithBomConsentAndOtherCodes) {
    RosterParseResult result = parseOk(sample("generic_semicolon.csv"));
    EXPECT_EQ(result.preset, RosterPreset::Generic);
    EXPECT_EQ(result.delimiter, ';');
    ASSERT_EQ(result.attendees.size(), 3U);
    const Attendee& anna = result.attendees[0];
    EXPECT_EQ(anna.badgeCode, "G-0001");
    EXPECT_EQ(anna.company, "Wisła sp. z o.o.");
    EXPECT_EQ(anna.role, "exhibitor");
    EXPECT_EQ(anna.exhibitorId, "acme");
    EXPECT_TRUE(anna.consentExhibitors);
    EXPECT_TRUE(anna.consentNetworking);
    EXPECT_EQ(anna.otherCodes, (std::vector<std::string>{"LEGACY-1", "LEGACY-2"}));
    EXPECT_FALSE(result.attendees[1].consentExhibitors);
    EXPECT_TRUE(result.attendees[1].consentNetworking);
    EXPECT_TRUE(result.attendees[2].consentExhibitors); // empty: yes
    EXPECT_FALSE(result.attendees[2].consentNetworking);
    EXPECT_EQ(result.attendees[2].title, "Dev; Ops");
    EXPECT_EQ(result.attendees[2].otherCodes, (std::vector<std::string>{"ALT-3", "ALT-4"}));
}

TEST(RosterImport, PresetCanBeForced) {
    // A generic-looking file read as Eventbrite has no "Barcode #".
    std::string message = parseError("code,first_name\nA1,Ann\n", {RosterPreset::Eventbrite, {}, false, {}, false});
    EXPECT_EQ(message.rfind("roster.csv: no badge code column for preset eventbrite", 0), 0U) << message;
}

TEST(RosterImport, FullNameIsSplitAtTheLastSpace) {
    RosterParseResult result = parseOk("code,name\nA1,Ada King Lovelace\nA2,Plato\n");
    ASSERT_EQ(result.attendees.size(), 2U);
    EXPECT_EQ(result.attendees[0].firstName, "Ada King");
    EXPECT_EQ(result.attendees[0].lastName, "Lovelace");
    EXPECT_EQ(result.attendees[0].displayName(), "Ada King Lovelace");
    EXPECT_EQ(result.attendees[1].firstName, "Plato");
    EXPECT_EQ(result.attendees[1].lastName, "");
}

TEST(RosterImport, ValuesAreTrimmed) {
    RosterParseResult result = parseOk("code,first_name\n  A1 , Ann \n");
    ASSERT_EQ(result.attendees.size(), 1U);
    EXPECT_EQ(result.attendees[0].badgeCode, "A1");
    EXPECT_EQ(result.attendees[0].firstName, "Ann");
}

TEST(RosterImport, MissingBadgeCodeSaysLineAndColumn) {
    EXPECT_EQ(parseError("first_name,code\nAnn,A1\nBob,\n"),
              "roster.csv:3:2: missing badge code (column \"code\")");
}

TEST(RosterImport, DuplicateBadgeCodeNamesTheFirstLine) {
    EXPECT_EQ(parseError("code,first_name\nA1,Ann\nA2,Bob\nA1,Cy\n"),
              "roster.csv:4:1: badge code \"A1\" is already used on line 2");
    // another person's other code counts too
    EXPECT_EQ(parseError("code,other_codes\nA1,B7\nB7,\n"),
              "roster.csv:3:1: badge code \"B7\" is already used on line 2");
}

TEST(RosterImport, OverlongFieldIsRejected) {
    std::string longCompany(kMaxFieldBytes + 1, 'x');
    EXPECT_EQ(parseError("code,company\nA1," + longCompany + "\n"),
              "roster.csv:2:2: company is 513 bytes long, more than the 512 allowed (column \"company\")");
    std::string longCode(kMaxCodeBytes, 'c'); // codes may be longer
    EXPECT_EQ(parseOk("code\n" + longCode + "\n").attendees.size(), 1U);
}

TEST(RosterImport, UnparseableConsentIsABadRow) {
    EXPECT_EQ(
        parseError("code,consent_networking\nA1,yes\nA2,maybe\n"),
        "roster.csv:3:2: \"maybe\" is not a consent value for consent_networking (use yes or no, or leave it "
        "empty for yes)");
}

TEST(RosterImport, Latin1BytesGiveTheFirstBadByte) {
    std::string message = parseError("code,first_name,last_name\nA1,Ann,Lee\nA2,Jos\xE9,Garc\xED"
                                     "a\n");
    EXPECT_EQ(message.rfind("roster.csv:3:2: invalid UTF-8 (byte 0xE9", 0), 0U) << message;
}

TEST(RosterImport, RaggedRowIsABadRow) {
    EXPECT_EQ(parseError("code,first_name,last_name\nA1,Ann\n"),
              "roster.csv:2:2: expected 3 fields as in the header, found 2");
}

TEST(RosterImport, UnterminatedQuoteStopsEvenWhenSkippingBadRows) {
    std::string message = parseError("code,first_name\nA1,\"Ann\nA2,Bob\n", {RosterPreset::Auto, {}, true, {}, false});
    EXPECT_EQ(message.rfind("roster.csv:2:2: unterminated quoted field", 0), 0U) << message;
}

TEST(RosterImport, SkipBadRowsKeepsTheRestAndListsEachSkippedRow) {
    RosterImportOptions options{RosterPreset::Auto, {}, true, {}, false};
    RosterParseResult result = parseOk("code,first_name,consent_exhibitors\nA1,Ann,yes\n,Nobody,\nA1,Twin,"
                                       "\nA3,\"Bad\"x,\nA4,Dee,huh\nA5,Eve,"
                                       "no\nA6,Ragged\n",
                                       options);
    ASSERT_EQ(result.attendees.size(), 2U);
    EXPECT_EQ(result.attendees[0].badgeCode, "A1");
    EXPECT_EQ(result.attendees[0].firstName, "Ann");
    EXPECT_EQ(result.attendees[1].badgeCode, "A5");
    ASSERT_EQ(result.skipped.size(), 5U);
    EXPECT_EQ(result.skipped[0].message(), "roster.csv:3:1: missing badge code (column \"code\")");
    EXPECT_EQ(result.skipped[1].message(), "roster.csv:4:1: badge code \"A1\" is already used on line 2");
    EXPECT_EQ(result.skipped[2].line, 5U);
    EXPECT_EQ(result.skipped[2].column, 2U);
    EXPECT_EQ(result.skipped[3].line, 6U);
    EXPECT_EQ(result.skipped[3].column, 3U);
    EXPECT_EQ(result.skipped[4].line, 8U);
}

TEST(RosterImport, EmptyFileAndHeaderErrors) {
    EXPECT_EQ(parseError(""), "roster.csv: the file is empty");
    EXPECT_EQ(parseError("\n\r\n"), "roster.csv: the file is empty");
    EXPECT_EQ(parseError("\xEF\xBB\xBF"), "roster.csv: the file is empty");
    std::string wrongDelimiter = parseError("code|first_name\nA1|Ann\n");
    EXPECT_NE(wrongDelimiter.find("no badge code column for preset generic"), std::string::npos);
    EXPECT_NE(wrongDelimiter.find("\"code|first_name\""), std::string::npos);
}

TEST(RosterImport, HeaderOnlyFileImportsNobody) {
    RosterParseResult result = parseOk("code,first_name\n");
    EXPECT_TRUE(result.attendees.empty());
}

TEST(RosterImport, MapOverridesAPresetColumn) {
    // The organiser prints the pretix order code on badges instead of the ticket secret.
    RosterImportOptions options{RosterPreset::Auto, {{"badge_code", "Position ID"}}, false, {}, false};
    RosterParseResult result = parseOk("Order code,Position ID,Ticket secret,Attendee "
                                       "name\nABC12,ABC12-1,s1,Ann Lee\nABC12,ABC12-2,s2,Bo Ek\n",
                                       options);
    EXPECT_EQ(result.preset, RosterPreset::Pretix);
    ASSERT_EQ(result.attendees.size(), 2U);
    EXPECT_EQ(result.attendees[1].badgeCode, "ABC12-2");
    EXPECT_EQ(result.attendees[1].lastName, "Ek");
}

} // namespace
} // namespace meetscan::core
