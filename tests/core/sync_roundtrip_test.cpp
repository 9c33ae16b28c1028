// Sync against a real PostgreSQL cluster the suite makes and removes: schema set-up, idempotent
// pushes, roster and erasure travelling between stations, leads merged on the server, the
// whole-event download, and the SyncWorker's status and back-off.
#include "core/export/lead_list.hpp"
#include "core/store/erasure.hpp"
#include "core/store/store.hpp"
#include "core/sync/event_download.hpp"
#include "core/sync/outbox.hpp"
#include "core/sync/server_schema.hpp"
#include "core/sync/sync_client.hpp"
#include "core/sync/sync_push.hpp"
#include "core/sync/sync_worker.hpp"
#include "support/pg_server.hpp"
#include "support/temp_dir.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <gtest/gtest.h>

#include <thread>

namespace meetscan::core {
namespace {

class SyncRoundTrip : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        std::string whyNot;
        s_server = test::PgServer::create(whyNot).release();
        if (s_server == nullptr)
            s_whyNot = whyNot;
    }
    static void TearDownTestSuite() {
        delete s_server;
        s_server = nullptr;
    }
    void SetUp() override {
        if (s_server == nullptr)
            GTEST_SKIP() << s_whyNot;
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        m_database = std::string("t_") + info->name();
        m_conninfo = s_server->freshDatabase(m_database);
        auto connection = PgConnection::connect(m_conninfo);
        ASSERT_TRUE(connection) << connection.error().message;
        auto version = initServerSchema(*connection);
        ASSERT_TRUE(version) << version.error().message;
    }

    std::unique_ptr<Store> station(const std::string& name, Mode mode = Mode::Meet, const std::string& exhibitor = "") {
        auto store = Store::open(m_dir / (name + ".db"));
        EXPECT_TRUE(store) << store.error().message;
        auto s = (*store)->events().station();
        s.name = name;
        s.mode = mode;
        s.exhibitorId = exhibitor;
        EXPECT_TRUE((*store)->events().saveStation(s));
        return std::move(store).value();
    }

    static std::vector<Attendee> roster() {
        std::vector<Attendee> people;
        for (const auto& [code, first, consent] : {std::tuple{"A1", "Ana", true}, std::tuple{"B2", "Boris", true},
                                                   std::tuple{"C3", "Chen", true}, std::tuple{"ST", "Sam", true}}) {
            Attendee person;
            person.badgeCode = code;
            person.id = attendeeIdForCode(code);
            person.firstName = first;
            person.lastName = "Example";
            person.email = std::string(first) + "@example.org";
            person.consentExhibitors = consent;
            if (std::string(code) == "ST")
                person.exhibitorId = "boothco";
            people.push_back(person);
        }
        return people;
    }

    static void importRoster(Store& store, const std::vector<Attendee>& people) {
        ASSERT_TRUE(store.attendees().importAll(people));
        Exhibitor booth{"boothco", "Booth Co", "B1", {"demo"}, {}};
        ASSERT_TRUE(store.exhibitors().importAll({booth}));
    }

    static ScanRecord scanOf(Store& store, const std::string& code, Outcome outcome, TimeMs at) {
        ScanRecord record;
        record.id = newUlid(at);
        record.stationId = store.events().station().id;
        record.at = at;
        record.mode = "meet";
        record.rawText = code;
        record.format = "QRCode";
        record.attendeeId = attendeeIdForCode(code);
        record.outcome = outcome;
        return record;
    }

    // A meeting of two badges, saved with its two scans in one transaction as the session does.
    static void meet(Store& store, const std::string& a, const std::string& b, TimeMs at) {
        SQLite::Transaction transaction(store.database(), SQLite::TransactionBehavior::IMMEDIATE);
        auto first = scanOf(store, a, Outcome::FirstBadge, at);
        auto second = scanOf(store, b, Outcome::Connected, at + 1);
        store.scans().append(first);
        store.scans().append(second);
        store.meetings().add({newUlid(at + 1), store.events().station().id, at + 1, first.attendeeId,
                              second.attendeeId, first.id, second.id});
        transaction.commit();
    }

    SyncReport sync(Store& store, PullScope scope = PullScope::Station) {
        SyncClient client(m_conninfo, SyncOptions{3, 2000, scope});
        auto report = client.syncOnce(store.database());
        EXPECT_TRUE(report) << report.error().message;
        return report ? *report : SyncReport{};
    }

