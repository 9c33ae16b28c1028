// Sync and merge are one engine: random stations of one event (scans, meetings, leads and lead
// edits at 2-4 kiosks, an erasure at the office), once merged as database files with
// mergeDatabases and once synced through a real server and pulled whole into a fresh station,
// end with the same folded rows.
#include "core/merge/database_merge.hpp"
#include "core/session/scan_session.hpp"
#include "core/store/erasure.hpp"
#include "support/merge_stations.hpp"
#include "sync_fixture.hpp"

#include <random>
#include <sstream>

namespace meetscan::core {
namespace {

// The sections of a canonical dump for the tables both paths must agree on.
std::string foldedRows(const std::filesystem::path& path) {
    static const std::set<std::string> kCompared{"scan",          "meeting",  "lead",
                                                 "lead_edit",     "attendee", "station",
                                                 "attendee_code", "erasure",  "connection"};
    std::istringstream in(test::canonicalDump(path));
    std::string out;
    bool keep = false;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("== ", 0) == 0)
            keep = kCompared.count(line.substr(3, line.find(' ', 3) - 3)) != 0;
        if (keep)
            out += line + "\n";
    }
    return out;
}

class SyncMergeProperty : public SyncFixture, public ::testing::WithParamInterface<unsigned> {
protected:
    int pick(int below) { return std::uniform_int_distribution<int>(0, below - 1)(m_random); }
    bool chance(int percent) { return pick(100) < percent; }

    void fillOffice() {
        ASSERT_TRUE(
            m_office->exhibitors().importAll({{"acme", "Acme Robotics", "B12", {"demo", "pricing"}, {}},
                                              {"globex", "Globex", "C3", {"hot"}, {}}}));
        std::vector<Attendee> people;
        for (int i = 0; i < test::MergeEvent::kPeople; ++i)
            people.push_back(test::rosterPerson(i, 1));
        people.push_back(test::staffMember("S1", "acme"));
        people.push_back(test::staffMember("S2", "globex"));
        ASSERT_TRUE(m_office->attendees().importAll(people));
    }

    // A random day at one kiosk, through the real session, as in the merge property test.
    void day(Store& store, int index) {
        ScanSession session(store);
        TimeMs now = 1'800'000'000'000 + pick(600'000);
        const bool booth = session.station().mode == Mode::Booth;
        for (int step = 0, actions = 30 + pick(30); step < actions; ++step) {
            now += 500 + pick(30'000);
            std::string code =
                fmt::format("P{:02}", pick(test::MergeEvent::kPeople + 4)); // some not on the roster
            if (booth && chance(10))
                code = session.station().exhibitorId == "acme" ? "S1" : "S2";
            const auto decision = session.onScan({code, "QRCode"}, now);
            ASSERT_TRUE(decision.saved) << decision.error;
            if (decision.lead && chance(50)) {
                Lead edited = *decision.lead;
                const char* ratings[] = {"", "hot", "warm", "cold"};
                edited.rating = ratings[pick(4)];
                if (chance(50))
                    edited.note = fmt::format("note {} from kiosk-{}", pick(100), index);
                if (chance(30))
                    edited.answers["budget"] = std::to_string(pick(5) * 1000);
                ASSERT_TRUE(session.saveLead(edited, now + 1000 + pick(5000)));
            }
        }
    }

    std::mt19937 m_random{GetParam()};
};

TEST_P(SyncMergeProperty, MergingFilesAndSyncingThroughTheServerFoldTheSameRows) {
    fillOffice();
    // Booths of the same exhibitor at two kiosks, so leads of one visitor meet in the fold.
    const int kiosks = 2 + static_cast<int>(GetParam() % 3);
    const std::vector<std::pair<Mode, std::string>> kinds{
        {Mode::Booth, "acme"}, {Mode::Booth, "acme"}, {Mode::Meet, ""}, {Mode::Booth, "globex"}};
    std::vector<std::unique_ptr<Store>> stations;
    for (int i = 0; i < kiosks; ++i) {
        stations.push_back(station(fmt::format("kiosk-{}", i), kinds[static_cast<std::size_t>(i)].first,
                                   kinds[static_cast<std::size_t>(i)].second));
        ASSERT_NO_FATAL_FAILURE(day(*stations.back(), i));
    }
    auto fresh = station("fresh"); // joins late, has seen nothing
    const auto ana = attendeeIdForCode(fmt::format("P{:02}", pick(test::MergeEvent::kPeople)));
    ASSERT_TRUE(eraseAttendee(m_office->database(), ana, m_office->events().station().id));

    // (a) the files, merged into a copy of the fresh station.
    const auto merged = m_dir / "merged.db";
    test::snapshotDatabase(fresh->path(), merged);
    {
        auto target = test::openStore(merged);
        std::vector<std::filesystem::path> files{m_office->path()};
        for (const auto& store : stations)
            files.push_back(store->path());
        auto report = mergeDatabases(target->database(), files);
        ASSERT_TRUE(report) << report.error().message;
    }

    // (b) everyone through the server, in batches small enough to split a day; the fresh
    // station pulls the whole event.
    sync(*m_office, PullScope::Station, 7);
    for (const auto& store : stations)
        sync(*store, PullScope::Station, 7);
    sync(*m_office); // the erasure met rows that arrived after it
    sync(*fresh, PullScope::WholeEvent);

    const auto viaServer = foldedRows(fresh->path());
    EXPECT_NE(viaServer.find("== scan ("), std::string::npos);
    EXPECT_EQ(viaServer.find("== scan (0 rows)"), std::string::npos) << "the day must have happened";
    EXPECT_EQ(viaServer, foldedRows(merged));

    // Pulling again changes nothing.
    auto again = sync(*fresh, PullScope::WholeEvent);
    EXPECT_EQ(again.pulledRows, 0);
    EXPECT_EQ(foldedRows(fresh->path()), viaServer);
}

INSTANTIATE_TEST_SUITE_P(Seeds, SyncMergeProperty, ::testing::Values(1U, 2U, 3U, 4U, 5U, 6U));

} // namespace
} // namespace meetscan::core
