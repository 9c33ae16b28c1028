#include "core/store/erasure.hpp"
#include "core/store/stats.hpp"
#include "core/store/store.hpp"
#include "support/fresh_store.hpp"
#include "support/temp_dir.hpp"

#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

namespace meetscan::core {
namespace {

Attendee storedPerson(const std::string& code, const std::string& first, const std::string& last) {
    Attendee a;
    a.badgeCode = code;
    a.firstName = first;
    a.lastName = last;
    a.email = first + "@example.org";
    a.company = "Acme";
    return a;
}

class StoreTest : public test::FreshStore {};

TEST_F(StoreTest, ImportIsAnUpsertByBadgeCode) {
    auto first = m_store->attendees().importAll({storedPerson("C1", "Ana", "Silva"), storedPerson("C2", "Björn", "Ek")});
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(first->added, 2);

    auto changed = storedPerson("C1", "Ana", "Silva-Costa");
    auto second = m_store->attendees().importAll({changed, storedPerson("C2", "Björn", "Ek"), storedPerson("C3", "李", "伟")});
    ASSERT_TRUE(second) << second.error().message;
    EXPECT_EQ(second->added, 1);
    EXPECT_EQ(second->updated, 1);
    EXPECT_EQ(second->unchanged, 1);
    EXPECT_EQ(m_store->attendees().count(), 3);
    EXPECT_EQ(m_store->attendees().byCode("C1")->lastName, "Silva-Costa");
    EXPECT_EQ(m_store->attendees().byCode("C1")->id, attendeeIdForCode("C1"));
}

TEST_F(StoreTest, ImportIsAllOrNothing) {
    auto a = storedPerson("C1", "Ana", "Silva");
    auto b = storedPerson("C2", "Bo", "Li");
    b.otherCodes = {"C1"}; // claims Ana's code
    auto result = m_store->attendees().importAll({a, b});
    ASSERT_FALSE(result);
    EXPECT_NE(result.error().message.find("already belongs"), std::string::npos);
    EXPECT_EQ(m_store->attendees().count(), 0);
}

TEST_F(StoreTest, FindsByOtherCodeAndEmail) {
    auto a = storedPerson("C1", "Ana", "Silva");
    a.otherCodes = {"ORDER-42", "1234567890"};
    ASSERT_TRUE(m_store->attendees().importAll({a}));
    EXPECT_EQ(m_store->attendees().byCode("ORDER-42")->firstName, "Ana");
    EXPECT_EQ(m_store->attendees().byEmail("ANA@example.org")->badgeCode, "C1");
    EXPECT_EQ(m_store->attendees().find("1234567890")->firstName, "Ana");
    EXPECT_FALSE(m_store->attendees().find("nobody"));
}

TEST_F(StoreTest, ManyByIdReadsWhatOneByIdReads) {
    auto a = storedPerson("C1", "Ana", "Silva");
    a.otherCodes = {"ORDER-42", "1234567890"};
    ASSERT_TRUE(
        m_store->attendees().importAll({a, storedPerson("C2", "Bo", "Li"), storedPerson("C3", "Cy", "Ng")}));
    const auto ana = attendeeIdForCode("C1"), bo = attendeeIdForCode("C2");
    const auto found = m_store->attendees().byIds({ana, bo, "no-such-id", ana});
    ASSERT_EQ(found.size(), 2U);
    for (const auto& id : {ana, bo}) {
        const auto one = m_store->attendees().byId(id);
        ASSERT_TRUE(one);
        const auto& many = found.at(id);
        EXPECT_EQ(many.displayName(), one->displayName());
        EXPECT_EQ(many.email, one->email);
        EXPECT_EQ(many.otherCodes, one->otherCodes);
    }
    EXPECT_EQ(found.at(ana).otherCodes, (std::vector<std::string>{"1234567890", "ORDER-42"}));
    EXPECT_TRUE(m_store->attendees().byIds({}).empty());
    EXPECT_FALSE(m_store->attendees().find("\xff\xfe not UTF-8"));
}

TEST_F(StoreTest, ScanLogIsAppendOnly) {
    ScanRecord r{newUlid(), m_store->events().station().id, nowMs(), "meet", "C1", "QRCode", "plain", "",
                 Outcome::UnknownBadge, ""};
    m_store->scans().append(r);
    EXPECT_THROW(m_store->database().exec("DELETE FROM scan"), SQLite::Exception);
    EXPECT_THROW(m_store->database().exec("UPDATE scan SET outcome = 'connected'"), SQLite::Exception);
    EXPECT_EQ(m_store->scans().count(), 1);
}

TEST_F(StoreTest, MeetingsDeriveConnections) {
    const auto station = m_store->events().station().id;
    m_store->meetings().add({newUlid(), station, 1000, "B", "A", "s1", "s2"});
    m_store->meetings().add({newUlid(), station, 2000, "A", "B", "s3", "s4"});
    m_store->meetings().add({newUlid(), station, 3000, "A", "C", "s5", "s6"});
    EXPECT_TRUE(m_store->meetings().connected("B", "A"));
    EXPECT_FALSE(m_store->meetings().connected("B", "C"));
    EXPECT_EQ(m_store->meetings().connectionCount(), 2);
    EXPECT_EQ(m_store->meetings().meetingCount(), 3);
    auto ofA = m_store->meetings().connectionsOf("A");
    ASSERT_EQ(ofA.size(), 2U);
    EXPECT_EQ(ofA[0].otherId, "B");
    EXPECT_EQ(ofA[0].meetings, 2);
    EXPECT_EQ(ofA[0].lastAt, 2000);
}

TEST_F(StoreTest, LeadTouchOpensTheSameLeadAndEditsAreLogged) {
    const auto station = m_store->events().station().id;
    auto first = m_store->leads().touch("acme", "A", "S", station, 1000);
    EXPECT_TRUE(first.created);
    auto again = m_store->leads().touch("acme", "A", "S", station, 5000);
    EXPECT_FALSE(again.created);
    EXPECT_EQ(again.lead.id, first.lead.id);
    EXPECT_EQ(again.lead.scanCount, 2);
    Lead edited = again.lead;
    edited.rating = "hot";
    edited.tags = {"demo", "pricing"};
    edited.answers["budget"] = "10k+";
    edited.note = "Wants a call; next week";
    m_store->leads().saveEdits(edited, station, 6000);
    auto saved = m_store->leads().find("acme", "A");
    ASSERT_TRUE(saved);
    EXPECT_EQ(saved->rating, "hot");
    EXPECT_EQ(saved->tags, edited.tags);
    EXPECT_EQ(saved->answers.at("budget"), "10k+");
    EXPECT_EQ(saved->firstScanAt, 1000);
    EXPECT_EQ(saved->lastScanAt, 5000);
    EXPECT_EQ(m_store->database().execAndGet("SELECT count(*) FROM lead_edit").getInt(), 4);
}

TEST_F(StoreTest, EraseRemovesPersonalDataAndKeepsCounts) {
    auto a = storedPerson("SECRET-1", "Ana", "Silva");
    ASSERT_TRUE(m_store->attendees().importAll({a, storedPerson("C2", "Bo", "Li")}));
    const auto id = attendeeIdForCode("SECRET-1");
    const auto other = attendeeIdForCode("C2");
    const auto station = m_store->events().station().id;
    m_store->scans().append({newUlid(), station, 1, "meet", "SECRET-1", "QRCode", "plain", id, Outcome::FirstBadge, ""});
    m_store->meetings().add({newUlid(), station, 2, id, other, "", ""});
    auto lead = m_store->leads().touch("acme", id, "", station, 3).lead;
    lead.note = "Ana's private phone is 555";
    m_store->leads().saveEdits(lead, station, 4);

    ASSERT_TRUE(eraseAttendee(m_store->database(), id, station));

    EXPECT_EQ(m_store->attendees().count(), 1);
    EXPECT_FALSE(m_store->attendees().byCode("SECRET-1"));
    auto& db = m_store->database();
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM attendee WHERE first_name = 'Ana' OR badge_code = 'SECRET-1'").getInt(), 0);
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM scan WHERE raw_text LIKE '%SECRET%'").getInt(), 0);
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM lead WHERE note LIKE '%555%'").getInt(), 0);
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM lead_edit WHERE value LIKE '%555%'").getInt(), 0);
    const auto stats = collectStats(*m_store, nowMs());
    EXPECT_EQ(stats.scans, 1);
    EXPECT_EQ(stats.connections, 1);
    EXPECT_EQ(stats.leads, 1);
    EXPECT_EQ(stats.erased, 1);

    // A later import of the same roster cannot bring the person back.
    auto reimport = m_store->attendees().importAll({a});
    ASSERT_TRUE(reimport);
    EXPECT_EQ(reimport->unchanged, 1);
    EXPECT_FALSE(m_store->attendees().byCode("SECRET-1"));
}

TEST(Ulid, IsUniqueSortableAndCrockford) {
    const auto a = newUlid(1000);
    const auto b = newUlid(2000);
    EXPECT_EQ(a.size(), 26U);
    EXPECT_LT(a, b);
    EXPECT_NE(newUlid(1000), newUlid(1000));
    EXPECT_EQ(a.find_first_not_of("0123456789ABCDEFGHJKMNPQRSTVWXYZ"), std::string::npos);
    EXPECT_EQ(formatIsoTime(1'700'000'000'123), "2023-11-14T22:13:20.123Z");
}

} // namespace
} // namespace meetscan::core
