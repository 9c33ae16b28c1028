// `meetscan purge --before DATE`: personal data recorded before DATE goes, anonymous counts stay.
#include "core/domain/attendee.hpp"
#include "core/store/store.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace meetscan::test {
namespace {

// 2025-01-10, 2025-06-01 and the cutoff 2025-03-01, all UTC.
constexpr core::TimeMs kOld = 1736467200000;
constexpr core::TimeMs kNew = 1748736000000;
constexpr const char* kCutoff = "2025-03-01";
constexpr const char* kSecretNote = "call Ana about the pricing tiers";
constexpr const char* kWalkInCard = "BEGIN:VCARD\nVERSION:3.0\nFN:Mallory Walkin\nEMAIL:mallory@example.org\nEND:VCARD";

class PurgeCli : public ::testing::Test {
protected:
    void SetUp() override {
        auto csv = m_dir.write("roster.csv", "badge_code,first_name,last_name,company,email\n"
                                             "A1,Ana,Silva,Acme,ana@example.org\n"
                                             "B2,Boris,Ivanov,Beta,boris@example.org\n"
                                             "C3,Chen,Wei,Gamma,chen@example.org\n");
        ASSERT_EQ(run({"init", "--event", "Purge"}).exitCode, 0);
        auto imported = run({"import", "roster", csv.string(), "--consent-default", "yes"});
        ASSERT_EQ(imported.exitCode, 0) << imported.err;
        m_ana = core::attendeeIdForCode("A1");
        m_boris = core::attendeeIdForCode("B2");
        m_chen = core::attendeeIdForCode("C3");

        auto opened = core::Store::open(m_db);
        ASSERT_TRUE(opened.ok()) << opened.error().message;
        auto& store = **opened;
        auto& db = store.database();
        const std::string station = store.events().station().id;
        // Everyone was imported long ago.
        db.exec("UPDATE attendee SET updated_at = " + std::to_string(kOld));
        auto scan = [&](core::TimeMs at, const std::string& text, const std::string& attendee, core::Outcome outcome) {
            core::ScanRecord record;
            record.id = core::newUlid(at);
            record.stationId = station;
            record.at = at;
            record.mode = "meet";
            record.rawText = text;
            record.attendeeId = attendee;
            record.outcome = outcome;
            store.scans().append(record);
        };
        scan(kOld, "A1", m_ana, core::Outcome::FirstBadge);
        scan(kOld + 5000, "B2", m_boris, core::Outcome::Connected);
        scan(kOld + 9000, kWalkInCard, "", core::Outcome::UnknownBadge);
        scan(kNew, "B2", m_boris, core::Outcome::FirstBadge);
        scan(kNew + 1000, "STILL-HERE-77", "", core::Outcome::UnknownBadge);
        SQLite::Statement meeting(db, "INSERT INTO meeting (id, station_id, at, attendee_a, attendee_b) VALUES (?, ?, ?, ?, ?)");
        meeting.bind(1, core::newUlid(kOld));
        meeting.bind(2, station);
        meeting.bind(3, kOld + 5000);
        meeting.bind(4, std::min(m_ana, m_boris));
        meeting.bind(5, std::max(m_ana, m_boris));
        meeting.exec();
        auto touched = store.leads().touch("EXH1", m_ana, "", station, kOld);
        core::Lead lead = touched.lead;
        lead.note = kSecretNote;
        lead.rating = "hot";
        store.leads().saveEdits(lead, station, kOld + 1000);
        // Boris visited the booth after the cutoff: his lead and note stay.
        auto recent = store.leads().touch("EXH1", m_boris, "", station, kNew);
        core::Lead borisLead = recent.lead;
        borisLead.note = "Boris wants a demo";
        store.leads().saveEdits(borisLead, station, kNew + 1000);
    }

    ProcessResult run(std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", m_db.string()});
        return runMeetscan(args);
    }
    nlohmann::json stats() {
        auto result = run({"stats", "--json"});
        EXPECT_EQ(result.exitCode, 0) << result.err;
        return nlohmann::json::parse(result.out);
    }
    // Every byte of the database and its WAL, to look for text that must be gone.
    std::string fileBytes() const {
        std::string bytes = readFile(m_db);
        if (std::filesystem::exists(m_db.string() + "-wal"))
            bytes += readFile(m_db.string() + "-wal");
        return bytes;
    }

