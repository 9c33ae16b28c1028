// One event, many stations, as an organiser sets them up: an office database, kiosks made from
// its station packs, their databases merged back. What belongs to whom is tried the way a
// careless or hostile hand would: kiosks doing the office's work, a copied kiosk, tampered rows,
// two databases set up apart, and a kiosk whose clock runs years ahead (faketime).
#include "core/store/private_scratch.hpp"
#include "support/background_process.hpp"
#include "support/pgm_file.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <thread>

namespace meetscan::test {
namespace {

std::string stationsCliScalar(const std::filesystem::path& db, const std::string& sql) {
    SQLite::Database database(db.string(), SQLite::OPEN_READONLY);
    SQLite::Statement query(database, sql);
    return query.executeStep() && !query.getColumn(0).isNull() ? query.getColumn(0).getString() : std::string{};
}

void stationsCliExec(const std::filesystem::path& db, const std::string& sql) {
    SQLite::Database database(db.string(), SQLite::OPEN_READWRITE);
    database.exec(sql);
}

class StationsCli : public ::testing::Test {
protected:
    void SetUp() override {
        m_office = m_dir / "office.db";
        ASSERT_EQ(at(m_office, {"init", "--event", "Harbour Summit", "--station", "office"}).exitCode, 0);
        auto exhibitors = m_dir.write("exhibitors.csv", "id,name,booth,tags,questions\nboothco,Booth Co,B1,demo,\n");
        ASSERT_EQ(at(m_office, {"import", "exhibitors", exhibitors.string()}).exitCode, 0);
        importRoster("yes");
        ASSERT_EQ(at(m_office, {"keys", "generate"}).exitCode, 0);
    }
    void importRoster(const std::string& chenConsent) {
        auto roster = m_dir.write("roster.csv", "badge_code,first_name,last_name,company,email,exhibitor,consent_exhibitors\n"
                                                "A1,Ana,Silva,Acme,ana@example.org,,yes\n"
                                                "B2,Boris,Ivanov,Beta,boris@example.org,,yes\n"
                                                "C3,Chen,Jing,Gamma,chen@example.org,," +
                                                    chenConsent + "\n" + "ST,Sam,Staff,Booth Co,sam@example.org,boothco,yes\n");
        auto imported = at(m_office, {"import", "roster", roster.string()});
        ASSERT_EQ(imported.exitCode, 0) << imported.err;
    }
    static ProcessResult at(const std::filesystem::path& db, std::vector<std::string> args,
                            const std::vector<std::string>& prefix = {}) {
        args.insert(args.begin(), {"--db", db.string()});
        if (prefix.empty())
            return runMeetscan(args);
        std::vector<std::string> argv = prefix;
        argv.push_back(MEETSCAN_BINARY);
        argv.insert(argv.end(), args.begin(), args.end());
        return runProcess(argv);
    }
    // A kiosk made from a fresh pack of the office.
    std::filesystem::path kiosk(const std::string& name, const std::string& mode, const std::vector<std::string>& prefix = {}) {
        const auto pack = m_dir / (name + ".pack");
        std::vector<std::string> add{"station", "add", "--name", name, "--mode", mode, "--out", pack.string()};
        if (mode == "booth")
            add.insert(add.end(), {"--exhibitor", "boothco"});
        auto added = at(m_office, add);
        EXPECT_EQ(added.exitCode, 0) << added.err;
        const auto db = m_dir / (name + ".db");
        auto joined = at(db, {"init", "--join", pack.string()}, prefix);
        EXPECT_EQ(joined.exitCode, 0) << joined.err;
        EXPECT_NE(joined.out.find("joined station"), std::string::npos) << joined.out;
        return db;
    }
    // Badges shown to a kiosk's camera, through the real scan loop.
    ProcessResult scan(const std::filesystem::path& db, const std::vector<std::string>& codes,
                       const std::vector<std::string>& prefix = {}) {
        const auto frames = m_dir / fmt::format("frames-{}", m_framesMade++);
        writeBadgeFrames(frames, codes);
        return at(db, {"scan", "--source", "dir:" + frames.string() + "@4", "--json"}, prefix);
    }

