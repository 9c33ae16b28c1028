#include "core/session/admin_lock.hpp"
#include "core/session/scan_session.hpp"
#include "core/session/session_worker.hpp"
#include "meetscan/scanner/base64.hpp"
#include "meetscan/scanner/signing.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace meetscan::core {
namespace {

Attendee sessionPerson(const std::string& code, const std::string& first, const std::string& last) {
    Attendee a;
    a.badgeCode = code;
    a.firstName = first;
    a.lastName = last;
    a.email = code + "@example.org";
    a.company = "Company of " + first;
    a.title = "Engineer";
    return a;
}

class SessionTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_store = std::move(Store::open(m_dir / "event.db")).value();
        auto noConsent = sessionPerson("NC", "Nina", "Private");
        noConsent.consentExhibitors = false;
        auto staff = sessionPerson("ST", "Sam", "Staff");
        staff.exhibitorId = "acme";
        ASSERT_TRUE(m_store->attendees().importAll(
            {sessionPerson("A", "Ana", "Silva"), sessionPerson("B", "Борис", "Иванов"), sessionPerson("C", "静", "陈"), noConsent, staff}));
        ASSERT_TRUE(m_store->exhibitors().importAll({{"acme", "Acme Robotics", "B12", {"demo", "pricing"}, {}}}));
        m_keys = scanner::generateKeyPair();
        m_store->keys().trust({"meetscan", scanner::encodePublicKey(m_keys.publicKey)});
    }

    void setMode(Mode mode, const std::string& exhibitor = "") {
        auto station = m_store->events().station();
        station.mode = mode;
        station.exhibitorId = exhibitor;
        ASSERT_TRUE(m_store->events().saveStation(station));
    }

    test::TempDir m_dir;
    std::unique_ptr<Store> m_store;
    scanner::KeyPair m_keys;
};

