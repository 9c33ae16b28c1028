// Sync against a real PostgreSQL cluster the suite makes and removes: server and event schema
// set-up, idempotent pushes, roster and erasure travelling from the office to its stations,
// leads folded from every station's visits, the whole-event download, and the SyncWorker's
// status and back-off.
#include "core/export/lead_list.hpp"
#include "core/store/erasure.hpp"
#include "core/sync/event_download.hpp"
#include "core/sync/outbox.hpp"
#include "core/sync/sync_push.hpp"
#include "core/sync/sync_worker.hpp"
#include "sync_fixture.hpp"

#include <SQLiteCpp/Statement.h>

#include <thread>

namespace meetscan::core {
namespace {

class SyncRoundTrip : public SyncFixture {};

TEST_F(SyncRoundTrip, ServerInitIsRepeatableAndChecked) {
    auto connection = PgConnection::connect(m_conninfo);
    ASSERT_TRUE(connection);
    auto again = initServerSchema(*connection);
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(*again, latestServerSchemaVersion());
    EXPECT_EQ(server("SELECT count(*) FROM meetscan_schema"), std::to_string(latestServerSchemaVersion()));

    // A station cannot sync before its office made the event's schema.
    auto lounge = station("lounge"); // createStationLogin makes the schema: drop it again
    ASSERT_EQ(s_server->psql("DROP SCHEMA " + m_schema + " CASCADE", m_database).exitCode, 0);
    SyncClient early(serverFor(*lounge));
    auto refusedEarly = early.syncOnce(lounge->database());
    ASSERT_FALSE(refusedEarly);
    EXPECT_NE(refusedEarly.error().message.find("office"), std::string::npos) << refusedEarly.error().message;

    // The office's first sync makes it, twice is the same.
    sync(*m_office);
    sync(*m_office);
    EXPECT_EQ(server("SELECT max(version) FROM " + in("meetscan_event_schema")), std::to_string(latestEventSchemaVersion()));
    EXPECT_EQ(server("SELECT schema_name FROM meetscan_event"), m_schema);

    // A server where `server init` never ran refuses the office, and nothing is lost.
    const auto empty = s_server->freshDatabase(m_database + "_empty");
    SyncClient client(empty);
    auto report = client.syncOnce(m_office->database());
    ASSERT_FALSE(report);
    EXPECT_NE(report.error().message.find("server init"), std::string::npos) << report.error().message;
}

// A server set up when every event shared `public` (step 1) moves on with `server init`.
TEST_F(SyncRoundTrip, AServerOfTheSharedLayoutUpgrades) {
    const auto old = m_database + "_old";
    const auto conninfo = s_server->freshDatabase(old);
    ASSERT_EQ(s_server->psql("CREATE TABLE meetscan_schema (version integer PRIMARY KEY, name text NOT NULL, "
                             "applied_at timestamptz NOT NULL DEFAULT now()); INSERT INTO meetscan_schema (version, name) "
                             "VALUES (1, 'event tables'); CREATE TABLE scan (id text PRIMARY KEY); "
                             "INSERT INTO scan VALUES ('old')",
                             old)
                  .exitCode,
              0);
    auto connection = PgConnection::connect(conninfo);
    ASSERT_TRUE(connection);
    auto refused = requireServerSchema(*connection);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("server init"), std::string::npos) << refused.error().message;
    auto version = initServerSchema(*connection);
    ASSERT_TRUE(version) << version.error().message;
    EXPECT_EQ(*version, latestServerSchemaVersion());
    SyncClient client(conninfo);
    auto synced = client.syncOnce(m_office->database());
    ASSERT_TRUE(synced) << synced.error().message;
    EXPECT_EQ(s_server->scalar("SELECT count(*) FROM " + in("station"), old), "1");
    EXPECT_EQ(s_server->scalar("SELECT id FROM public.scan", old), "old") << "the old rows are left alone";
}

TEST_F(SyncRoundTrip, AnEventIdThatIsNotAUlidNeverBecomesAName) {
    EXPECT_TRUE(eventSchemaName("01HZY3V7J0ABCDEFGHJKMNPQRS"));
    for (const char* bad : {"", "E1", "01HZY3V7J0ABCDEFGHJKMNPQR;", "01HZY3V7J0ABCDEFGHJKMNPQRU", "81HZY3V7J0ABCDEFGHJKMNPQRS"}) {
        auto name = eventSchemaName(bad);
        ASSERT_FALSE(name) << bad;
        EXPECT_EQ(name.error().kind, Error::Kind::BadInput);
    }
    m_office->database().exec("UPDATE meta SET value = 'x\"; DROP TABLE meetscan_schema; --' WHERE key = 'event_id'");
    SyncClient client(m_conninfo);
    auto refused = client.syncOnce(m_office->database());
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, Error::Kind::BadInput);
    EXPECT_EQ(server("SELECT count(*) FROM meetscan_schema"), std::to_string(latestServerSchemaVersion()));
}

