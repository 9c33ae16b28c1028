// The merge rules one by one (MERGE_RULES.md): leads, roster versions, erasures, refusals,
// older schemas, all-or-nothing, and the staging schema sync folds pulled rows through.
#include "core/domain/ulid.hpp"
#include "core/merge/database_merge.hpp"
#include "core/store/database.hpp"
#include "support/merge_stations.hpp"
#include "support/temp_dir.hpp"

#include <SQLiteCpp/Transaction.h>
#include <algorithm>
#include <gtest/gtest.h>

namespace meetscan::core {
namespace {

using test::canonicalDump;

class MergeRulesTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto organiser = test::openStore(m_dir / "organiser.db");
        m_event = organiser->events().event();
        m_event.name = "Rules Conf";
        ASSERT_TRUE(organiser->events().saveEvent(m_event));
        m_officeSecret = test::officeSecretOf(*organiser);
    }

    // A station of the event with the roster and exhibitors imported.
    std::unique_ptr<Store> station(const std::string& name, Mode mode, const std::string& exhibitor = "") {
        auto store = test::openStore(m_dir / (name + ".db"));
        EXPECT_TRUE(store->events().saveEvent(m_event));
        test::shareOffice(*store, m_officeSecret); // copies of one office, each holding the roster
        auto own = store->events().station();
        own.name = name;
        own.mode = mode;
        own.exhibitorId = exhibitor;
        EXPECT_TRUE(store->events().saveStation(own));
        EXPECT_TRUE(store->exhibitors().importAll({{"acme", "Acme Robotics", "B12", {"demo"}, {}}}));
        std::vector<Attendee> people{test::staffMember("S1", "acme")};
        for (int i = 0; i < 6; ++i)
            people.push_back(test::rosterPerson(i, 1));
        EXPECT_TRUE(store->attendees().importAll(people));
        return store;
    }

    static Decision scan(ScanSession& session, const std::string& code, TimeMs at) {
        auto decision = session.onScan({code, "QRCode"}, at);
        EXPECT_TRUE(decision.saved) << decision.error;
        return decision;
    }

    static MergeReport mergeInto(Store& target, const std::vector<std::filesystem::path>& others) {
        auto report = mergeDatabases(target.database(), others);
        EXPECT_TRUE(report) << (report ? "" : report.error().message);
        return report ? *report : MergeReport{};
    }

    static const std::string kVisitor;
    test::TempDir m_dir;
    Event m_event;
    std::string m_officeSecret;
};

const std::string MergeRulesTest::kVisitor = attendeeIdForCode("P01");

TEST_F(MergeRulesTest, OneLeadPerVisitorWithTheLatestEditOfEachField) {
    auto a = station("a", Mode::Booth, "acme");
    auto b = station("b", Mode::Booth, "acme");
    ScanSession atA(*a);
    ScanSession atB(*b);
    scan(atA, "S1", 1000);
    auto first = scan(atA, "P01", 2000);
    ASSERT_TRUE(first.lead);
    scan(atA, "P01", 9000); // reopened: count 2 at a
    auto fromB = scan(atB, "P01", 5000);
    ASSERT_TRUE(fromB.lead);
    scan(atB, "P01", 12000);
    scan(atB, "P01", 15000); // count 3 at b

    Lead editA = *first.lead;
    editA.rating = "warm";
    editA.note = "met at a";
    ASSERT_TRUE(atA.saveLead(editA, 20000));
    editA.rating = "hot"; // a's latest rating
    ASSERT_TRUE(atA.saveLead(editA, 30000));
    Lead editB = *fromB.lead;
    editB.rating = "cold"; // before a's last rating
    editB.note = "met at b"; // after a's note
    editB.tags = {"demo"};
    ASSERT_TRUE(atB.saveLead(editB, 25000));

    const std::string smallest = std::min(first.lead->id, fromB.lead->id);
    const auto bFile = m_dir / "b.db";
    b.reset();
    mergeInto(*a, {bFile});
    const auto lead = a->leads().find("acme", kVisitor);
    ASSERT_TRUE(lead);
    EXPECT_EQ(lead->id, smallest);
    EXPECT_EQ(lead->firstScanAt, 2000);
    EXPECT_EQ(lead->lastScanAt, 15000);
    EXPECT_EQ(lead->scanCount, 5); // 2 + 3 scans in the unioned log
    EXPECT_EQ(lead->rating, "hot");
    EXPECT_EQ(lead->note, "met at b");
    EXPECT_EQ(lead->tags, std::vector<std::string>{"demo"});
    EXPECT_EQ(a->leads().count(), 1);

    // The same again changes nothing, and merging the result back into b agrees with a.
    const auto dump = canonicalDump(a->database());
    const auto again = mergeInto(*a, {bFile});
    EXPECT_EQ(again.counts.added() + again.counts.updated(), 0);
    EXPECT_EQ(canonicalDump(a->database()), dump);
    auto bAgain = test::openStore(bFile);
    mergeInto(*bAgain, {m_dir / "a.db"});
    EXPECT_EQ(canonicalDump(bAgain->database()), dump);
}

