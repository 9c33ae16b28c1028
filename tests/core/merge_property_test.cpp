// Merging is idempotent and order-independent: random stations merged in different orders and
// groupings, repeatedly, into different targets all end with the same rows.
#include "core/merge/database_merge.hpp"
#include "support/merge_stations.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

namespace meetscan::core {
namespace {

using test::canonicalDump;

class MergePropertyTest : public ::testing::TestWithParam<unsigned> {
protected:
    // A working copy of station `index` (or of another target) to merge into.
    std::filesystem::path copyOf(const std::filesystem::path& from, const std::string& name) {
        const auto to = m_dir / (name + ".db");
        test::snapshotDatabase(from, to);
        return to;
    }

    MergeCounts merge(const std::filesystem::path& target, const std::vector<std::filesystem::path>& others) {
        auto store = test::openStore(target);
        auto report = mergeDatabases(store->database(), others);
        EXPECT_TRUE(report) << (report ? "" : report.error().message);
        return report ? report->counts : MergeCounts{};
    }

    test::TempDir m_dir;
};

TEST_P(MergePropertyTest, EveryOrderAndGroupingGivesTheSameRows) {
    test::MergeEvent event(m_dir.path(), GetParam(), 5);
    const auto& s = event.files();

    // All at once.
    const auto all = copyOf(s[0], "all");
    merge(all, {s[1], s[2], s[3], s[4]});
    const std::string expected = canonicalDump(all);

    // A chain: each target passes everything it has on to the next (the USB stick round).
    const auto chain1 = copyOf(s[4], "chain1");
    merge(chain1, {s[3]});
    const auto chain2 = copyOf(s[2], "chain2");
    merge(chain2, {chain1});
    const auto chain3 = copyOf(s[1], "chain3");
    merge(chain3, {chain2});
    const auto chain4 = copyOf(s[0], "chain4");
    merge(chain4, {chain3});
    merge(chain1, {chain4}); // and back to the first
    EXPECT_EQ(canonicalDump(chain4), expected);
    EXPECT_EQ(canonicalDump(chain1), expected);

    // A tree: pairs first, then the pairs with each other, both ways.
    const auto left = copyOf(s[1], "left");
    merge(left, {s[0]});
    const auto right = copyOf(s[3], "right");
    merge(right, {s[4], s[2]});
    merge(left, {right});
    merge(right, {left});
    EXPECT_EQ(canonicalDump(left), expected);
    EXPECT_EQ(canonicalDump(right), expected);

    // One at a time, in another order, some twice.
    const auto single = copyOf(s[2], "single");
    for (int index : {4, 0, 3, 2, 0, 4, 1})
        merge(single, {s[static_cast<std::size_t>(index)]});
    EXPECT_EQ(canonicalDump(single), expected);

    // Merging again changes nothing, whichever files come back.
    for (const auto& again : std::vector<std::vector<std::filesystem::path>>{{s[1], s[2], s[3], s[4]}, {chain4}, {s[0], left}}) {
        const auto counts = merge(all, again);
        EXPECT_EQ(counts.added(), 0);
        EXPECT_EQ(counts.updated(), 0);
        EXPECT_EQ(canonicalDump(all), expected);
    }
}

TEST_P(MergePropertyTest, TheMergedDatabaseHoldsTheUnionAndKeepsErasures) {
    test::MergeEvent event(m_dir.path(), GetParam(), 5);
    const auto& s = event.files();
    int scans = 0;
    int meetings = 0;
    std::set<std::pair<std::string, std::string>> leadPairs;
    std::map<std::pair<std::string, std::string>, int> leadCopies; // stations holding each lead
    int edits = 0;
    int reimports = 0;
    std::map<std::pair<std::string, std::string>, int> leadScans;
    for (const auto& file : s) {
        auto store = test::openStore(file);
        auto& db = store->database();
        scans += store->scans().count();
        meetings += store->meetings().meetingCount();
        SQLite::Statement leads(db, "SELECT exhibitor_id, attendee_id FROM lead");
        while (leads.executeStep()) {
            leadPairs.emplace(leads.getColumn(0).getString(), leads.getColumn(1).getString());
            ++leadCopies[{leads.getColumn(0).getString(), leads.getColumn(1).getString()}];
        }
        edits += db.execAndGet("SELECT count(*) FROM lead_edit").getInt();
        reimports += db.execAndGet("SELECT count(*) FROM attendee WHERE title LIKE 'Title v%'").getInt() > 0 ? 1 : 0;
        SQLite::Statement counted(db, "SELECT st.exhibitor_id, sc.attendee_id, count(*) FROM scan sc "
                                      "JOIN station st ON st.id = sc.station_id "
                                      "WHERE sc.outcome IN ('lead_captured', 'lead_reopened') GROUP BY 1, 2");
        while (counted.executeStep())
            leadScans[{counted.getColumn(0).getString(), counted.getColumn(1).getString()}] += counted.getColumn(2).getInt();
    }

    // The random day is rich enough to test something: leads made at two kiosks, edits, newer
    // roster versions at some stations, erasures.
    EXPECT_TRUE(std::any_of(leadCopies.begin(), leadCopies.end(), [](const auto& entry) { return entry.second > 1; }));
    EXPECT_GT(edits, 0);
    EXPECT_GT(reimports, 0);
    EXPECT_FALSE(event.erased().empty());

    const auto all = copyOf(s[0], "all");
    const auto counts = merge(all, {s[1], s[2], s[3], s[4]});
    EXPECT_GT(counts.tables.at("scan").added, 0);

    auto store = test::openStore(all);
    auto& db = store->database();
    EXPECT_EQ(store->scans().count(), scans);
    EXPECT_EQ(store->meetings().meetingCount(), meetings);
    EXPECT_EQ(store->leads().count(), static_cast<int>(leadPairs.size()));
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM station").getInt(), 5);
    // A lead's count is its visitor's lead scans at every kiosk of the exhibitor, never a sum of copies.
    for (const auto& [pair, count] : leadScans) {
        const auto lead = store->leads().find(pair.first, pair.second);
        ASSERT_TRUE(lead) << pair.first << " " << pair.second;
        EXPECT_EQ(lead->scanCount, count) << pair.first << " " << pair.second;
    }
    // Each editable field is the latest edit of it, whichever station made it.
    SQLite::Statement latest(db, "SELECT e.exhibitor_id, e.attendee_id, e.value FROM lead_edit e WHERE e.field = 'note' "
                                 "AND NOT EXISTS (SELECT 1 FROM lead_edit f WHERE f.exhibitor_id = e.exhibitor_id "
                                 "AND f.attendee_id = e.attendee_id AND f.field = 'note' AND (f.at, f.id) > (e.at, e.id))");
    int notes = 0;
    while (latest.executeStep()) {
        const auto lead = store->leads().find(latest.getColumn(0).getString(), latest.getColumn(1).getString());
        ASSERT_TRUE(lead);
        EXPECT_EQ(lead->note, latest.getColumn(2).getString());
        ++notes;
    }
    EXPECT_GT(notes, 0);
    // Nobody erased at any station has personal data left anywhere.
    for (const auto& person : event.erased()) {
        SQLite::Statement left(db, "SELECT (SELECT count(*) FROM attendee WHERE id = ?1 AND (first_name <> '' OR "
                                   "email <> '' OR erased_at IS NULL)) + (SELECT count(*) FROM attendee_code WHERE "
                                   "attendee_id = ?1) + (SELECT count(*) FROM scan WHERE attendee_id = ?1 AND raw_text "
                                   "<> '') + (SELECT count(*) FROM lead_edit WHERE attendee_id = ?1 AND value <> '') + "
                                   "(SELECT count(*) FROM lead WHERE attendee_id = ?1 AND note <> '')");
        left.bind(1, person);
        ASSERT_TRUE(left.executeStep());
        EXPECT_EQ(left.getColumn(0).getInt(), 0) << person;
        EXPECT_EQ(db.execAndGet("SELECT count(*) FROM erasure WHERE attendee_id = '" + person + "'").getInt(), 1);
    }
}

INSTANTIATE_TEST_SUITE_P(Seeds, MergePropertyTest, ::testing::Values(7u, 2026u, 31337u, 4242u));

} // namespace
} // namespace meetscan::core
