// The large-roster path of AttendeeRepository::importFeed: rows read on a second thread, new
// people written many to a statement, codes and indexes built after the rows. It must keep the
// semantics of the small path: all or nothing, updates by badge code, no duplicates, and the
// first error is the one reported, whichever thread met it.
#include "core/store/attendee_repository.hpp"
#include "core/store/store.hpp"
#include "support/fresh_store.hpp"
#include "support/temp_dir.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <stdexcept>

namespace meetscan::core {
namespace {

namespace fs = std::filesystem;

// More than the bulk threshold (5,000) and not a multiple of the 64 rows a statement takes.
constexpr int kPeople = 6'203;

Attendee person(int i) {
    Attendee a;
    a.badgeCode = fmt::format("CODE-{:05}", i);
    a.firstName = fmt::format("First{}", i);
    a.lastName = fmt::format("Last{}", i);
    a.email = fmt::format("Person{}@Example.org", i);
    a.company = i % 3 == 0 ? "Acme, Inc." : "";
    a.consentExhibitors = i % 7 != 0;
    if (i % 10 == 0)
        a.otherCodes = {fmt::format("LEGACY-{}", i), fmt::format("ORDER-{}", i)}; // as the store lists them
    return a;
}

std::vector<Attendee> crowd(int count) {
    std::vector<Attendee> people;
    people.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i)
        people.push_back(person(i));
    return people;
}

// Hands the people over one by one, as the roster reader does (in file order, not id order).
AttendeeRepository::AttendeeFeed feedOf(const std::vector<Attendee>& people) {
    return [&people](const AttendeeRepository::AttendeeWriter& write) -> Status {
        for (const Attendee& a : people)
            if (auto written = write(a); !written)
                return written;
        return Done{};
    };
}

class RosterBulkImport : public test::FreshStore {
protected:
    int rows(const std::string& table) {
        return m_store->database().execAndGet("SELECT count(*) FROM " + table).getInt();
    }
    bool hasIndex(const std::string& name) {
        SQLite::Statement query(m_store->database(), "SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?");
        query.bind(1, name);
        return query.executeStep();
    }
};

TEST_F(RosterBulkImport, WritesEveryoneWithTheirCodesAndRebuildsTheIndexes) {
    const auto people = crowd(kPeople);
    const int cacheBefore = m_store->database().execAndGet("PRAGMA cache_size").getInt();
    auto imported = m_store->attendees().importFeed(people.size(), feedOf(people));
    ASSERT_TRUE(imported) << imported.error().message;
    EXPECT_EQ(imported->added, kPeople);
    EXPECT_EQ(imported->updated, 0);
    EXPECT_EQ(m_store->attendees().count(), kPeople);
    EXPECT_EQ(rows("attendee_code"), 2 * ((kPeople + 9) / 10)); // further codes: badge codes are on the rows
    EXPECT_EQ(rows("sync_outbox WHERE tbl = 'attendee'"), kPeople);   // queued in one statement, not per row
    EXPECT_TRUE(hasIndex("attendee_by_email"));
    EXPECT_TRUE(hasIndex("attendee_by_badge_code"));
    EXPECT_TRUE(hasIndex("attendee_code_by_attendee"));
    EXPECT_EQ(m_store->database().execAndGet("PRAGMA integrity_check").getString(), "ok");
    EXPECT_EQ(m_store->database().execAndGet("PRAGMA cache_size").getInt(), cacheBefore);

    // Every row is whole, whichever statement (64 rows or the single-row tail) wrote it.
    for (int i : {0, 1, 63, 64, 4'999, kPeople - 1}) {
        SCOPED_TRACE(i);
        const Attendee want = person(i);
        auto got = m_store->attendees().byCode(want.badgeCode);
        ASSERT_TRUE(got);
        EXPECT_EQ(got->id, attendeeIdForCode(want.badgeCode));
        EXPECT_EQ(got->firstName, want.firstName);
        EXPECT_EQ(got->lastName, want.lastName);
        EXPECT_EQ(got->company, want.company);
        EXPECT_EQ(got->consentExhibitors, want.consentExhibitors);
        EXPECT_EQ(got->otherCodes, want.otherCodes);
    }
    EXPECT_EQ(m_store->attendees().byCode("LEGACY-6200")->firstName, "First6200");
    EXPECT_EQ(m_store->attendees().byEmail("person4242@example.org")->lastName, "Last4242");
}

TEST_F(RosterBulkImport, AReimportUpdatesByBadgeCodeWithoutDuplicates) {
    auto people = crowd(kPeople);
    ASSERT_TRUE(m_store->attendees().importFeed(people.size(), feedOf(people)));
    const std::string annaId = attendeeIdForCode(people[10].badgeCode);

    people[10].lastName = "Renamed";
    people[10].otherCodes = {"ORDER-10"}; // LEGACY-10 withdrawn
    people[20].consentExhibitors = false;
    constexpr int kMore = 6'500; // more new people than there were: the bulk path again
    for (int i = kPeople; i < kPeople + kMore; ++i)
        people.push_back(person(i));
    auto again = m_store->attendees().importFeed(people.size(), feedOf(people));
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(again->added, kMore);
    EXPECT_EQ(again->updated, 2);
    EXPECT_EQ(again->unchanged, kPeople - 2);
    EXPECT_EQ(m_store->attendees().count(), kPeople + kMore);
    EXPECT_EQ(m_store->attendees().byCode("ORDER-10")->lastName, "Renamed");
    EXPECT_FALSE(m_store->attendees().byCode("LEGACY-10"));
    EXPECT_EQ(m_store->attendees().byId(annaId)->otherCodes, std::vector<std::string>{"ORDER-10"});
    EXPECT_FALSE(m_store->attendees().byCode(people[20].badgeCode)->consentExhibitors);

    auto same = m_store->attendees().importFeed(people.size(), feedOf(people));
    ASSERT_TRUE(same) << same.error().message;
    EXPECT_EQ(same->unchanged, kPeople + kMore);
    EXPECT_EQ(same->added + same->updated, 0);
}

// A large import into a database nobody else has open writes through a rollback journal (each
// page once, no checkpoint after it) and turns the WAL back on; with another connection open, as
// a running kiosk's, it stays in the WAL and that connection sees the people at once.
TEST_F(RosterBulkImport, WritesThroughARollbackJournalOnlyWhenAloneAndTheWalComesBack) {
    const fs::path db = m_dir / "event.db";
    const auto walBytes = [wal = fs::path(db.string() + "-wal")] {
        std::error_code missing;
        const auto bytes = fs::file_size(wal, missing);
        return missing ? 0 : bytes;
    };
    const auto people = crowd(kPeople);
    ASSERT_TRUE(m_store->attendees().importFeed(people.size(), feedOf(people)));
    EXPECT_EQ(m_store->database().execAndGet("PRAGMA journal_mode").getString(), "wal");
    EXPECT_FALSE(fs::exists(db.string() + "-journal"));
    EXPECT_EQ(walBytes(), 0U) << "the rows went through the WAL";

    SQLite::Database kiosk(db.string(), SQLite::OPEN_READWRITE);
    ASSERT_EQ(kiosk.execAndGet("SELECT count(*) FROM attendee").getInt(), kPeople);
    auto more = crowd(3 * kPeople);
    more.erase(more.begin(), more.begin() + kPeople);
    const auto started = std::chrono::steady_clock::now();
    auto imported = m_store->attendees().importFeed(more.size(), feedOf(more));
    ASSERT_TRUE(imported) << imported.error().message;
    EXPECT_EQ(imported->added, 2 * kPeople);
    // It asks to leave the WAL and goes on at once when refused: it does not sit out the store's
    // 10-second busy timeout first (the import alone takes well under a second, even under ASan).
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(8));
    EXPECT_GT(walBytes(), 0U) << "the rows should have gone through the WAL";
    EXPECT_EQ(kiosk.execAndGet("PRAGMA journal_mode").getString(), "wal");
    EXPECT_EQ(kiosk.execAndGet("SELECT count(*) FROM attendee").getInt(), 3 * kPeople);
    EXPECT_EQ(m_store->database().execAndGet("PRAGMA integrity_check").getString(), "ok");
}

// The writer meets the conflict long after the reading thread has gone ahead: the reader stops,
// the writer's message is the one returned, and nothing is kept.
TEST_F(RosterBulkImport, ACodeConflictDeepInTheFileLeavesTheDatabaseAsItWas) {
    const auto before = crowd(10);
    ASSERT_TRUE(m_store->attendees().importAll(before));
    auto people = crowd(kPeople);
    people[5'000].otherCodes = {"CODE-00003"};
    auto result = m_store->attendees().importFeed(people.size(), feedOf(people));
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, Error::Kind::BadInput);
    EXPECT_NE(result.error().message.find("badge code CODE-00003"), std::string::npos) << result.error().message;
    EXPECT_EQ(m_store->attendees().count(), 10);
    EXPECT_EQ(rows("attendee_code"), 2);
    EXPECT_TRUE(hasIndex("attendee_by_email"));
    EXPECT_TRUE(hasIndex("attendee_by_badge_code"));
    EXPECT_TRUE(hasIndex("attendee_code_by_attendee"));
}

TEST_F(RosterBulkImport, TheSameNewPersonTwiceIsRefused) {
    auto people = crowd(kPeople);
    Attendee twin = people[100]; // written in a 64-row statement, long before the twin
    twin.badgeCode = "ANOTHER-CODE"; // a different code, but the same id given by the caller
    twin.otherCodes.clear();
    twin.id = attendeeIdForCode(people[100].badgeCode);
    people.push_back(twin);
    auto result = m_store->attendees().importFeed(people.size(), feedOf(people));
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, Error::Kind::BadInput);
    EXPECT_NE(result.error().message.find(twin.id + " appears twice"), std::string::npos) << result.error().message;
    EXPECT_EQ(m_store->attendees().count(), 0);
}