    std::string server(const std::string& sql) const { return s_server->scalar(sql, m_database); }

    static test::PgServer* s_server;
    static std::string s_whyNot;
    test::TempDir m_dir;
    std::string m_database;
    std::string m_conninfo;
};

test::PgServer* SyncRoundTrip::s_server = nullptr;
std::string SyncRoundTrip::s_whyNot;

TEST_F(SyncRoundTrip, ServerInitIsRepeatableAndChecked) {
    auto connection = PgConnection::connect(m_conninfo);
    ASSERT_TRUE(connection);
    auto again = initServerSchema(*connection);
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(*again, latestServerSchemaVersion());
    EXPECT_EQ(server("SELECT count(*) FROM meetscan_schema"), std::to_string(latestServerSchemaVersion()));
    EXPECT_TRUE(requireServerSchema(*connection));

    const auto empty = s_server->freshDatabase(m_database + "_empty");
    auto bare = PgConnection::connect(empty);
    ASSERT_TRUE(bare);
    auto refused = requireServerSchema(*bare);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("server init"), std::string::npos) << refused.error().message;

    auto lounge = station("lounge");
    SyncClient client(empty);
    auto report = client.syncOnce(lounge->database());
    ASSERT_FALSE(report);
    EXPECT_GT(Outbox(lounge->database()).size(), 0); // nothing was lost by the refusal
}