TEST_F(SessionTest, MeetPairsTwoBadgesWithinTheWindow) {
    ScanSession session(*m_store);
    auto first = session.onScan({"A", "QRCode"}, 1'000'000);
    EXPECT_TRUE(first.saved);
    EXPECT_EQ(first.outcome, Outcome::FirstBadge);
    EXPECT_EQ(first.message, "Hi Ana — now the other person");
    ASSERT_TRUE(session.pending());
    EXPECT_EQ(session.pending()->expiresAt, 1'000'000 + 20'000);

    auto same = session.onScan({"A", "QRCode"}, 1'002'000);
    EXPECT_EQ(same.outcome, Outcome::SameBadge);

    auto second = session.onScan({"B", "QRCode"}, 1'005'000);
    EXPECT_EQ(second.outcome, Outcome::Connected);
    ASSERT_TRUE(second.partner);
    EXPECT_EQ(second.partner->name, "Ana Silva");
    EXPECT_EQ(second.person->name, "Борис Иванов");
    EXPECT_FALSE(session.pending());

    session.onScan({"B", "QRCode"}, 1'010'000);
    auto again = session.onScan({"A", "QRCode"}, 1'011'000);
    EXPECT_EQ(again.outcome, Outcome::AlreadyConnected);
    EXPECT_EQ(m_store->meetings().connectionCount(), 1);
    EXPECT_EQ(m_store->meetings().meetingCount(), 2);
    EXPECT_EQ(m_store->scans().count(), 5);
}

TEST_F(SessionTest, MeetWindowRunsOut) {
    ScanSession session(*m_store);
    session.onScan({"A", "QRCode"}, 0);
    EXPECT_FALSE(session.expire(19'999));
    EXPECT_TRUE(session.expire(20'000));
    auto next = session.onScan({"B", "QRCode"}, 21'000);
    EXPECT_EQ(next.outcome, Outcome::FirstBadge);
    EXPECT_EQ(m_store->meetings().meetingCount(), 0);
}

TEST_F(SessionTest, RefusedAndUnknownBadgesAreLoggedAndChangeNothing) {
    ScanSession session(*m_store);
    auto unknown = session.onScan({"NOBODY", "QRCode"}, 1);
    EXPECT_EQ(unknown.outcome, Outcome::UnknownBadge);
    EXPECT_EQ(unknown.verdict, Verdict::Unknown);
    auto signedText = scanner::signBadge({"A", "Ana", "Silva", ""}, m_keys);
    auto tampered = signedText;
    tampered[6] = tampered[6] == 'A' ? 'B' : 'A';
    auto forged = session.onScan({tampered, "QRCode"}, 2);
    EXPECT_EQ(forged.outcome, Outcome::BadSignature);
    auto garbage = session.onScan({std::string("\x01\x02", 2), "QRCode"}, 3);
    EXPECT_EQ(garbage.outcome, Outcome::Malformed);
    EXPECT_FALSE(session.pending());
    EXPECT_EQ(m_store->scans().count(), 3);
    EXPECT_EQ(m_store->scans().countsByOutcome().at("bad_signature"), 1);

    auto good = session.onScan({signedText, "QRCode"}, 4);
    EXPECT_EQ(good.outcome, Outcome::FirstBadge);
    EXPECT_EQ(good.person->name, "Ana Silva");
}

TEST_F(SessionTest, BoothSignsInStaffCapturesAndReopensLeads) {
    setMode(Mode::Booth, "acme");
    ScanSession session(*m_store);
    auto signIn = session.onScan({"ST", "QRCode"}, 1000);
    EXPECT_EQ(signIn.outcome, Outcome::StaffSignedIn);
    ASSERT_TRUE(session.staff());

    auto lead = session.onScan({"A", "QRCode"}, 2000);
    EXPECT_EQ(lead.outcome, Outcome::LeadCaptured);
    ASSERT_TRUE(lead.lead);
    EXPECT_EQ(lead.lead->staffId, attendeeIdForCode("ST"));

    Lead edited = *lead.lead;
    edited.rating = "hot";
    edited.tags = {"demo"};
    edited.note = "Call back";
    ASSERT_TRUE(session.saveLead(edited, 3000));

    auto reopened = session.onScan({"A", "QRCode"}, 4000);
    EXPECT_EQ(reopened.outcome, Outcome::LeadReopened);
    EXPECT_EQ(reopened.lead->rating, "hot");
    EXPECT_EQ(reopened.lead->scanCount, 2);

    auto refused = session.onScan({"NC", "QRCode"}, 5000);
    EXPECT_EQ(refused.outcome, Outcome::NoConsent);
    EXPECT_FALSE(refused.lead);
    EXPECT_EQ(m_store->leads().count(), 1);
}

TEST_F(SessionTest, SummaryShowsConnectionsAndBooths) {
    {
        ScanSession meet(*m_store);
        meet.onScan({"A", "QRCode"}, 1000);
        meet.onScan({"C", "QRCode"}, 2000);
    }
    setMode(Mode::Booth, "acme");
    {
        ScanSession booth(*m_store);
        booth.onScan({"A", "QRCode"}, 3000);
    }
    setMode(Mode::Summary);
    ScanSession summary(*m_store);
    auto shown = summary.onScan({"A", "QRCode"}, 4000);
    EXPECT_EQ(shown.outcome, Outcome::SummaryShown);
    ASSERT_TRUE(shown.summary);
    ASSERT_EQ(shown.summary->people.size(), 1U);
    EXPECT_EQ(shown.summary->people[0].name, "陈静"); // family name first, no space, as in Chinese
    EXPECT_EQ(shown.summary->people[0].email, "C@example.org");
    ASSERT_EQ(shown.summary->booths.size(), 1U);
    EXPECT_EQ(shown.summary->booths[0].name, "Acme Robotics");
}

TEST_F(SessionTest, ContactBadgeNotOnTheRosterBecomesAWalkIn) {
    ScanSession session(*m_store);
    auto walkIn = session.onScan({"MECARD:N:Okafor,Chidi;ORG:Lagos Labs;EMAIL:chidi@lagoslabs.ng;;", "QRCode"}, 1);
    EXPECT_EQ(walkIn.outcome, Outcome::FirstBadge);
    ASSERT_TRUE(walkIn.person);
    EXPECT_EQ(walkIn.person->name, "Chidi Okafor");
    auto again = session.onScan({"MECARD:N:Okafor,Chidi;ORG:Lagos Labs;EMAIL:chidi@lagoslabs.ng;;", "QRCode"}, 2);
    EXPECT_EQ(again.outcome, Outcome::SameBadge);
    EXPECT_EQ(m_store->attendees().count(), 6);
}

TEST(AdminLockTest, BacksOffThenLocksOut) {
    AdminLock lock(hashAdminPin("9753"));
    EXPECT_EQ(lock.check("9753", 0).result, AdminLock::Result::Unlocked);
    EXPECT_EQ(lock.check("1111", 0).result, AdminLock::Result::Wrong);
    EXPECT_EQ(lock.check("1111", 0).result, AdminLock::Result::Wrong);
    auto third = lock.check("1111", 0);
    EXPECT_EQ(third.result, AdminLock::Result::Wait);
    EXPECT_EQ(third.waitSeconds, 5);
    EXPECT_EQ(lock.check("9753", 1000).result, AdminLock::Result::Wait); // even the right PIN waits
    TimeMs now = 10'000;
    for (int i = 0; i < 7; ++i, now += 1'000'000)
        lock.check("0000", now); // failures 4 to 10
    EXPECT_EQ(lock.check("9753", now + 1'000'000).result, AdminLock::Result::LockedOut);
}

TEST(AdminLockTest, PinsAnybodyGuessesFirstAreRefused) {
    for (const char* bad : {"", "12345", "1234567890123", "12a456", "000000", "777777777", "123456", "456789",
                            "987654", "3210987"})
        EXPECT_TRUE(adminPinProblem(bad).has_value()) << bad;
    for (const char* good : {"135792", "864207", "190277", "112358", "975318", "123457"})
        EXPECT_FALSE(adminPinProblem(good).has_value()) << good;
    EXPECT_NE(adminPinProblem("123456")->find("run of digits"), std::string::npos);
}

// The wrong tries are counted in the station's database: switching the kiosk off and on (a new
// worker on the same file) does not hand out fresh tries, and a new PIN ends the wait.
TEST(SessionWorkerTest, WrongPinsAreStillCountedAfterARestart) {
    test::TempDir dir;
    {
        auto store = std::move(Store::open(dir / "event.db")).value();
        auto event = store->events().event();
        event.settings.adminPinHash = hashAdminPin("975318");
        ASSERT_TRUE(store->events().saveEvent(event));
    }
    {
        auto worker = SessionWorker::start(dir / "event.db");
        ASSERT_TRUE(worker) << worker.error().message;
        EXPECT_EQ((*worker)->checkAdminPin("111111").get().result, AdminLock::Result::Wrong);
        EXPECT_EQ((*worker)->checkAdminPin("222222").get().result, AdminLock::Result::Wrong);
    }
    {
        // Two tries were used before the restart: the third wrong one already has to wait.
        auto worker = SessionWorker::start(dir / "event.db");
        ASSERT_TRUE(worker) << worker.error().message;
        const auto third = (*worker)->checkAdminPin("333333").get();
        EXPECT_EQ(third.result, AdminLock::Result::Wait) << "the restart reset the count";
        EXPECT_EQ(third.waitSeconds, 5);
    }
    {
        auto store = std::move(Store::open(dir / "event.db")).value();
        EXPECT_EQ(loadAdminLockState(store->events()).failures, 3);
        // A clock that was far ahead, or a doctored count, never means a wait of years.
        saveAdminLockState(store->events(), {9, nowMs() + 1000LL * 3600 * 24 * 365});
    }
    {
        auto worker = SessionWorker::start(dir / "event.db");
        ASSERT_TRUE(worker);
        const auto capped = (*worker)->checkAdminPin("975318").get();
        EXPECT_EQ(capped.result, AdminLock::Result::Wait);
        EXPECT_LE(capped.waitSeconds, 300);
    }
    {
        auto store = std::move(Store::open(dir / "event.db")).value();
        saveAdminLockState(store->events(), {}); // what `meetscan admin set-pin` does with a new PIN
    }
    auto worker = SessionWorker::start(dir / "event.db");
    ASSERT_TRUE(worker);
    EXPECT_EQ((*worker)->checkAdminPin("975318").get().result, AdminLock::Result::Unlocked);
}

TEST(SessionWorkerTest, DecidesOffTheCallingThreadAndFinishesQueuedScans) {
    test::TempDir dir;
    {
        auto store = std::move(Store::open(dir / "event.db")).value();
        ASSERT_TRUE(store->attendees().importAll({sessionPerson("A", "Ana", "Silva"), sessionPerson("B", "Bo", "Li")}));
    }
    {
        auto worker = SessionWorker::start(dir / "event.db");
        ASSERT_TRUE(worker) << worker.error().message;
        (*worker)->submitScan({"A", "QRCode"});
        (*worker)->submitScan({"B", "QRCode"});
        std::vector<Decision> decisions;
        for (int i = 0; i < 200 && decisions.size() < 2; ++i) {
            for (auto& d : (*worker)->takeDecisions())
                decisions.push_back(std::move(d));
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        ASSERT_EQ(decisions.size(), 2U);
        EXPECT_EQ(decisions[1].outcome, Outcome::Connected);
        EXPECT_FALSE((*worker)->snapshot().hasAdminPin);
        // There is no default PIN: without one of its own, nothing opens the panel.
        EXPECT_EQ((*worker)->checkAdminPin("2468").get().result, AdminLock::Result::NoPin);
        (*worker)->submitScan({"A", "QRCode"}); // queued right before shutdown
    }
    auto store = std::move(Store::open(dir / "event.db")).value();
    EXPECT_EQ(store->scans().count(), 3);
}

} // namespace
} // namespace meetscan::core