    TempDir m_dir;
    std::filesystem::path m_office;
    int m_framesMade = 0;
};

TEST_F(StationsCli, KiosksJoinFromPacksRecordAndMergeBackUnderTheirOwnIds) {
    const auto lounge = kiosk("lounge", "meet");
    const auto booth = kiosk("booth-1", "booth");
    const auto loungeId = stationsCliScalar(lounge, "SELECT value FROM meta WHERE key = 'station_id'");
    const auto boothId = stationsCliScalar(booth, "SELECT value FROM meta WHERE key = 'station_id'");
    EXPECT_NE(loungeId, boothId);
    EXPECT_EQ(stationsCliScalar(lounge, "SELECT value FROM meta WHERE key = 'role'"), "station");
    EXPECT_EQ(stationsCliScalar(lounge, "SELECT count(*) FROM attendee"), "4");
    // The pack and the kiosk hold no badge-signing secret and no admin PIN.
    EXPECT_EQ(stationsCliScalar(m_dir / "lounge.pack", "SELECT count(*) FROM signing_key"), "0");
    EXPECT_EQ(stationsCliScalar(lounge, "SELECT count(*) FROM signing_key"), "0");
    EXPECT_EQ(stationsCliScalar(lounge, "SELECT count(*) FROM trusted_key"), "1");
    // Nothing of the office's waits to be sent from the kiosk: only its own station row.
    EXPECT_EQ(stationsCliScalar(lounge, "SELECT group_concat(tbl || ':' || (row_id = (SELECT value FROM meta "
                                        "WHERE key = 'station_id'))) FROM sync_outbox"),
              "station:1");
    EXPECT_EQ(stationsCliScalar(lounge, "SELECT instr(settings, 'pin') FROM event"), "0");

    auto met = scan(lounge, {"A1", "B2"});
    ASSERT_EQ(met.exitCode, 0) << met.err;
    auto led = scan(booth, {"ST", "C3"});
    ASSERT_EQ(led.exitCode, 0) << led.err;
    auto merged = at(m_office, {"merge", lounge.string(), booth.string()});
    ASSERT_EQ(merged.exitCode, 0) << merged.err;
    EXPECT_EQ(stationsCliScalar(m_office, "SELECT count(*) FROM meeting"), "1");
    EXPECT_EQ(stationsCliScalar(m_office, "SELECT station_id FROM meeting"), loungeId);
    EXPECT_EQ(stationsCliScalar(m_office, "SELECT station_id FROM lead"), boothId);
    // Merging again changes nothing; the office's signing key is still only the office's.
    auto again = at(m_office, {"merge", "--json", lounge.string(), booth.string()});
    EXPECT_NE(again.out.find("\"changed\":false"), std::string::npos) << again.out;
    auto stations = at(m_office, {"station", "list"});
    EXPECT_NE(stations.out.find("lounge"), std::string::npos);
    EXPECT_NE(stations.out.find("booth-1"), std::string::npos);
}

TEST_F(StationsCli, AKioskDoesNoneOfTheOfficesWork) {
    const auto lounge = kiosk("lounge", "meet");
    const std::vector<std::vector<std::string>> refused{
        {"badges", "--out", (m_dir / "badges.pdf").string()},
        {"import", "roster", (m_dir / "roster.csv").string()},
        {"import", "exhibitors", (m_dir / "exhibitors.csv").string()},
        {"keys", "generate"},
        {"keys", "trust", "AAAA"},
        {"erase", "A1", "--yes"},
        {"station", "add", "--name", "x", "--out", (m_dir / "x.pack").string()},
        {"init", "--event", "Renamed Summit"},
    };
    for (const auto& args : refused) {
        auto result = at(lounge, args);
        EXPECT_EQ(result.exitCode, 2) << args[0] << ": " << result.err;
        EXPECT_EQ(result.err.rfind("meetscan: error: ", 0), 0u) << result.err;
        EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
    }
    EXPECT_NE(at(lounge, {"badges", "--out", (m_dir / "b.pdf").string()}).err.find("badges are printed at the event's office"),
              std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(m_dir / "badges.pdf"));
    // Its own configuration is the kiosk's to change.
    auto renamed = at(lounge, {"init", "--station", "lounge north", "--mode", "summary"});
    EXPECT_EQ(renamed.exitCode, 0) << renamed.err;
}

TEST_F(StationsCli, DatabasesSetUpApartDoNotMergeAndTheMessageSaysHowToJoin) {
    const auto other = m_dir / "other.db";
    ASSERT_EQ(at(other, {"init", "--event", "Harbour Summit"}).exitCode, 0);
    auto merged = at(m_office, {"merge", other.string()});
    EXPECT_EQ(merged.exitCode, 2);
    EXPECT_NE(merged.err.find("belongs to another event"), std::string::npos) << merged.err;
    EXPECT_NE(merged.err.find("station add"), std::string::npos) << merged.err;
    EXPECT_NE(merged.err.find("init --join"), std::string::npos) << merged.err;
    auto joined = at(other, {"init", "--join", (m_dir / "roster.csv").string()});
    EXPECT_EQ(joined.exitCode, 2);
    EXPECT_NE(joined.err.find("not a MeetScan station pack"), std::string::npos) << joined.err;
}

TEST_F(StationsCli, ACopiedKioskCannotPassItsScansOffAsTheOriginals) {
    const auto lounge = kiosk("lounge", "meet");
    const auto copy = m_dir / "lounge-copy.db";
    std::filesystem::copy_file(lounge, copy);
    ASSERT_EQ(scan(copy, {"A1", "B2"}).exitCode, 0);
    auto merged = at(lounge, {"merge", copy.string()});
    EXPECT_EQ(merged.exitCode, 2) << merged.out;
    EXPECT_NE(merged.err.find("only its owner may change it"), std::string::npos) << merged.err;
    EXPECT_EQ(stationsCliScalar(lounge, "SELECT count(*) FROM scan"), "0");
}

TEST_F(StationsCli, TamperedRowsFailTheMergeNamedAndChangeNothing) {
    const auto lounge = kiosk("lounge", "meet");
    ASSERT_EQ(scan(lounge, {"A1", "B2"}).exitCode, 0);
    const auto before = stationsCliScalar(m_office, "SELECT count(*) FROM scan");
    struct Tamper {
        std::string sql;
        std::string named;
    };
    const std::vector<Tamper> tampers{
        {"UPDATE meeting SET attendee_a = '../../escape'", "row meeting"},
        {"INSERT INTO scan (id, station_id, at, mode, raw_text, outcome) SELECT '01HZZZZZZZZZZZZZZZZZZZZZZZ', "
         "station_id, at, mode, 'x' || char(0) || 'y', outcome FROM scan LIMIT 1",
         "raw_text"},
        {"UPDATE scan SET outcome = 'hacked' WHERE rowid = (SELECT min(rowid) FROM scan)", "outcome"},
        {"UPDATE station SET mode = 'admin'", "mode"},
        {"UPDATE attendee SET consent_exhibitors = 1, updated_at = updated_at + 1 WHERE badge_code = 'C3'; "
         "UPDATE attendee SET company = 'Forged' WHERE badge_code = 'C3'",
         "only the office changes the roster"},
        {"INSERT INTO trusted_key (public_key, kind, added_at) VALUES ('forged-key', 'meetscan', 1)", "trusted_key"},
        // Saying it is the office proves nothing: only the office's secret does.
        {"UPDATE meta SET value = 'office' WHERE key = 'role'; INSERT OR REPLACE INTO meta (key, value) VALUES "
         "('office_secret', 'guessed'); INSERT INTO trusted_key (public_key, kind, added_at) VALUES ('forged-key', "
         "'meetscan', 1)",
         "trusted_key"},
        {"INSERT INTO erasure (attendee_id, station_id, at) SELECT id, '', 1 FROM attendee WHERE badge_code = 'A1'",
         "only its owner may change it"},
    };
    for (const auto& tamper : tampers) {
        const auto forged = m_dir / "forged.db";
        std::filesystem::remove(forged);
        std::filesystem::copy_file(lounge, forged);
        stationsCliExec(forged, "PRAGMA ignore_check_constraints = ON; DROP TRIGGER IF EXISTS scan_no_update; " + tamper.sql);
        auto merged = at(m_office, {"merge", forged.string()});
        EXPECT_EQ(merged.exitCode, 2) << tamper.sql << "\n" << merged.out;
        EXPECT_NE(merged.err.find(tamper.named), std::string::npos) << tamper.sql << "\n" << merged.err;
        EXPECT_EQ(stationsCliScalar(m_office, "SELECT count(*) FROM scan"), before);
    }
    EXPECT_EQ(stationsCliScalar(m_office, "SELECT company FROM attendee WHERE badge_code = 'C3'"), "Gamma");
    // A folder named by an id from elsewhere never leaves --out.
    const auto out = m_dir / "packets";
    ASSERT_EQ(at(m_office, {"export", "packets", "--out", out.string()}).exitCode, 0);
    for (const auto& entry : std::filesystem::recursive_directory_iterator(m_dir.path()))
        EXPECT_EQ(entry.path().filename().string().find("escape"), std::string::npos) << entry.path();
}

TEST_F(StationsCli, ARosterChangeReachesAKioskAsANewPack) {
    const auto booth = kiosk("booth-1", "booth");
    ASSERT_EQ(scan(booth, {"ST", "A1"}).exitCode, 0);
    importRoster("no");
    const auto boothId = stationsCliScalar(booth, "SELECT value FROM meta WHERE key = 'station_id'");
    auto packed = at(m_office, {"station", "pack", boothId, "--out", (m_dir / "update.pack").string()});
    ASSERT_EQ(packed.exitCode, 0) << packed.err;
    auto updated = at(booth, {"init", "--join", (m_dir / "update.pack").string()});
    ASSERT_EQ(updated.exitCode, 0) << updated.err;
    EXPECT_NE(updated.out.find("updated station"), std::string::npos) << updated.out;
    EXPECT_EQ(stationsCliScalar(booth, "SELECT consent_exhibitors FROM attendee WHERE badge_code = 'C3'"), "0");
    EXPECT_EQ(stationsCliScalar(booth, "SELECT count(*) FROM lead"), "1"); // its own records stay
    // A pack for another station is not this kiosk's.
    ASSERT_EQ(at(m_office, {"station", "add", "--name", "other", "--out", (m_dir / "other.pack").string()}).exitCode, 0);
    auto wrong = at(booth, {"init", "--join", (m_dir / "other.pack").string()});
    EXPECT_EQ(wrong.exitCode, 2);
    EXPECT_NE(wrong.err.find("another event or station"), std::string::npos) << wrong.err;
}

// A merge killed on the spot (SIGKILL: no handler runs) leaves its copies of the roster only in
// the private folder beside the database, never in /tmp, and the next command sweeps them.
TEST_F(StationsCli, AMergeKilledMidwayLeavesNothingPersonalInTmpAndTheNextCommandSweepsIt) {
    std::string csv = "badge_code,first_name,last_name,email\n";
    for (int i = 0; i < 60000; ++i)
        csv += fmt::format("P{0:06},Person,Number {0},p{0}@example.org\n", i);
    ASSERT_EQ(at(m_office, {"import", "roster", m_dir.write("big.csv", csv).string(), "--consent-default", "yes"}).exitCode, 0);
    const auto lounge = kiosk("lounge", "meet");
    // The merge's own /tmp, so that what other tests put in the shared one does not count.
    const auto tmp = m_dir / "tmp";
    std::filesystem::create_directories(tmp);
    const auto root = core::scratchRoot(m_dir.path());
    auto command = test::meetscanCommand({"--db", m_office.string(), "merge", lounge.string()});
    command.insert(command.begin(), {"/usr/bin/env", "TMPDIR=" + tmp.string()});
    test::BackgroundProcess merge(command, m_dir / "merge");
    bool caught = false;
    for (int i = 0; i < 2000 && !caught && !merge.finished(); ++i) {
        std::error_code error;
        for (const auto& folder : std::filesystem::directory_iterator(root, error))
            for (const auto& file : std::filesystem::directory_iterator(folder.path(), error))
                caught = caught || std::filesystem::file_size(file.path(), error) > 1'000'000;
        if (!caught)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    ASSERT_TRUE(caught) << "the merge ended before a copy of the roster was seen: " << merge.err();
    merge.signal(SIGKILL);
    EXPECT_EQ(merge.wait(), -1);
    EXPECT_TRUE(std::filesystem::is_empty(tmp)) << "nothing of the merge in /tmp";
    EXPECT_FALSE(std::filesystem::is_empty(root)) << "the killed merge's copy is still beside the database";
    ASSERT_EQ(at(m_office, {"stats"}).exitCode, 0);
    EXPECT_FALSE(std::filesystem::exists(root)) << "the next command swept it";
    EXPECT_EQ(stationsCliScalar(m_office, "SELECT count(*) FROM attendee"), "60004") << "the office is unharmed";
}

// The old failure: a kiosk whose clock ran years ahead kept its roster rows on top for good, so
// a consent withdrawn later at the office was lost. Now the roster is only the office's.
TEST_F(StationsCli, AKioskYearsAheadNeverOutranksALaterConsentChangeAtTheOffice) {
    // Only the wall clock runs ahead, as on a real kiosk; frame pacing waits on the monotonic one.
    const std::vector<std::string> fast{"env", "FAKETIME_DONT_FAKE_MONOTONIC=1", "faketime", "-f", "+5y"};
    ASSERT_EQ(runProcess({"faketime", "-f", "+5y", "date", "+%Y"}).exitCode, 0) << "faketime is part of the test set";
    const auto booth = kiosk("booth-1", "booth", fast);
    auto first = scan(booth, {"ST", "C3"}, fast);
    ASSERT_EQ(first.exitCode, 0) << first.err;
    EXPECT_NE(first.out.find("lead_captured"), std::string::npos) << first.out;
    EXPECT_EQ(at(booth, {"import", "roster", (m_dir / "roster.csv").string()}, fast).exitCode, 2);
    ASSERT_EQ(at(m_office, {"merge", booth.string()}).exitCode, 0);

    importRoster("no"); // Chen withdraws consent at the office, today
    ASSERT_EQ(at(m_office, {"merge", booth.string()}).exitCode, 0);
    EXPECT_EQ(stationsCliScalar(m_office, "SELECT consent_exhibitors FROM attendee WHERE badge_code = 'C3'"), "0");
    const auto boothId = stationsCliScalar(booth, "SELECT value FROM meta WHERE key = 'station_id'");
    ASSERT_EQ(at(m_office, {"station", "pack", boothId, "--out", (m_dir / "update.pack").string()}).exitCode, 0);
    ASSERT_EQ(at(booth, {"init", "--join", (m_dir / "update.pack").string()}, fast).exitCode, 0);
    // The office's copy merged into the fast kiosk, and the kiosk merged back: the withdrawal stands.
    ASSERT_EQ(at(booth, {"merge", m_office.string()}, fast).exitCode, 0);
    ASSERT_EQ(at(m_office, {"merge", booth.string()}).exitCode, 0);
    EXPECT_EQ(stationsCliScalar(booth, "SELECT consent_exhibitors FROM attendee WHERE badge_code = 'C3'"), "0");
    EXPECT_EQ(stationsCliScalar(m_office, "SELECT consent_exhibitors FROM attendee WHERE badge_code = 'C3'"), "0");
    auto again = scan(booth, {"ST", "C3"}, fast);
    EXPECT_NE(again.out.find("no_consent"), std::string::npos) << again.out;
}

} // namespace
} // namespace meetscan::test