// Lead edits are stamped by a hybrid clock (hybrid_clock.hpp): a kiosk whose clock runs years
// ahead wins only until its edits reach the others; an edit made after that, anywhere, wins.
TEST_F(MergeRulesTest, AKioskWhoseClockRunsAheadLeadsOnlyUntilItsEditsArrive) {
    auto fast = station("fast", Mode::Booth, "acme");
    auto right = station("right", Mode::Booth, "acme");
    ScanSession atFast(*fast);
    ScanSession atRight(*right);
    constexpr TimeMs kNow = 1'800'000'000'000;
    constexpr TimeMs kFiveYears = 5LL * 365 * 24 * 3600 * 1000;
    scan(atFast, "S1", kNow + kFiveYears);
    auto fromFast = scan(atFast, "P01", kNow + kFiveYears + 1000);
    ASSERT_TRUE(fromFast.lead);
    Lead edit = *fromFast.lead;
    edit.rating = "cold";
    ASSERT_TRUE(atFast.saveLead(edit, kNow + kFiveYears + 2000));

    scan(atRight, "S1", kNow);
    auto fromRight = scan(atRight, "P01", kNow + 1000);
    ASSERT_TRUE(fromRight.lead);
    const auto fastFile = m_dir / "fast.db";
    fast.reset();
    mergeInto(*right, {fastFile});
    EXPECT_EQ(right->leads().find("acme", kVisitor)->rating, "cold"); // the fast edit is the latest yet

    Lead later = *right->leads().find("acme", kVisitor);
    later.rating = "hot"; // made after the fast edit arrived, on a clock five years behind it
    ASSERT_TRUE(atRight.saveLead(later, kNow + 5000));
    EXPECT_EQ(right->leads().find("acme", kVisitor)->rating, "hot");
    auto fastAgain = test::openStore(fastFile);
    mergeInto(*fastAgain, {m_dir / "right.db"});
    EXPECT_EQ(fastAgain->leads().find("acme", kVisitor)->rating, "hot");
}

TEST_F(MergeRulesTest, TheLatestRosterImportWinsWhicheverWayRoundTheMergeGoes) {
    auto older = station("older", Mode::Meet);
    auto newer = station("newer", Mode::Meet);
    auto v2 = test::rosterPerson(2, 2);
    ASSERT_TRUE(newer->attendees().importAll({v2}));
    const auto newerFile = m_dir / "newer.db";
    const auto olderFile = m_dir / "older.db";
    newer.reset();
    mergeInto(*older, {newerFile});
    EXPECT_EQ(older->attendees().byCode("P02")->company, v2.company);
    EXPECT_EQ(older->attendees().byCode("P02")->title, v2.title);
    older.reset();
    newer = test::openStore(newerFile);
    mergeInto(*newer, {olderFile});
    EXPECT_EQ(newer->attendees().byCode("P02")->company, v2.company);
    EXPECT_EQ(newer->attendees().byCode("ALT01")->id, attendeeIdForCode("P01")); // other codes travel too
}