    TempDir m_dir;
    std::filesystem::path m_db = m_dir / "event.db";
    std::string m_ana;
    std::string m_boris;
    std::string m_chen;
};

TEST_F(PurgeCli, RemovesOldPersonalDataAndKeepsCounts) {
    const auto before = stats();
    auto purged = run({"purge", "--before", kCutoff, "--json", "--yes"});
    ASSERT_EQ(purged.exitCode, 0) << purged.err;
    const auto report = nlohmann::json::parse(purged.out);
    EXPECT_EQ(report["attendees_erased"], 2) << report.dump(); // Ana and Chen; Boris was seen since
    EXPECT_EQ(report["scans_blanked"], 3) << report.dump();    // Ana's, Boris's old one, the walk-in's vCard
    EXPECT_EQ(report["leads_cleared"], 1) << report.dump();
    EXPECT_EQ(report["lead_edits_cleared"], 2) << report.dump(); // Ana's note and rating edits
    EXPECT_EQ(report["dry_run"], false);

    const auto after = stats();
    for (const char* key : {"scans", "meetings", "connections", "leads", "scans_by_outcome"})
        EXPECT_EQ(after[key], before[key]) << key;
    EXPECT_EQ(after["attendees"], 1);
    EXPECT_EQ(after["erased"], before["erased"].get<int>() + 2);

    auto opened = core::Store::open(m_db);
    ASSERT_TRUE(opened.ok());
    auto& store = **opened;
    EXPECT_TRUE(store.attendees().byId(m_ana)->erased);
    EXPECT_TRUE(store.attendees().byId(m_chen)->erased);
    EXPECT_EQ(store.attendees().byId(m_ana)->firstName, "");
    const auto boris = store.attendees().byId(m_boris);
    EXPECT_FALSE(boris->erased);
    EXPECT_EQ(boris->firstName, "Boris");
    EXPECT_FALSE(store.attendees().find("A1").has_value()) << "the erased badge code still finds someone";
    for (const auto& record : store.scans().forAttendee(m_boris))
        EXPECT_EQ(record.rawText, record.at < kNew ? "" : "B2");
    const int oldTexts = store.database().execAndGet("SELECT count(*) FROM scan WHERE at < " + std::to_string(kNew) +
                                                     " AND raw_text <> ''").getInt();
    EXPECT_EQ(oldTexts, 0);
    EXPECT_EQ(store.database().execAndGet("SELECT raw_text FROM scan WHERE at = " + std::to_string(kNew + 1000)).getString(),
              "STILL-HERE-77");
    EXPECT_EQ(store.leads().find("EXH1", m_ana)->note, "");
    EXPECT_EQ(store.leads().find("EXH1", m_ana)->rating, "hot") << "the rating is an anonymous count, not personal data";
    EXPECT_EQ(store.leads().find("EXH1", m_boris)->note, "Boris wants a demo");

    // Nothing of it survives in the file: freed space is zeroed and the WAL truncated.
    const std::string bytes = fileBytes();
    for (const char* gone : {kSecretNote, "mallory@example.org", "chen@example.org", "ana@example.org"})
        EXPECT_EQ(bytes.find(gone), std::string::npos) << gone << " is still in the database file";
    EXPECT_NE(bytes.find("boris@example.org"), std::string::npos);

    // A second purge finds nothing left to do.
    auto again = run({"purge", "--before", kCutoff, "--json", "--yes"});
    ASSERT_EQ(again.exitCode, 0) << again.err;
    const auto second = nlohmann::json::parse(again.out);
    for (const char* key : {"attendees_erased", "scans_blanked", "leads_cleared", "lead_edits_cleared"})
        EXPECT_EQ(second[key], 0) << key;
}

TEST_F(PurgeCli, DryRunCountsAndChangesNothing) {
    auto dry = run({"purge", "--before", kCutoff, "--dry-run"});
    ASSERT_EQ(dry.exitCode, 0) << dry.err;
    EXPECT_NE(dry.out.find("would remove"), std::string::npos) << dry.out;
    EXPECT_NE(dry.out.find("attendees erased    2"), std::string::npos) << dry.out;
    auto json = run({"purge", "--before", kCutoff, "--dry-run", "--json"});
    ASSERT_EQ(json.exitCode, 0) << json.err;
    const auto counted = nlohmann::json::parse(json.out);
    EXPECT_EQ(counted["attendees_erased"], 2);
    EXPECT_EQ(counted["scans_blanked"], 3);
    EXPECT_EQ(stats()["attendees"], 3);
    EXPECT_NE(fileBytes().find(kSecretNote), std::string::npos);
    // The real run removes exactly what the dry run counted.
    auto real = run({"purge", "--before", kCutoff, "--json", "--yes"});
    ASSERT_EQ(real.exitCode, 0) << real.err;
    auto done = nlohmann::json::parse(real.out);
    done["dry_run"] = true;
    EXPECT_EQ(done, counted);
}

TEST_F(PurgeCli, AsksWithTheCountsFirstOrNeedsYes) {
    auto unasked = run({"purge", "--before", kCutoff});
    EXPECT_EQ(unasked.exitCode, 2);
    EXPECT_EQ(unasked.err, "meetscan: error: purge cannot be undone, and there is no terminal to ask on: add --yes to "
                           "confirm\n");
    EXPECT_EQ(stats()["attendees"], 3);
    EXPECT_NE(fileBytes().find(kSecretNote), std::string::npos);

    // On a terminal (`script` gives it one) the question carries the dry run's counts.
    auto ask = [&](const std::string& answer) {
        RunOptions typed;
        typed.stdinText = answer + "\n";
        return runProcess({"script", "-qec",
                           std::string(MEETSCAN_BINARY) + " --db '" + m_db.string() + "' purge --before " + kCutoff,
                           "/dev/null"},
                          typed);
    };
    auto declined = ask("no");
    EXPECT_EQ(declined.exitCode, 1);
    EXPECT_NE(declined.out.find("(2 attendees erased, 3 scan texts blanked"), std::string::npos) << declined.out;
    EXPECT_EQ(stats()["attendees"], 3);
    auto confirmed = ask("y");
    EXPECT_EQ(confirmed.exitCode, 0) << confirmed.out;
    EXPECT_EQ(stats()["attendees"], 1);
    EXPECT_EQ(fileBytes().find(kSecretNote), std::string::npos);
}

TEST_F(PurgeCli, AnEarlierDateKeepsEverything) {
    auto purged = run({"purge", "--before", "2024-12-31T23:59:59Z", "--json", "--yes"});
    ASSERT_EQ(purged.exitCode, 0) << purged.err;
    const auto report = nlohmann::json::parse(purged.out);
    for (const char* key : {"attendees_erased", "scans_blanked", "leads_cleared", "lead_edits_cleared"})
        EXPECT_EQ(report[key], 0) << key;
    EXPECT_EQ(stats()["attendees"], 3);
}

TEST_F(PurgeCli, RefusesBadAndFutureDates) {
    for (const char* bad : {"yesterday", "2025-02-30", "2025-13-01", "2025-03-01T25:00Z", "01.03.2025"}) {
        auto result = run({"purge", "--before", bad});
        EXPECT_EQ(result.exitCode, 2) << bad;
        EXPECT_EQ(result.err.rfind("meetscan: error: ", 0), 0U) << result.err;
    }
    auto future = run({"purge", "--before", "2999-01-01"});
    EXPECT_EQ(future.exitCode, 2);
    EXPECT_NE(future.err.find("future"), std::string::npos) << future.err;
    auto missing = run({"purge"});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_EQ(stats()["attendees"], 3) << "a refused purge changed something";
}

TEST_F(PurgeCli, HelpSaysWhatIsRemovedAndWhatIsKept) {
    auto help = runMeetscan({"purge", "--help"});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_NE(help.out.find("recorded before DATE"), std::string::npos) << help.out;
    EXPECT_NE(help.out.find("anonymous"), std::string::npos);
    EXPECT_NE(help.out.find("meetscan stats"), std::string::npos);
}

} // namespace
} // namespace meetscan::test