TEST_F(SyncRoundTrip, OutboxIsWrittenInTheScansTransaction) {
    auto store = station("lounge");
    Outbox outbox(store->database());
    const int before = outbox.size();
    {
        SQLite::Transaction transaction(store->database(), SQLite::TransactionBehavior::IMMEDIATE);
        store->scans().append(scanOf(*store, "A1", Outcome::FirstBadge, 1'000));
        // no commit: the scan and its outbox entry roll back together
    }
    EXPECT_EQ(outbox.size(), before);
    store->scans().append(scanOf(*store, "A1", Outcome::FirstBadge, 2'000));
    EXPECT_EQ(outbox.size(), before + 1);
}

TEST_F(SyncRoundTrip, ABatchSentThreeTimesIsAppliedOnce) {
    auto store = station("lounge");
    importRoster(*store, roster());
    meet(*store, "A1", "B2", 10'000);
    meet(*store, "A1", "C3", 20'000);
    Outbox outbox(store->database());
    const auto batch = outbox.next(100'000);
    auto connection = PgConnection::connect(m_conninfo);
    ASSERT_TRUE(connection);
    for (int i = 0; i < 3; ++i)
        ASSERT_NO_THROW(pushBatch(*connection, batch));
    EXPECT_EQ(server("SELECT count(*) FROM scan"), "4");
    EXPECT_EQ(server("SELECT count(*) FROM meeting"), "2");
    EXPECT_EQ(server("SELECT count(*) FROM attendee"), "4");
    EXPECT_EQ(server("SELECT count(*) FROM attendee_code"), "4");
    const auto seqAfter = server("SELECT max(seq) FROM (SELECT seq FROM scan UNION ALL SELECT seq FROM attendee) s");
    ASSERT_NO_THROW(pushBatch(*connection, batch));
    EXPECT_EQ(server("SELECT max(seq) FROM (SELECT seq FROM scan UNION ALL SELECT seq FROM attendee) s"), seqAfter)
        << "a repeated batch must not even mark rows as changed";
}

// The connection is cut while the station's batch is inside its server transaction (it waits
// there for the write lock another session holds): nothing of it lands, the outbox keeps it,
// and the next round delivers it exactly once.
TEST_F(SyncRoundTrip, ConnectionCutMidBatchLosesNothing) {
    auto store = station("lounge");
    importRoster(*store, roster());
    meet(*store, "A1", "B2", 10'000);
    meet(*store, "B2", "C3", 11'000);
    auto holder = PgConnection::connect(m_conninfo + " application_name=lock-holder");
    ASSERT_TRUE(holder);
    holder->execScript("BEGIN");
    holder->exec("SELECT pg_advisory_xact_lock(" + std::to_string(kServerWriteLock) + ")");

    Expected<SyncReport> cut = Error::world("not run");
    std::thread pusher([&] {
        SyncClient client(m_conninfo, SyncOptions{1000});
        cut = client.syncOnce(store->database());
    });
    bool waiting = false;
    for (int i = 0; i < 200 && !waiting; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
        waiting = server("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'meetscan-sync' "
                         "AND wait_event_type = 'Lock'") == "1";
    }
    EXPECT_TRUE(waiting) << "the push should be blocked inside its transaction";
    EXPECT_EQ(s_server->cutSyncConnections(), 1);
    pusher.join();
    holder->execScript("ROLLBACK");
    ASSERT_FALSE(cut);
    EXPECT_EQ(server("SELECT count(*) FROM scan"), "0");
    EXPECT_GT(Outbox(store->database()).size(), 0);

    auto report = sync(*store);
    EXPECT_EQ(report.queued, 0);
    EXPECT_EQ(server("SELECT count(*) FROM scan"), "4");
    EXPECT_EQ(server("SELECT count(*) FROM meeting"), "2");
}

TEST_F(SyncRoundTrip, StationsShareRosterConnectionsAndErasures) {
    auto organiser = station("desk");
    importRoster(*organiser, roster());
    auto report = sync(*organiser);
    EXPECT_GT(report.batches, 1) << "batches of 3 entries";
    EXPECT_EQ(report.queued, 0);

    auto lounge = station("lounge");
    EXPECT_EQ(lounge->attendees().count(), 0);
    sync(*lounge);
    EXPECT_EQ(lounge->attendees().count(), 4);
    ASSERT_TRUE(lounge->attendees().byCode("B2")) << "badge codes travel with their attendee";
    EXPECT_EQ(Outbox(lounge->database()).size(), 0) << "pulled rows are not pushed back";

    // A consent change at the organiser's desk reaches the lounge.
    auto people = roster();
    people[2].consentExhibitors = false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5)); // a later updated_at
    importRoster(*organiser, people);
    sync(*organiser);
    sync(*lounge);
    EXPECT_FALSE(lounge->attendees().byCode("C3")->consentExhibitors);

    // The lounge's connections reach the desk (for Summary mode) and the server.
    meet(*lounge, "A1", "B2", 30'000);
    sync(*lounge);
    sync(*organiser);
    EXPECT_TRUE(organiser->meetings().connected(attendeeIdForCode("A1"), attendeeIdForCode("B2")));

    // An erasure at the desk blanks the person at the server and at the lounge.
    ASSERT_TRUE(eraseAttendee(organiser->database(), attendeeIdForCode("A1"), organiser->events().station().id));
    sync(*organiser);
    EXPECT_EQ(server("SELECT count(*) FROM attendee WHERE erased_at IS NOT NULL AND first_name = ''"), "1");
    EXPECT_EQ(server("SELECT count(*) FROM scan WHERE raw_text = 'A1'"), "0");
    EXPECT_EQ(server("SELECT count(*) FROM attendee_code WHERE code = 'A1'"), "0");
    sync(*lounge);
    EXPECT_FALSE(lounge->attendees().byCode("A1"));
    auto erased = lounge->attendees().byId(attendeeIdForCode("A1"));
    ASSERT_TRUE(erased);
    EXPECT_TRUE(erased->firstName.empty());
    EXPECT_EQ(lounge->database().execAndGet("SELECT count(*) FROM scan WHERE raw_text = 'A1'").getInt(), 0);

    // A scan of the erased person saved offline at the lounge is blanked when it arrives.
    auto late = scanOf(*lounge, "A1", Outcome::FirstBadge, 40'000);
    lounge->database().exec("DELETE FROM erasure"); // the lounge had not heard of the erasure yet
    lounge->scans().append(late);
    sync(*lounge);
    EXPECT_EQ(server("SELECT raw_text FROM scan WHERE id = '" + late.id + "'"), "");
}

TEST_F(SyncRoundTrip, LeadsFromTwoBoothStationsMergeOnTheServer) {
    auto first = station("booth-1", Mode::Booth, "boothco");
    auto second = station("booth-2", Mode::Booth, "boothco");
    importRoster(*first, roster());
    importRoster(*second, roster());
    const auto ana = attendeeIdForCode("A1");
    const auto staff = attendeeIdForCode("ST");
    first->leads().touch("boothco", ana, staff, first->events().station().id, 1'000);
    first->leads().touch("boothco", ana, staff, first->events().station().id, 2'000);
    second->leads().touch("boothco", ana, staff, second->events().station().id, 3'000);

    auto edited = *first->leads().find("boothco", ana);
    edited.rating = "warm";
    edited.note = "wants a demo";
    first->leads().saveEdits(edited, first->events().station().id, 4'000);
    auto later = *second->leads().find("boothco", ana);
    later.rating = "hot"; // the latest edit of a field wins
    second->leads().saveEdits(later, second->events().station().id, 5'000);

    sync(*second);
    sync(*first);
    sync(*first); // nothing new: nothing changes
    EXPECT_EQ(server("SELECT count(*) FROM lead"), "1");
    EXPECT_EQ(server("SELECT scan_count || '|' || first_scan_at || '|' || last_scan_at || '|' || rating || '|' || note "
                     "FROM lead"),
              "3|1000|3000|hot|wants a demo");

    // Whole-event download: the exporters see the merged lead.
    test::TempDir out;
    auto event = downloadEvent(m_conninfo, out / "event.db");
    ASSERT_TRUE(event) << event.error().message;
    auto list = collectLeadList(**event, "boothco");
    ASSERT_TRUE(list) << list.error().message;
    ASSERT_EQ(list->rows.size(), 1U);
    EXPECT_EQ(list->rows[0].lead.scanCount, 3);
    EXPECT_EQ(list->rows[0].lead.rating, "hot");
    EXPECT_EQ(list->rows[0].attendee.firstName, "Ana");

    // Erasure wins over any edit, before or after it.
    ASSERT_TRUE(eraseAttendee(second->database(), ana, second->events().station().id));
    sync(*second);
    EXPECT_EQ(server("SELECT note || '|' || answers || '|' || tags FROM lead"), "|{}|[]");
}

TEST_F(SyncRoundTrip, WorkerReportsErrorsBacksOffAndRecovers) {
    auto store = station("lounge");
    importRoster(*store, roster());
    meet(*store, "A1", "B2", 10'000);
    SyncWorkerOptions options;
    options.server = "host=127.0.0.1 port=1 dbname=nothing connect_timeout=1"; // nobody listens on port 1
    options.database = store->path();
    options.minBackoff = std::chrono::milliseconds(100);
    options.maxBackoff = std::chrono::milliseconds(400);
    {
        auto worker = SyncWorker::start(options);
        ASSERT_TRUE(worker) << worker.error().message;
        for (int i = 0; i < 100 && (*worker)->status().lastError.empty(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        const auto status = (*worker)->status();
        EXPECT_FALSE(status.lastError.empty());
        EXPECT_EQ(status.lastSuccessAt, 0);
        EXPECT_GT(status.queued, 0);
        EXPECT_GE(status.retryIn.count(), 100);
    }
    options.server = m_conninfo;
    options.interval = std::chrono::milliseconds(100);
    auto worker = SyncWorker::start(options);
    ASSERT_TRUE(worker);
    for (int i = 0; i < 200 && (*worker)->status().lastSuccessAt == 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const auto status = (*worker)->status();
    EXPECT_GT(status.lastSuccessAt, 0) << status.lastError;
    EXPECT_EQ(status.queued, 0);
    EXPECT_TRUE(status.lastError.empty());
    EXPECT_EQ(server("SELECT count(*) FROM meeting"), "1");
}

TEST(SyncBackoff, DoublesWithinBounds) {
    using std::chrono::milliseconds;
    EXPECT_EQ(nextBackoff(milliseconds(1000), milliseconds(1000), milliseconds(60000)), milliseconds(2000));
    EXPECT_EQ(nextBackoff(milliseconds(40000), milliseconds(1000), milliseconds(60000)), milliseconds(60000));
    EXPECT_EQ(nextBackoff(milliseconds(0), milliseconds(1000), milliseconds(60000)), milliseconds(1000));
}

TEST(SyncRedaction, PasswordsNeverReachTheScreen) {
    EXPECT_EQ(redactServer("postgresql://kiosk:s3cret@db.example.org/event"), "postgresql://kiosk:***@db.example.org/event");
    EXPECT_EQ(redactServer("host=db user=kiosk password=s3cret dbname=event"), "host=db user=kiosk password=*** dbname=event");
    EXPECT_EQ(redactServer("host=db dbname=event"), "host=db dbname=event");
}

} // namespace
} // namespace meetscan::core
