// The streamed roster import: scanRoster hands over the same rows parseRoster returns, and
// AttendeeRepository::importFeed writes them with importAll's semantics, all or nothing.
#include "core/roster/roster_import.hpp"
#include "core/store/attendee_repository.hpp"
#include "core/store/store.hpp"
#include "support/fresh_store.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace meetscan::core {
namespace {

constexpr const char* kRoster = "badge_code,first_name,last_name,email,other_codes\n"
                                "C1,Ana,Silva,ana@example.org,ORDER-1|ORDER-2\n"
                                "C2,Bo,Li,bo@example.org,\n"
                                "C3,\"Zoë \"\"Z\"\"\",Ek,,ORDER-3\n";

Status ignoreRow(const Attendee&) { return Done{}; }

class RosterStream : public test::FreshStore {
protected:
    Expected<ImportCounts> importText(const std::string& text, RosterImportOptions options = {}) {
        return m_store->attendees().importFeed(
            3, [&](const AttendeeRepository::AttendeeWriter& write) -> Status {
                auto scanned = scanRoster(text, "roster.csv", options, write);
                if (!scanned)
                    return scanned.error();
                return Done{};
            });
    }
};

TEST(RosterScan, HandsOverTheRowsParseRosterReturns) {
    auto parsed = parseRoster(kRoster, "roster.csv", {});
    ASSERT_TRUE(parsed) << parsed.error().message;
    std::vector<Attendee> streamed;
    auto scanned = scanRoster(kRoster, "roster.csv", {}, [&](const Attendee& a) -> Status {
        streamed.push_back(a);
        return Done{};
    });
    ASSERT_TRUE(scanned) << scanned.error().message;
    EXPECT_EQ(scanned->rows, 3U);
    ASSERT_EQ(streamed.size(), parsed->attendees.size());
    for (std::size_t i = 0; i < streamed.size(); ++i) {
        EXPECT_EQ(streamed[i].id, parsed->attendees[i].id);
        EXPECT_EQ(streamed[i].badgeCode, parsed->attendees[i].badgeCode);
        EXPECT_EQ(streamed[i].firstName, parsed->attendees[i].firstName);
        EXPECT_EQ(streamed[i].otherCodes, parsed->attendees[i].otherCodes);
    }
    // The attendee is reused, yet a row without other codes does not inherit the previous row's.
    EXPECT_TRUE(streamed[1].otherCodes.empty());
    EXPECT_EQ(streamed[2].firstName, "Zoë \"Z\"");
}

TEST(RosterScan, ReportsTheExactPlaceAndStopsOnTheSinksError) {
    auto bad = scanRoster("badge_code,first_name\nC1,Ana\nC1,Bo\n", "r.csv", {}, ignoreRow);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().message, "r.csv:3:1: badge code \"C1\" is already used on line 2");

    int seen = 0;
    auto stopped = scanRoster(kRoster, "roster.csv", {}, [&](const Attendee&) -> Status {
        return ++seen == 2 ? Status(Error::world("disk full")) : Status(Done{});
    });
    ASSERT_FALSE(stopped);
    EXPECT_EQ(stopped.error().message, "disk full");
    EXPECT_EQ(seen, 2);
}

TEST(RosterScan, ReadsRowsAgainByPlaceInIdOrder) {
    const std::string text = std::string(kRoster) + "X5,,,,\nC4,Di,Wu,,\n";
    RosterImportOptions options;
    options.skipBadRows = true;
    auto scanned = scanRoster(text, "roster.csv", options, ignoreRow);
    ASSERT_TRUE(scanned) << scanned.error().message;
    ASSERT_EQ(scanned->places.size(), 5U); // X5 has no name, which is fine: only the code is required
    EXPECT_EQ(scanned->places[4].line, 6U);

    sortByAttendeeId(scanned->places);
    std::vector<Attendee> reread;
    auto read = readRosterRows(text, "roster.csv", options, scanned->places, [&](const Attendee& a) -> Status {
        reread.push_back(a);
        return Done{};
    });
    ASSERT_TRUE(read) << read.error().message;
    EXPECT_EQ(*read, 5U);
    ASSERT_EQ(reread.size(), 5U);
    for (std::size_t i = 1; i < reread.size(); ++i)
        EXPECT_LT(reread[i - 1].id, reread[i].id);
    const auto ana = std::find_if(reread.begin(), reread.end(), [](const Attendee& a) { return a.badgeCode == "C1"; });
    ASSERT_NE(ana, reread.end());
    EXPECT_EQ(ana->otherCodes, (std::vector<std::string>{"ORDER-1", "ORDER-2"}));
    EXPECT_EQ(ana->email, "ana@example.org");
}

TEST_F(RosterStream, ImportsThenUpdatesByBadgeCode) {
    auto first = importText(kRoster);
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(first->added, 3);
    EXPECT_EQ(m_store->attendees().byCode("ORDER-2")->firstName, "Ana");
    EXPECT_EQ(m_store->attendees().byCode("ORDER-3")->firstName, "Zoë \"Z\"");

    auto again = importText(std::string(kRoster) + "C4,Di,Wu,,\n");
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(again->added, 1);
    EXPECT_EQ(again->unchanged, 3);

    auto changed = importText("badge_code,first_name,last_name,email,other_codes\n"
                              "C1,Ana,Silva-Costa,ana@example.org,ORDER-1\n");
    ASSERT_TRUE(changed) << changed.error().message;
    EXPECT_EQ(changed->updated, 1);
    EXPECT_EQ(m_store->attendees().byCode("C1")->lastName, "Silva-Costa");
    EXPECT_FALSE(m_store->attendees().byCode("ORDER-2")); // dropped from the export: no longer Ana's
    EXPECT_EQ(m_store->attendees().count(), 4);
}

TEST_F(RosterStream, AFailedFeedLeavesNothingBehind) {
    auto result = m_store->attendees().importFeed(2, [](const AttendeeRepository::AttendeeWriter& write) -> Status {
        Attendee a;
        a.badgeCode = "C1";
        a.firstName = "Ana";
        if (auto written = write(a); !written)
            return written;
        Attendee b;
        b.badgeCode = "C2";
        b.firstName = "Bo";
        b.otherCodes = {"C1"}; // Ana's code, claimed in the same import
        return write(b);
    });
    ASSERT_FALSE(result);
    EXPECT_NE(result.error().message.find("badge code C1 of Bo already belongs to attendee"), std::string::npos)
        << result.error().message;
    EXPECT_EQ(m_store->attendees().count(), 0);
}

TEST_F(RosterStream, ACodeHeldBySomeoneElseIsRefused) {
    ASSERT_TRUE(importText(kRoster));
    auto result = importText("badge_code,first_name,other_codes\nC9,Eve,ORDER-1\n");
    ASSERT_FALSE(result);
    EXPECT_NE(result.error().message.find("badge code ORDER-1 of Eve already belongs to attendee " +
                                          attendeeIdForCode("C1")),
              std::string::npos)
        << result.error().message;
    EXPECT_FALSE(m_store->attendees().byCode("C9"));
}

} // namespace
} // namespace meetscan::core
