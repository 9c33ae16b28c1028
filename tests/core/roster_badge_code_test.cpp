// Since migration 8 a person's badge code sits on their roster row (unique index) and the code
// table holds only their further codes; a large import queues its people for the sync in one
// statement instead of a trigger per row. These check what that must not change: every code
// finds one person, every imported person reaches the outbox with all their codes, and a failed
// import leaves the schema (indexes, triggers) as it was.
#include "core/store/attendee_repository.hpp"
#include "core/store/erasure.hpp"
#include "core/store/store.hpp"
#include "core/sync/outbox.hpp"
#include "core/sync/event_schema.hpp"
#include "core/sync/server_schema.hpp"
#include "core/sync/sync_client.hpp"
#include "support/pg_server.hpp"
#include "support/station_from_office.hpp"
#include "support/fresh_store.hpp"
#include "support/temp_dir.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <fmt/format.h>
#include <gtest/gtest.h>

namespace meetscan::core {
namespace {

constexpr int kBulkPeople = 6'100; // above the bulk threshold (5,000)

Attendee codedPerson(int i) {
    Attendee a;
    a.badgeCode = fmt::format("CODE-{:05}", i);
    a.firstName = fmt::format("First{}", i);
    a.lastName = fmt::format("Last{}", i);
    a.email = fmt::format("person{}@example.org", i);
    if (i % 50 == 0)
        a.otherCodes = {fmt::format("ORDER-{}", i)};
    return a;
}

std::vector<Attendee> codedCrowd(int count) {
    std::vector<Attendee> people;
    for (int i = 0; i < count; ++i)
        people.push_back(codedPerson(i));
    return people;
}

class RosterBadgeCode : public test::FreshStore {
protected:
    int count(const std::string& sql) { return m_store->database().execAndGet(sql).getInt(); }
    int schemaObjects() {
        return count("SELECT count(*) FROM sqlite_schema WHERE name IN ('attendee_by_email', "
                     "'attendee_by_badge_code', "
                     "'attendee_code_by_attendee', 'attendee_outbox_insert', 'attendee_outbox_update')");
    }
};

TEST_F(RosterBadgeCode, ABulkImportQueuesEveryoneOnceWithAllTheirCodes) {
    const auto people = codedCrowd(kBulkPeople);
    auto imported = m_store->attendees().importAll(people);
    ASSERT_TRUE(imported) << imported.error().message;
    EXPECT_EQ(imported->added, kBulkPeople);
    EXPECT_EQ(schemaObjects(), 5);
    EXPECT_EQ(count("SELECT count(*) FROM attendee_code"), kBulkPeople / 50);
    EXPECT_EQ(count("SELECT count(*) FROM sync_outbox WHERE tbl = 'attendee'"), kBulkPeople);
    EXPECT_EQ(count("SELECT count(DISTINCT row_id) FROM sync_outbox WHERE tbl = 'attendee'"), kBulkPeople);

    // What the push sends: every person, each with their badge code and their further codes.
    const auto batch = Outbox(m_store->database()).next(100'000);
    EXPECT_EQ(batch.rows.at("attendee").size(), static_cast<std::size_t>(kBulkPeople));
    EXPECT_EQ(batch.attendeeCodes.size(), static_cast<std::size_t>(kBulkPeople + kBulkPeople / 50));
    const std::string ana = attendeeIdForCode("CODE-00050");
    auto codesOf = [&batch](const std::string& id) {
        std::vector<std::string> codes;
        for (const auto& row : batch.attendeeCodes)
            if (row[1] == id)
                codes.push_back(row[0].value_or(""));
        std::sort(codes.begin(), codes.end());
        return codes;
    };
    EXPECT_EQ(codesOf(ana), (std::vector<std::string>{"CODE-00050", "ORDER-50"}));

    // The triggers are back: a later walk-in is queued as it is written.
    Attendee walkIn;
    walkIn.badgeCode = "contact:eve@example.org";
    walkIn.firstName = "Eve";
    ASSERT_TRUE(m_store->attendees().addWalkIn(walkIn));
    EXPECT_EQ(count("SELECT count(*) FROM sync_outbox WHERE tbl = 'attendee'"), kBulkPeople + 1);
    EXPECT_EQ(m_store->attendees().byCode("contact:eve@example.org")->firstName, "Eve");
    EXPECT_EQ(count("SELECT count(*) FROM attendee_code"), kBulkPeople / 50); // the walk-in's code is on its row
}

TEST_F(RosterBadgeCode, AFurtherCodeThatIsAnotherNewPersonsBadgeCodeIsRefused) {
    auto people = codedCrowd(kBulkPeople);
    people[6'000].otherCodes = {"CODE-06050"}; // someone further on in the same file
    auto result = m_store->attendees().importAll(people);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, Error::Kind::BadInput);
    EXPECT_NE(result.error().message.find(
                  "badge code CODE-06050 of First6000 Last6000 already belongs to attendee " +
                  attendeeIdForCode("CODE-06050")),
              std::string::npos)
        << result.error().message;
    EXPECT_EQ(count("SELECT count(*) FROM attendee"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM sync_outbox WHERE tbl = 'attendee'"), 0);
    EXPECT_EQ(schemaObjects(), 5); // the indexes and triggers set aside come back with the rollback
}

TEST_F(RosterBadgeCode, ABadgeCodeThatIsSomeonesFurtherCodeIsRefused) {
    ASSERT_TRUE(m_store->attendees().importAll(codedCrowd(100)));
    Attendee late = codedPerson(7'000);
    late.badgeCode = "ORDER-50"; // CODE-00050's further code
    auto result = m_store->attendees().importAll({late});
    ASSERT_FALSE(result);
    EXPECT_NE(
        result.error().message.find("badge code ORDER-50 of First7000 Last7000 already belongs to attendee " +
                                    attendeeIdForCode("CODE-00050")),
        std::string::npos)
        << result.error().message;

    Attendee walkIn;
    walkIn.badgeCode = "ORDER-50";
    walkIn.firstName = "Mallory";
    auto added = m_store->attendees().addWalkIn(walkIn);
    ASSERT_FALSE(added);
    EXPECT_EQ(added.error().kind, Error::Kind::BadInput);
    EXPECT_EQ(m_store->attendees().byCode("ORDER-50")->badgeCode, "CODE-00050");
}

TEST_F(RosterBadgeCode, ARereadImportChangesNothingAndQueuesNothing) {
    const auto people = codedCrowd(kBulkPeople);
    ASSERT_TRUE(m_store->attendees().importAll(people));
    m_store->database().exec("DELETE FROM sync_outbox");
    auto again = m_store->attendees().importAll(people);
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(again->unchanged, kBulkPeople);
    EXPECT_EQ(count("SELECT count(*) FROM sync_outbox"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM attendee_code"), kBulkPeople / 50);
}

TEST_F(RosterBadgeCode, AnErasedPersonIsNotFoundByAnyCodeAndPushesNoCode) {
    ASSERT_TRUE(m_store->attendees().importAll(codedCrowd(100)));
    const std::string id = attendeeIdForCode("CODE-00050");
    ASSERT_TRUE(eraseAttendee(m_store->database(), id, "S1"));
    EXPECT_FALSE(m_store->attendees().byCode("CODE-00050"));
    EXPECT_FALSE(m_store->attendees().byCode("ORDER-50"));
    const auto batch = Outbox(m_store->database()).next(100'000);
    for (const auto& row : batch.attendeeCodes)
        EXPECT_NE(row[1], id) << row[0].value_or("");
}

// Through a real PostgreSQL server: a station that imported a large roster in bulk pushes every
// person with every code, and a second station that pulls them finds each one by each code.
TEST(RosterBadgeCodeSync, ABulkImportedRosterReachesAnotherStationWhole) {
    std::string whyNot;
    auto pg = test::PgServer::create(whyNot);
    ASSERT_TRUE(pg) << whyNot; // PostgreSQL is a test dependency: never skipped
    const std::string conninfo = pg->freshDatabase("t_bulk_roster");
    {
        auto connection = PgConnection::connect(conninfo);
        ASSERT_TRUE(connection) << connection.error().message;
        ASSERT_TRUE(initServerSchema(*connection));
    }
    test::TempDir dir;
    auto desk = Store::open(dir / "desk.db"); // the office
    ASSERT_TRUE(desk);
    test::stationFromOffice((*desk)->path(), dir / "lounge.db", "lounge");
    auto lounge = Store::open(dir / "lounge.db");
    ASSERT_TRUE(lounge);
    ASSERT_TRUE((*desk)->attendees().importAll(codedCrowd(kBulkPeople)));
    const std::string schema = *eventSchemaName((*desk)->events().event().id);

    SyncClient client(conninfo, SyncOptions{2'000, 2'000, PullScope::Station});
    auto pushed = client.syncOnce((*desk)->database());
    ASSERT_TRUE(pushed) << pushed.error().message;
    EXPECT_EQ(Outbox((*desk)->database()).size(), 0);
    EXPECT_EQ(pg->scalar("SELECT count(*) FROM " + schema + ".attendee", "t_bulk_roster"), std::to_string(kBulkPeople));
    EXPECT_EQ(pg->scalar("SELECT count(*) FROM " + schema + ".attendee_code", "t_bulk_roster"),
              std::to_string(kBulkPeople + kBulkPeople / 50));

    auto pulled = client.syncOnce((*lounge)->database());
    ASSERT_TRUE(pulled) << pulled.error().message;
    auto& attendees = (*lounge)->attendees();
    EXPECT_EQ(attendees.count(), kBulkPeople);
    for (int i : {0, 50, 4'321, kBulkPeople - 1}) {
        SCOPED_TRACE(i);
        const Attendee want = codedPerson(i);
        auto got = attendees.byCode(want.badgeCode);
        ASSERT_TRUE(got);
        EXPECT_EQ(got->lastName, want.lastName);
        EXPECT_EQ(got->otherCodes, want.otherCodes);
        for (const auto& code : want.otherCodes)
            EXPECT_EQ(attendees.byCode(code)->id, got->id);
    }
    // The lounge keeps the badge codes on the rows, as the desk does.
    EXPECT_EQ((*lounge)->database().execAndGet("SELECT count(*) FROM attendee_code").getInt(), kBulkPeople / 50);
}

} // namespace
} // namespace meetscan::core
