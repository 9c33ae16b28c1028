// `meetscan merge OTHER.db...` as the organiser runs it at the end of the day.
#include "support/merge_stations.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace meetscan::test {
namespace {

class MergeCli : public ::testing::Test {
protected:
    void SetUp() override {
        m_event = std::make_unique<MergeEvent>(m_dir.path(), 99u, 3);
        snapshotDatabase(m_event->files()[0], m_target);
        for (const auto& file : m_event->files()) {
            auto store = openStore(file);
            m_scans += store->scans().count();
        }
    }

    ProcessResult run(std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", m_target.string()});
        return runMeetscan(args);
    }

    std::string station(int index) const { return m_event->files()[static_cast<std::size_t>(index)].string(); }

    TempDir m_dir;
    std::unique_ptr<MergeEvent> m_event;
    std::filesystem::path m_target = m_dir / "target.db";
    int m_scans = 0;
};

TEST_F(MergeCli, FoldsOtherStationsAndSaysWhatWasAdded) {
    const auto sourceBytes = readFile(station(1));
    auto merged = run({"merge", station(1), station(2)});
    ASSERT_EQ(merged.exitCode, 0) << merged.err;
    EXPECT_NE(merged.out.find("merged 2 databases into " + m_target.string()), std::string::npos) << merged.out;
    EXPECT_NE(merged.out.find("  scans          +"), std::string::npos) << merged.out;
    EXPECT_NE(merged.out.find("  leads          +"), std::string::npos) << merged.out;
    EXPECT_EQ(readFile(station(1)), sourceBytes); // the other file is only read

    auto stats = run({"stats", "--json"});
    ASSERT_EQ(stats.exitCode, 0) << stats.err;
    const auto json = nlohmann::json::parse(stats.out);
    EXPECT_EQ(json["scans"], m_scans);
    EXPECT_EQ(json["stations"], 3);

    auto again = run({"merge", station(2), station(1)});
    ASSERT_EQ(again.exitCode, 0) << again.err;
    EXPECT_NE(again.out.find("nothing new"), std::string::npos) << again.out;
}

TEST_F(MergeCli, JsonIsOneObjectAndASecondRunChangesNothing) {
    auto merged = run({"merge", "--json", station(1), station(2)});
    ASSERT_EQ(merged.exitCode, 0) << merged.err;
    const auto json = nlohmann::json::parse(merged.out); // exactly one object
    EXPECT_EQ(json["databases"], 2);
    EXPECT_EQ(json["changed"], true);
    EXPECT_GT(json["added"]["scan"].get<int>(), 0);
    EXPECT_EQ(json["added"]["station"], 2);
    for (const char* table : {"station", "exhibitor", "attendee", "attendee_code", "trusted_key", "signing_key", "scan",
                              "meeting", "lead", "lead_edit", "erasure"}) {
        EXPECT_TRUE(json["added"].contains(table)) << table;
        EXPECT_TRUE(json["updated"].contains(table)) << table;
    }
    const auto dump = canonicalDump(m_target);

    auto again = run({"merge", "--json", station(2), station(1), station(0)});
    ASSERT_EQ(again.exitCode, 0) << again.err;
    const auto second = nlohmann::json::parse(again.out);
    EXPECT_EQ(second["changed"], false);
    for (const auto& [table, count] : second["added"].items())
        EXPECT_EQ(count, 0) << table;
    EXPECT_EQ(canonicalDump(m_target), dump);
}

TEST_F(MergeCli, RefusesAnotherEventWithExitTwoAndWritesNothing) {
    const auto other = m_dir / "other-event.db";
    auto init = runMeetscan({"--db", other.string(), "init", "--event", "Another Conference"});
    ASSERT_EQ(init.exitCode, 0) << init.err;
    const auto before = canonicalDump(m_target);
    auto merged = run({"merge", station(1), other.string()});
    EXPECT_EQ(merged.exitCode, 2);
    EXPECT_EQ(merged.err.rfind("meetscan: error: ", 0), 0u) << merged.err;
    EXPECT_NE(merged.err.find("belongs to another event: \"Another Conference\""), std::string::npos) << merged.err;
    EXPECT_NE(merged.err.find("\"Merge Fest\""), std::string::npos) << merged.err;
    EXPECT_EQ(merged.out, "");
    EXPECT_EQ(canonicalDump(m_target), before);
}

TEST_F(MergeCli, RefusesFilesThatAreNotMeetScanDatabases) {
    const auto text = m_dir.write("photo.jpg", std::string(600, 'x'));
    struct Case {
        std::vector<std::string> args;
        std::string says;
    };
    for (const auto& [args, says] : std::vector<Case>{{{"merge", text.string()}, "is not a MeetScan database"},
                                                      {{"merge", (m_dir / "nowhere.db").string()}, "cannot read"},
                                                      {{"merge", m_dir.path().string()}, "cannot read"},
                                                      {{"merge"}, "OTHER is required"}}) {
        auto merged = run(args);
        EXPECT_EQ(merged.exitCode, 2) << says;
        EXPECT_EQ(merged.err.rfind("meetscan: error: ", 0), 0u) << merged.err;
        EXPECT_NE(merged.err.find(says), std::string::npos) << merged.err;
    }
}

} // namespace
} // namespace meetscan::test
