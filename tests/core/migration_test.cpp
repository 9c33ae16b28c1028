#include "core/store/database.hpp"
#include "core/store/attendee_repository.hpp"
#include "core/store/migration.hpp"
#include "core/store/store.hpp"
#include "support/temp_dir.hpp"

#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

namespace meetscan::core {
namespace {

TEST(Migrations, AreNumberedWithoutGaps) {
    int expected = 1;
    for (const auto& migration : allMigrations())
        EXPECT_EQ(migration.version, expected++) << migration.name;
}

TEST(Migrations, FreshDatabaseReachesLatestWithPragmas) {
    test::TempDir dir;
    auto db = openDatabase(dir / "event.db");
    ASSERT_TRUE(db) << db.error().message;
    EXPECT_EQ(schemaVersion(**db), latestSchemaVersion());
    EXPECT_EQ((*db)->execAndGet("PRAGMA journal_mode").getString(), "wal");
    EXPECT_EQ((*db)->execAndGet("PRAGMA synchronous").getInt(), 2); // FULL
    EXPECT_EQ((*db)->execAndGet("PRAGMA foreign_keys").getInt(), 1);
}

// Upgrading from every earlier version keeps what was there and ends at the latest schema.
TEST(Migrations, UpgradeFromEveryVersion) {
    for (int from = 0; from < latestSchemaVersion(); ++from) {
        SCOPED_TRACE("from version " + std::to_string(from));
        test::TempDir dir;
        {
            auto old = openDatabase(dir / "event.db", from);
            ASSERT_TRUE(old) << old.error().message;
            ASSERT_EQ(schemaVersion(**old), from);
            if (from >= 2) {
                (*old)->exec("INSERT INTO attendee (id, badge_code, first_name, updated_at) VALUES ('A1', 'C1', 'Ana', 1)");
                if (from < 8) // before version 8 the code table held the badge code as well
                    (*old)->exec("INSERT INTO attendee_code (code, attendee_id) VALUES ('C1', 'A1'), ('ORDER-1', 'A1')");
                else
                    (*old)->exec("INSERT INTO attendee_code (code, attendee_id) VALUES ('ORDER-1', 'A1')");
            }
        }
        auto store = Store::open(dir / "event.db");
        ASSERT_TRUE(store) << store.error().message;
        EXPECT_EQ(schemaVersion((*store)->database()), latestSchemaVersion());
        if (from >= 2) {
            EXPECT_EQ((*store)->database().execAndGet("SELECT first_name FROM attendee WHERE id = 'A1'").getString(),
                      "Ana");
            // Found by the badge code on the row and by the further code; the code table keeps only the latter.
            auto& attendees = (*store)->attendees();
            ASSERT_TRUE(attendees.byCode("C1"));
            EXPECT_EQ(attendees.byCode("C1")->id, "A1");
            ASSERT_TRUE(attendees.byCode("ORDER-1"));
            EXPECT_EQ(attendees.byCode("ORDER-1")->id, "A1");
            EXPECT_EQ(attendees.byId("A1")->otherCodes, std::vector<std::string>{"ORDER-1"});
            EXPECT_EQ((*store)->database().execAndGet("SELECT group_concat(code) FROM attendee_code").getString(),
                      "ORDER-1");
        }
        EXPECT_EQ((*store)->database()
                      .execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = 'attendee_by_badge_code'")
                      .getInt(),
                  1);
        EXPECT_FALSE((*store)->events().station().id.empty());
    }
}

TEST(Migrations, RefusesANewerSchema) {
    test::TempDir dir;
    {
        auto db = openDatabase(dir / "event.db");
        ASSERT_TRUE(db);
        (*db)->exec("PRAGMA user_version = 999");
    }
    auto again = openDatabase(dir / "event.db");
    ASSERT_FALSE(again);
    EXPECT_NE(again.error().message.find("newer MeetScan"), std::string::npos);
}

TEST(Migrations, RefusesAFileThatIsNotADatabase) {
    test::TempDir dir;
    auto path = dir.write("notes.db", std::string(4096, 'x'));
    auto db = openDatabase(path);
    ASSERT_FALSE(db);
    EXPECT_EQ(db.error().kind, Error::Kind::BadInput);
}

} // namespace
} // namespace meetscan::core