TEST_F(MergeRulesTest, AnErasureWinsOverAnOldCopyOfThePerson) {
    auto kiosk = station("kiosk", Mode::Meet);
    auto old = station("old", Mode::Meet);
    ScanSession atOld(*old);
    scan(atOld, "P01", 1000);
    scan(atOld, "P02", 2000); // a meeting P01-P02 with P01's badge text in the log
    const auto oldFile = m_dir / "old.db";
    old.reset();
    mergeInto(*kiosk, {oldFile});
    ASSERT_TRUE(eraseAttendee(kiosk->database(), kVisitor, kiosk->events().station().id));

    const auto report = mergeInto(*kiosk, {oldFile}); // the un-erased copy comes back on a USB stick
    EXPECT_EQ(report.counts.added(), 0);
    auto& db = kiosk->database();
    EXPECT_FALSE(kiosk->attendees().byCode("P01"));
    EXPECT_FALSE(kiosk->attendees().byCode("ALT01"));
    EXPECT_EQ(db.execAndGet("SELECT first_name || email FROM attendee WHERE id = '" + kVisitor + "'").getString(), "");
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM scan WHERE raw_text = 'P01'").getInt(), 0);
    EXPECT_EQ(kiosk->meetings().meetingCount(), 1); // the anonymous count stays

    // Folding the erased database into the old copy erases the person there too.
    const auto kioskFile = m_dir / "kiosk.db";
    kiosk.reset();
    old = test::openStore(oldFile);
    mergeInto(*old, {kioskFile});
    EXPECT_FALSE(old->attendees().byCode("P01"));
    EXPECT_EQ(old->database().execAndGet("SELECT count(*) FROM scan WHERE raw_text = 'P01'").getInt(), 0);
    EXPECT_EQ(old->database().execAndGet("SELECT count(*) FROM erasure").getInt(), 1);
}