TEST_F(RosterBulkImport, TheSameNewPersonTwiceInOneStatementIsRefused) {
    auto people = crowd(kPeople);
    Attendee twin = people[1];
    twin.badgeCode = "ANOTHER-CODE";
    twin.otherCodes.clear();
    twin.id = attendeeIdForCode(people[1].badgeCode);
    people.insert(people.begin() + 5, twin); // both among the first 64 rows
    auto result = m_store->attendees().importFeed(people.size(), feedOf(people));
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().message, "attendee " + twin.id + " appears twice in the roster");
    EXPECT_EQ(m_store->attendees().count(), 0);
}

TEST_F(RosterBulkImport, TheFeedsOwnErrorOrExceptionStopsTheImport) {
    const auto people = crowd(kPeople);
    auto failing = m_store->attendees().importFeed(
        people.size(), [&people](const AttendeeRepository::AttendeeWriter& write) -> Status {
            for (int i = 0; i < 3'000; ++i)
                if (auto written = write(people[static_cast<std::size_t>(i)]); !written)
                    return written;
            return Error::badInput("roster.csv:3002:4: \"maybe\" is not a consent value");
        });
    ASSERT_FALSE(failing);
    EXPECT_EQ(failing.error().message, "roster.csv:3002:4: \"maybe\" is not a consent value");

    auto throwing = m_store->attendees().importFeed(
        people.size(), [&people](const AttendeeRepository::AttendeeWriter& write) -> Status {
            for (int i = 0; i < 1'000; ++i)
                if (auto written = write(people[static_cast<std::size_t>(i)]); !written)
                    return written;
            throw std::runtime_error("out of memory");
        });
    ASSERT_FALSE(throwing);
    EXPECT_EQ(throwing.error().kind, Error::Kind::World);
    EXPECT_NE(throwing.error().message.find("out of memory"), std::string::npos) << throwing.error().message;
    EXPECT_EQ(m_store->attendees().count(), 0);
    EXPECT_EQ(rows("attendee_code"), 0);

    // And the store is fine afterwards.
    auto imported = m_store->attendees().importFeed(people.size(), feedOf(people));
    ASSERT_TRUE(imported) << imported.error().message;
    EXPECT_EQ(imported->added, kPeople);
}

} // namespace
} // namespace meetscan::core