TEST_F(SyncRoundTrip, OutboxIsWrittenInTheScansTransaction) {
    Outbox outbox(m_office->database());
    const int before = outbox.size();
    {
        SQLite::Transaction transaction(m_office->database(), SQLite::TransactionBehavior::IMMEDIATE);
        m_office->scans().append(scanOf(*m_office, "A1", Outcome::FirstBadge, 1'000));
        // no commit: the scan and its outbox entry roll back together
    }
    EXPECT_EQ(outbox.size(), before);
    m_office->scans().append(scanOf(*m_office, "A1", Outcome::FirstBadge, 2'000));
    EXPECT_EQ(outbox.size(), before + 1);
}

TEST_F(SyncRoundTrip, ABatchSentThreeTimesIsAppliedOnce) {
    ASSERT_TRUE(m_office->attendees().importAll(roster()));
    meet(*m_office, "A1", "B2", 10'000);
    meet(*m_office, "A1", "C3", 20'000);
    const auto batch = Outbox(m_office->database()).next(100'000);
    auto connection = PgConnection::connect(m_conninfo);
    ASSERT_TRUE(connection);
    ASSERT_TRUE(ensureEventSchema(*connection, m_office->events().event().id));
    for (int i = 0; i < 3; ++i)
        ASSERT_NO_THROW(pushBatch(*connection, m_schema, batch));
    EXPECT_EQ(server("SELECT count(*) FROM " + in("scan")), "4");
    EXPECT_EQ(server("SELECT count(*) FROM " + in("meeting")), "2");
    EXPECT_EQ(server("SELECT count(*) FROM " + in("attendee")), "4");
    EXPECT_EQ(server("SELECT count(*) FROM " + in("attendee_code")), "4");
    const auto seqAfter = server("SELECT max(seq) FROM (SELECT seq FROM " + in("scan") + " UNION ALL SELECT seq FROM " +
                                 in("attendee") + ") s");
    ASSERT_NO_THROW(pushBatch(*connection, m_schema, batch));
    EXPECT_EQ(server("SELECT max(seq) FROM (SELECT seq FROM " + in("scan") + " UNION ALL SELECT seq FROM " +
                     in("attendee") + ") s"),
              seqAfter)
        << "a repeated batch must not even mark rows as changed";
}

// The connection is cut while the station's batch is inside its server transaction (it waits
// there for the write lock another session holds): nothing of it lands, the outbox keeps it,
// and the next round delivers it exactly once.
TEST_F(SyncRoundTrip, ConnectionCutMidBatchLosesNothing) {
    ASSERT_TRUE(m_office->attendees().importAll(roster()));
    sync(*m_office);
    auto lounge = station("lounge");
    meet(*lounge, "A1", "B2", 10'000);
    meet(*lounge, "B2", "C3", 11'000);
    auto holder = PgConnection::connect(m_conninfo + " application_name=lock-holder");
    ASSERT_TRUE(holder);
    holder->execScript("BEGIN");
    holder->exec(eventWriteLockSql(m_schema));

    Expected<SyncReport> cut = Error::world("not run");
    std::thread pusher([&] {
        SyncClient client(serverFor(*lounge), SyncOptions{1000});
        cut = client.syncOnce(lounge->database());
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
    EXPECT_EQ(server("SELECT count(*) FROM " + in("scan")), "0");
    EXPECT_GT(Outbox(lounge->database()).size(), 0);

    auto report = sync(*lounge);
    EXPECT_EQ(report.queued, 0);
    EXPECT_EQ(server("SELECT count(*) FROM " + in("scan")), "4");
    EXPECT_EQ(server("SELECT count(*) FROM " + in("meeting")), "2");
}

TEST_F(SyncRoundTrip, TheOfficesRosterConnectionsAndErasuresReachItsStations) {
    auto lounge = station("lounge"); // made before the roster was imported
    EXPECT_EQ(lounge->attendees().count(), 0);
    ASSERT_TRUE(m_office->attendees().importAll(roster()));
    auto report = sync(*m_office);
    EXPECT_GT(report.batches, 1) << "batches of 3 entries";
    EXPECT_EQ(report.queued, 0);

    sync(*lounge);
    EXPECT_EQ(lounge->attendees().count(), 4);
    ASSERT_TRUE(lounge->attendees().byCode("B2")) << "badge codes travel with their attendee";
    EXPECT_EQ(Outbox(lounge->database()).size(), 0) << "pulled rows are not pushed back";

    // A consent change at the office reaches the lounge.
    auto people = roster();
    people[2].consentExhibitors = false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5)); // a later updated_at
    ASSERT_TRUE(m_office->attendees().importAll(people));
    sync(*m_office);
    sync(*lounge);
    EXPECT_FALSE(lounge->attendees().byCode("C3")->consentExhibitors);

    // The lounge's connections reach the office (for Summary mode) and the server.
    meet(*lounge, "A1", "B2", 30'000);
    sync(*lounge);
    sync(*m_office);
    EXPECT_TRUE(m_office->meetings().connected(attendeeIdForCode("A1"), attendeeIdForCode("B2")));

    // An erasure at the office blanks the person at the server and at the lounge.
    ASSERT_TRUE(eraseAttendee(m_office->database(), attendeeIdForCode("A1"), m_office->events().station().id));
    sync(*m_office);
    EXPECT_EQ(server("SELECT count(*) FROM " + in("attendee") + " WHERE erased_at IS NOT NULL AND first_name = ''"), "1");
    EXPECT_EQ(server("SELECT count(*) FROM " + in("scan") + " WHERE raw_text = 'A1'"), "0");
    EXPECT_EQ(server("SELECT count(*) FROM " + in("attendee_code") + " WHERE code = 'A1'"), "0");
    sync(*lounge);
    EXPECT_FALSE(lounge->attendees().byCode("A1"));
    auto erased = lounge->attendees().byId(attendeeIdForCode("A1"));
    ASSERT_TRUE(erased);
    EXPECT_TRUE(erased->firstName.empty());
    EXPECT_EQ(lounge->database().execAndGet("SELECT count(*) FROM scan WHERE raw_text = 'A1'").getInt(), 0);

    // A scan of the erased person saved offline at another kiosk is blanked when it arrives.
    auto bar = station("bar");
    bar->database().exec("DELETE FROM erasure"); // the bar had not heard of the erasure yet
    auto late = scanOf(*bar, "A1", Outcome::FirstBadge, 40'000);
    bar->scans().append(late);
    sync(*bar);
    EXPECT_EQ(server("SELECT raw_text FROM " + in("scan") + " WHERE id = '" + late.id + "'"), "");
}

TEST_F(SyncRoundTrip, LeadsFromTwoBoothStationsFoldIntoOne) {
    ASSERT_TRUE(m_office->attendees().importAll(roster()));
    sync(*m_office);
    auto first = station("booth-1", Mode::Booth, "boothco");
    auto second = station("booth-2", Mode::Booth, "boothco");
    const auto ana = attendeeIdForCode("A1");
    const auto staff = attendeeIdForCode("ST");
    auto visit = [&](Store& booth, TimeMs at, Outcome outcome) {
        auto scan = scanOf(booth, "A1", outcome, at);
        scan.mode = "booth";
        booth.scans().append(scan);
        booth.leads().touch("boothco", ana, staff, booth.events().station().id, at);
    };
    visit(*first, 1'000, Outcome::LeadCaptured);
    visit(*first, 2'000, Outcome::LeadReopened);
    visit(*second, 3'000, Outcome::LeadCaptured);

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
    EXPECT_EQ(server("SELECT count(*) FROM " + in("lead")), "2") << "each booth's own visit";

    // Whole-event download: the exporters see the folded lead.
    test::TempDir out;
    auto event = downloadEvent(m_conninfo, m_office->events().event().id, out / "event.db");
    ASSERT_TRUE(event) << event.error().message;
    auto list = collectLeadList(**event, "boothco");
    ASSERT_TRUE(list) << list.error().message;
    ASSERT_EQ(list->rows.size(), 1U);
    EXPECT_EQ(list->rows[0].lead.scanCount, 3);
    EXPECT_EQ(list->rows[0].lead.firstScanAt, 1'000);
    EXPECT_EQ(list->rows[0].lead.lastScanAt, 3'000);
    EXPECT_EQ(list->rows[0].lead.rating, "hot");
    EXPECT_EQ(list->rows[0].lead.note, "wants a demo");
    EXPECT_EQ(list->rows[0].attendee.firstName, "Ana");

    // Erasure (the office's) wins over any edit, before or after it.
    ASSERT_TRUE(eraseAttendee(m_office->database(), ana, m_office->events().station().id));
    sync(*m_office);
    EXPECT_EQ(server("SELECT DISTINCT note || '|' || answers || '|' || tags FROM " + in("lead")), "|{}|[]");
    test::TempDir again;
    auto erased = downloadEvent(m_conninfo, m_office->events().event().id, again / "event.db");
    ASSERT_TRUE(erased) << erased.error().message;
    EXPECT_EQ((*erased)->database().execAndGet("SELECT scan_count || '|' || note FROM lead").getString(), "3|")
        << "an anonymous lead stays, so counts are kept";
}

// Rows from the server are input: one the fold refuses fails the sync as bad input, in one line,
// applies nothing, and keeps the cursors, so every later pull meets it again.
TEST_F(SyncRoundTrip, ARowTheFoldRefusesIsBadInputAndNothingIsApplied) {
    ASSERT_TRUE(m_office->attendees().importAll(roster()));
    sync(*m_office);
    auto lounge = station("lounge");
    sync(*lounge);
    meet(*m_office, "A1", "B2", 10'000);
    sync(*m_office);
    // A meeting whose pair is out of order breaks the station's CHECK (attendee_a < attendee_b).
    ASSERT_EQ(s_server->psql("INSERT INTO " + in("meeting") + " (id, station_id, at, attendee_a, attendee_b) VALUES ('" +
                                 newUlid() + "', '" + m_office->events().station().id + "', 1, 'zz', 'aa')",
                             m_database)
                  .exitCode,
              0);
    for (int round = 0; round < 2; ++round) {
        SyncClient client(serverFor(*lounge));
        auto refused = client.syncOnce(lounge->database());
        ASSERT_FALSE(refused);
        EXPECT_EQ(refused.error().kind, Error::Kind::BadInput) << refused.error().message;
        EXPECT_EQ(refused.error().message.find('\n'), std::string::npos) << refused.error().message;
        EXPECT_EQ(lounge->database().execAndGet("SELECT count(*) FROM meeting").getInt(), 0) << "nothing of the pull";
        EXPECT_EQ(lounge->database().execAndGet("SELECT count(*) FROM sync_state WHERE key = 'applying'").getInt(), 0);
    }
}

TEST_F(SyncRoundTrip, WorkerReportsErrorsBacksOffAndRecovers) {
    ASSERT_TRUE(m_office->attendees().importAll(roster()));
    sync(*m_office);
    auto lounge = station("lounge");
    meet(*lounge, "A1", "B2", 10'000);
    SyncWorkerOptions options;
    options.server = "host=127.0.0.1 port=1 dbname=nothing connect_timeout=1"; // nobody listens on port 1
    options.database = lounge->path();
    options.minBackoff = std::chrono::milliseconds(100);
    options.maxBackoff = std::chrono::milliseconds(400);
    {
        auto worker = SyncWorker::start(options);
        ASSERT_TRUE(worker) << worker.error().message;
        for (int i = 0; i < 100 && (*worker)->status().lastError.empty(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        const auto status = (*worker)->status();
        EXPECT_FALSE(status.lastError.empty());
        EXPECT_EQ(status.lastError.find('\n'), std::string::npos) << "one line for the admin panel";
        EXPECT_EQ(status.lastSuccessAt, 0);
        EXPECT_GT(status.queued, 0);
        EXPECT_GE(status.retryIn.count(), 100);
    }
    options.server = serverFor(*lounge);
    options.interval = std::chrono::milliseconds(100);
    auto worker = SyncWorker::start(options);
    ASSERT_TRUE(worker);
    for (int i = 0; i < 200 && (*worker)->status().lastSuccessAt == 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const auto status = (*worker)->status();
    EXPECT_GT(status.lastSuccessAt, 0) << status.lastError;
    EXPECT_EQ(status.queued, 0);
    EXPECT_TRUE(status.lastError.empty());
    EXPECT_EQ(server("SELECT count(*) FROM " + in("meeting")), "1");
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
    auto login = conninfoWithLogin("postgresql://office:admin@db.example.org:5433/meetscan", "ms_x", "p'w");
    ASSERT_TRUE(login);
    EXPECT_EQ(login->find("office"), std::string::npos) << *login;
    EXPECT_EQ(redactServer(*login).find("p'w"), std::string::npos) << redactServer(*login);
}

} // namespace
} // namespace meetscan::core