TEST_F(MergeRulesTest, RefusesAnotherEventAndNonMeetScanFilesWithoutWriting) {
    auto kiosk = station("kiosk", Mode::Meet);
    {
        auto stranger = test::openStore(m_dir / "stranger.db"); // its own, different event
        auto event = stranger->events().event();
        event.name = "Other Summit";
        ASSERT_TRUE(stranger->events().saveEvent(event));
    }
    auto good = station("good", Mode::Meet);
    ScanSession atGood(*good);
    scan(atGood, "P01", 1000);
    good.reset();
    const auto before = canonicalDump(kiosk->database());
    const auto text = m_dir.write("notes.db", "this is not a database, just some text that is long enough\n");
    {
        SQLite::Database empty((m_dir / "empty.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        empty.exec("CREATE TABLE t (x)");
    }
    struct Case {
        std::filesystem::path file;
        std::string says;
    };
    for (const auto& [file, says] : std::vector<Case>{{m_dir / "stranger.db", "belongs to another event"},
                                                      {text, "is not a MeetScan database"},
                                                      {m_dir / "empty.db", "is not a MeetScan database"},
                                                      {m_dir / "missing.db", "cannot read"},
                                                      {m_dir.path(), "cannot read"}}) {
        // The good file comes first: nothing of it may be written either.
        auto report = mergeDatabases(kiosk->database(), {m_dir / "good.db", file});
        ASSERT_FALSE(report) << file;
        EXPECT_EQ(report.error().kind, Error::Kind::BadInput) << file;
        EXPECT_NE(report.error().message.find(says), std::string::npos) << report.error().message;
        EXPECT_NE(report.error().message.find(file.string()), std::string::npos) << report.error().message;
    }
    EXPECT_EQ(canonicalDump(kiosk->database()), before);
}

TEST_F(MergeRulesTest, ABrokenRowInAFileStopsTheMergeBeforeAnythingIsWritten) {
    auto kiosk = station("kiosk", Mode::Meet);
    auto bad = station("bad", Mode::Meet);
    ScanSession atBad(*bad);
    scan(atBad, "P01", 1000);
    scan(atBad, "P02", 2000);
    // A meeting whose pair is not ordered cannot be stored: it is refused, not silently dropped.
    bad->database().exec("PRAGMA ignore_check_constraints = ON");
    bad->database().exec("INSERT INTO meeting (id, station_id, at, attendee_a, attendee_b) VALUES ('zz', 's', 1, 'b', 'a')");
    bad.reset();
    const auto before = canonicalDump(kiosk->database());
    auto report = mergeDatabases(kiosk->database(), {m_dir / "bad.db"});
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().kind, Error::Kind::BadInput);
    EXPECT_NE(report.error().message.find("row meeting \"zz\""), std::string::npos) << report.error().message;
    EXPECT_NE(report.error().message.find("bad.db"), std::string::npos) << report.error().message;
    EXPECT_EQ(canonicalDump(kiosk->database()), before);
}

TEST_F(MergeRulesTest, AFailureHalfWayThroughTheFoldRollsEverythingBack) {
    auto kiosk = station("kiosk", Mode::Meet);
    auto other = station("other", Mode::Meet);
    ScanSession atOther(*other);
    scan(atOther, "P01", 1000);
    scan(atOther, "P02", 2000);
    ASSERT_TRUE(eraseAttendee(other->database(), attendeeIdForCode("P03"), "other"));
    other.reset();
    // The target fails once the roster, the erasure and the scans are in, at the meetings.
    kiosk->database().exec("CREATE TRIGGER refuse_meetings BEFORE INSERT ON meeting "
                           "BEGIN SELECT RAISE(FAIL, 'the disk said no'); END");
    const auto before = canonicalDump(kiosk->database());
    auto report = mergeDatabases(kiosk->database(), {m_dir / "other.db"});
    ASSERT_FALSE(report);
    EXPECT_NE(report.error().message.find("the disk said no"), std::string::npos) << report.error().message;
    EXPECT_EQ(canonicalDump(kiosk->database()), before);
    EXPECT_EQ(kiosk->scans().count(), 0);
    EXPECT_TRUE(kiosk->attendees().byCode("P03"));
    kiosk->database().exec("DROP TRIGGER refuse_meetings");
    ASSERT_TRUE(mergeDatabases(kiosk->database(), {m_dir / "other.db"}));
    EXPECT_EQ(kiosk->scans().count(), 2);
    EXPECT_FALSE(kiosk->attendees().byCode("P03"));
}

TEST_F(MergeRulesTest, AnOlderSchemaIsReadThroughACopyAndNeverModified) {
    auto kiosk = station("kiosk", Mode::Meet);
    const auto oldFile = m_dir / "v5.db";
    {
        // A station of an older MeetScan, stopped at schema 5 (no erasure, no keys yet).
        auto db = std::move(openDatabase(oldFile, 5)).value();
        db->exec("PRAGMA journal_mode = DELETE");
        const auto stationId = newUlid(1);
        SQLite::Statement meta(*db, "INSERT INTO meta (key, value) VALUES ('event_id', ?), ('station_id', ?)");
        meta.bind(1, m_event.id);
        meta.bind(2, stationId);
        meta.exec();
        db->exec("INSERT INTO station (id, name, mode, created_at, updated_at) VALUES ('" + stationId + "', 'old', 'meet', 1, 1)");
        db->exec("INSERT INTO scan (id, station_id, at, mode, raw_text, attendee_id, outcome) VALUES ('" + newUlid(5) +
                 "', '" + stationId + "', 5, 'meet', 'P03', '" + attendeeIdForCode("P03") + "', 'first_badge')");
        const auto first = attendeeIdForCode("P01");
        const auto second = attendeeIdForCode("P02");
        const auto pair = std::minmax(first, second);
        db->exec("INSERT INTO meeting (id, station_id, at, attendee_a, attendee_b) VALUES ('" + newUlid(6) + "', '" +
                 stationId + "', 6, '" + pair.first + "', '" + pair.second + "')");
        ASSERT_EQ(schemaVersion(*db), 5);
    }
    const auto bytes = test::readFile(oldFile);
    const auto report = mergeInto(*kiosk, {oldFile});
    EXPECT_EQ(report.counts.tables.at("scan").added, 1);
    EXPECT_EQ(report.counts.tables.at("meeting").added, 1);
    EXPECT_EQ(report.counts.tables.at("station").added, 1);
    EXPECT_EQ(test::readFile(oldFile), bytes);
    SQLite::Database check(oldFile.string(), SQLite::OPEN_READONLY);
    EXPECT_EQ(schemaVersion(check), 5);
}

TEST_F(MergeRulesTest, AnUntouchedCopyOfThisStationIsNamedAndAChangedOneIsRefused) {
    auto kiosk = station("kiosk", Mode::Booth, "acme");
    const auto copy = m_dir / "copy.db";
    test::snapshotDatabase(m_dir / "kiosk.db", copy);
    const auto report = mergeInto(*kiosk, {copy});
    ASSERT_EQ(report.warnings.size(), 1u);
    EXPECT_NE(report.warnings[0].find("this station's id"), std::string::npos);
    {
        auto other = test::openStore(copy);
        auto own = other->events().station();
        own.name = "renamed later";
        own.mode = Mode::Summary;
        ASSERT_TRUE(other->events().saveStation(own));
    }
    const auto before = canonicalDump(kiosk->database());
    const auto refused = mergeDatabases(kiosk->database(), {copy});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, Error::Kind::BadInput);
    EXPECT_NE(refused.error().message.find("only its owner may change it"), std::string::npos) << refused.error().message;
    EXPECT_EQ(canonicalDump(kiosk->database()), before);
    EXPECT_EQ(kiosk->events().station().mode, Mode::Booth);
    EXPECT_EQ(kiosk->events().station().name, "kiosk");
}

TEST_F(MergeRulesTest, PulledRowsFoldThroughAStagingSchemaEvenWhenRepeated) {
    auto kiosk = station("kiosk", Mode::Meet);
    auto& db = kiosk->database();
    attachStaging(db, "pulled");
    const auto serverStation = newUlid(3);
    const auto pulledScan = newUlid(7);
    db.exec("INSERT INTO pulled.station (id, name, mode, created_at, updated_at) VALUES ('" + serverStation +
            "', 'lounge', 'meet', 3, 3)");
    for (int copy = 0; copy < 2; ++copy) // a batch that arrived twice
        db.exec("INSERT INTO pulled.scan (id, station_id, at, mode, raw_text, format, kind, attendee_id, outcome, detail) "
                "VALUES ('" + pulledScan + "', '" + serverStation + "', 7, 'meet', 'P04', 'QRCode', 'plain', NULL, 'first_badge', '')");
    db.exec("INSERT INTO pulled.erasure (attendee_id, station_id, at) VALUES ('" + attendeeIdForCode("P05") + "', '" +
            serverStation + "', 99)");
    {
        SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
        auto counts = foldAttached(db, "pulled");
        ASSERT_TRUE(counts) << counts.error().message;
        EXPECT_EQ(counts->tables.at("scan").added, 1);
        EXPECT_EQ(counts->tables.at("erasure").added, 1);
        EXPECT_EQ(counts->tables.at("attendee").updated, 1); // the erased person
        transaction.commit();
    }
    db.exec("DETACH DATABASE pulled");
    EXPECT_FALSE(kiosk->attendees().byCode("P05"));
    EXPECT_EQ(db.execAndGet("SELECT erased_at FROM attendee WHERE id = '" + attendeeIdForCode("P05") + "'").getInt64(), 99);
}

} // namespace
} // namespace meetscan::core
