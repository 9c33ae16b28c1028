// `meetscan server init`, `meetscan sync` and `meetscan export --server` as separate processes
// against a throw-away PostgreSQL cluster. The main test runs three stations of one office, each
// syncing with its own login over TCP, scanning at the same time while their syncs run, the server
// is stopped and restarted, and connections are cut: at the end the server holds exactly the union
// of what every station saved.
#include "core/sync/event_schema.hpp"
#include "support/background_process.hpp"
#include "support/pg_server.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <chrono>
#include <set>
#include <sstream>
#include <thread>

namespace meetscan::test {
namespace {

std::set<std::string> lines(const std::string& text) {
    std::set<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty())
            out.insert(line);
    return out;
}

std::set<std::string> stationRows(const std::filesystem::path& db, const std::string& sql) {
    SQLite::Database database(db.string(), SQLite::OPEN_READONLY);
    SQLite::Statement query(database, sql);
    std::set<std::string> rows;
    while (query.executeStep())
        rows.insert(query.getColumn(0).getString());
    return rows;
}

class SyncStationsCli : public ::testing::Test {
protected:
    void SetUp() override {
        std::string whyNot;
        m_server = PgServer::create(whyNot);
        ASSERT_TRUE(m_server) << whyNot; // PostgreSQL is a test dependency: never skipped
        m_roster = m_dir.write("roster.csv", "badge_code,first_name,last_name,company,email,exhibitor,consent_exhibitors\n"
                                             "A1,Ana,Silva,Acme,ana@example.org,,yes\n"
                                             "B2,Boris,Ivanov,Beta,boris@example.org,,yes\n"
                                             "C3,Chen,Jing,Gamma,chen@example.org,,yes\n"
                                             "D4,Dana,Cohen,Delta,dana@example.org,,yes\n"
                                             "ST,Sam,Staff,Booth Co,sam@example.org,boothco,yes\n");
        m_exhibitors = m_dir.write("exhibitors.csv", "id,name,booth,tags,questions\nboothco,Booth Co,B1,demo,\n");
    }
    ProcessResult at(const std::string& station, std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", (m_dir / (station + ".db")).string()});
        return runMeetscan(args);
    }
    void makeOffice() {
        auto made = at("office", {"init", "--event", "Sync Summit", "--station", "desk"});
        ASSERT_EQ(made.exitCode, 0) << made.err;
        ASSERT_EQ(at("office", {"import", "exhibitors", m_exhibitors.string()}).exitCode, 0);
        ASSERT_EQ(at("office", {"import", "roster", m_roster.string()}).exitCode, 0);
    }
    std::string eventId() {
        SQLite::Database office((m_dir / "office.db").string(), SQLite::OPEN_READONLY);
        return office.execAndGet("SELECT value FROM meta WHERE key = 'event_id'").getString();
    }
    std::string schema() { return *core::eventSchemaName(eventId()); }
    // A kiosk made as an organiser makes one: `station add --server` at the office (over TCP, so
    // the station's password is checked), `init --join` on the kiosk. Its login sits in its
    // database: `meetscan sync` there needs no --server.
    void makeStation(const std::string& name, const std::string& mode) {
        const auto pack = m_dir / (name + ".pack");
        std::vector<std::string> add{"station", "add", "--name", name, "--mode", mode,
                                     "--out", pack.string(), "--server", m_server->uri()};
        if (mode == "booth")
            add.insert(add.end(), {"--exhibitor", "boothco"});
        auto added = at("office", add);
        ASSERT_EQ(added.exitCode, 0) << added.err;
        EXPECT_NE(added.out.find("sync login"), std::string::npos) << added.out;
        auto joined = at(name, {"init", "--join", pack.string()});
        ASSERT_EQ(joined.exitCode, 0) << joined.err;
        const auto kiosk = m_dir / (name + ".db");
        const auto server = stationRows(kiosk, "SELECT value FROM meta WHERE key = 'sync_server'");
        ASSERT_EQ(server.size(), 1u);
        EXPECT_EQ(server.begin()->find("admin-secret"), std::string::npos) << "the office's password stays at the office";
        EXPECT_EQ(stationRows(kiosk, "SELECT value FROM meta WHERE key = 'sync_user'").size(), 1u);
        EXPECT_TRUE(stationRows(kiosk, "SELECT public_key FROM signing_key").empty());
    }
    // Rounds of `sync --once` until one succeeds with nothing left waiting.
    void syncUntilDrained(const std::string& station) {
        for (int attempt = 0; attempt < 30; ++attempt) {
            auto synced = at(station, station == "office" ? std::vector<std::string>{"sync", "--once", "--server",
                                                                                     m_server->conninfo()}
                                                          : std::vector<std::string>{"sync", "--once"});
            if (synced.exitCode == 0 && synced.out.find(" 0 waiting") != std::string::npos)
                return;
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
        ADD_FAILURE() << station << " never drained its outbox";
    }

    TempDir m_dir;
    std::unique_ptr<PgServer> m_server;
    std::filesystem::path m_roster;
    std::filesystem::path m_exhibitors;
};

TEST_F(SyncStationsCli, ServerInitAndUsageErrors) {
    auto noServer = runMeetscan({"server", "init"}, RunOptions{{{"MEETSCAN_SERVER", ""}}, "", ""});
    EXPECT_EQ(noServer.exitCode, 2);
    EXPECT_EQ(noServer.err.rfind("meetscan: error: ", 0), 0U) << noServer.err;

    makeOffice();
    auto early = at("office", {"sync", "--once", "--server", m_server->uri()});
    EXPECT_EQ(early.exitCode, 2) << early.err;
    EXPECT_NE(early.err.find("server init"), std::string::npos) << early.err;

    // $MEETSCAN_SERVER, a postgresql:// URI over TCP.
    auto init = runMeetscan({"server", "init"}, RunOptions{{{"MEETSCAN_SERVER", m_server->uri()}}, "", ""});
    ASSERT_EQ(init.exitCode, 0) << init.err;
    EXPECT_NE(init.out.find("version 2"), std::string::npos) << init.out;
    EXPECT_EQ(runMeetscan({"server", "init", "--server", m_server->uri()}).exitCode, 0) << "init is repeatable";
    EXPECT_EQ(m_server->scalar("SELECT max(version) FROM meetscan_schema"), "2");

    auto synced = at("office", {"sync", "--once", "--server", m_server->uri()});
    ASSERT_EQ(synced.exitCode, 0) << synced.err;
    EXPECT_NE(synced.out.find(" 0 waiting"), std::string::npos) << synced.out;
    EXPECT_EQ(m_server->scalar("SELECT count(*) FROM " + schema() + ".attendee"), "5");

    auto unreachable = at("office", {"sync", "--once", "--server", "host=127.0.0.1 port=1 connect_timeout=2"});
    EXPECT_EQ(unreachable.exitCode, 1);
    EXPECT_NE(unreachable.err.find("cannot connect"), std::string::npos) << unreachable.err;
    EXPECT_EQ(std::count(unreachable.err.begin(), unreachable.err.end(), '\n'), 1) << unreachable.err;

    // A row on the server that the fold refuses (a meeting's pair out of order) is bad input.
    ASSERT_EQ(m_server->psql("INSERT INTO " + schema() + ".meeting (id, station_id, at, attendee_a, attendee_b) "
                             "VALUES ('01JAAAAAAAAAAAAAAAAAAAAAAA', 'x', 1, 'zz', 'aa')")
                  .exitCode,
              0);
    auto badRow = at("office", {"sync", "--once", "--server", m_server->uri()});
    EXPECT_EQ(badRow.exitCode, 2) << badRow.err;
    EXPECT_EQ(badRow.err.rfind("meetscan: error: ", 0), 0U) << badRow.err;
    EXPECT_EQ(std::count(badRow.err.begin(), badRow.err.end(), '\n'), 1) << badRow.err;
    ASSERT_EQ(m_server->psql("DELETE FROM " + schema() + ".meeting").exitCode, 0);

    // A station whose login is wrong: the server's refusal, in one line, and exit 1.
    makeStation("lounge", "meet");
    {
        SQLite::Database db((m_dir / "lounge.db").string(), SQLite::OPEN_READWRITE);
        db.exec("UPDATE meta SET value = 'wrong' WHERE key = 'sync_password'");
    }
    auto refused = at("lounge", {"sync", "--once"});
    EXPECT_EQ(refused.exitCode, 1) << refused.err;
    EXPECT_NE(refused.err.find("password authentication failed"), std::string::npos) << refused.err;
    EXPECT_EQ(std::count(refused.err.begin(), refused.err.end(), '\n'), 1) << refused.err;
    EXPECT_EQ(refused.err.find("wrong"), std::string::npos) << "the password is never printed";

    // Neither --server, nor $MEETSCAN_SERVER, nor a login: bad usage.
    {
        SQLite::Database db((m_dir / "lounge.db").string(), SQLite::OPEN_READWRITE);
        db.exec("DELETE FROM meta WHERE key LIKE 'sync_%'");
    }
    auto none = runMeetscan({"--db", (m_dir / "lounge.db").string(), "sync", "--once"},
                            RunOptions{{{"MEETSCAN_SERVER", ""}}, "", ""});
    EXPECT_EQ(none.exitCode, 2) << none.err;
    EXPECT_NE(none.err.find("no server given"), std::string::npos) << none.err;
}

TEST_F(SyncStationsCli, StationsScanThroughOutagesAndTheServerHoldsExactlyTheUnion) {
    ASSERT_EQ(runMeetscan({"server", "init", "--server", m_server->conninfo()}).exitCode, 0);
    makeOffice();
    syncUntilDrained("office");
    const std::vector<std::pair<std::string, std::string>> stations{
        {"lounge-1", "meet"}, {"lounge-2", "meet"}, {"booth", "booth"}};
    for (const auto& [name, mode] : stations)
        makeStation(name, mode);
    const std::string ev = schema() + ".";

    // Each station: a scanning process and a sync loop, side by side on one database.
    std::vector<std::unique_ptr<BackgroundProcess>> scanners, syncers;
    for (const auto& [name, mode] : stations) {
        const auto db = (m_dir / (name + ".db")).string();
        scanners.push_back(std::make_unique<BackgroundProcess>(
            meetscanCommand({"--db", db, "scan", "--source", "synthetic", "--seconds", "12"}), m_dir / (name + "-scan")));
        // Batches of two entries: a round is many server transactions, so the shutdown and the
        // cuts land between and inside them.
        syncers.push_back(std::make_unique<BackgroundProcess>(
            meetscanCommand({"--db", db, "sync", "--batch", "2", "--interval", "0.2"}),
            m_dir / (name + "-sync")));
    }
    std::this_thread::sleep_for(std::chrono::seconds(3));
    ASSERT_TRUE(m_server->stop());
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    ASSERT_TRUE(m_server->start());
    int cuts = 0;
    for (int i = 0; i < 30; ++i) {
        cuts += m_server->cutSyncConnections();
        std::this_thread::sleep_for(std::chrono::milliseconds(150));
    }
    for (std::size_t i = 0; i < stations.size(); ++i)
        EXPECT_EQ(scanners[i]->wait(), 0) << stations[i].first << ": " << scanners[i]->err();
    int warnings = 0;
    for (std::size_t i = 0; i < stations.size(); ++i) {
        syncers[i]->signal(SIGTERM);
        EXPECT_EQ(syncers[i]->wait(), 0) << stations[i].first << ": " << syncers[i]->err();
        const auto err = syncers[i]->err();
        for (auto at = err.find("meetscan: warning:"); at != std::string::npos; at = err.find("meetscan: warning:", at + 1))
            ++warnings;
    }
    EXPECT_GT(warnings, 0) << "the sync loops should have seen the outage";
    EXPECT_GT(cuts, 0) << "connections should have been cut";
    RecordProperty("sync_warnings", warnings);
    RecordProperty("connections_cut", cuts);

    for (const auto& [name, mode] : stations)
        syncUntilDrained(name);
    syncUntilDrained("lounge-1"); // what the others pushed after its last round

    std::set<std::string> scans, meetings, leadVisits, leadCounts;
    for (const auto& [name, mode] : stations) {
        const auto db = m_dir / (name + ".db");
        for (const auto& id : stationRows(db, "SELECT id FROM scan"))
            scans.insert(id);
        for (const auto& id : stationRows(db, "SELECT id FROM meeting"))
            meetings.insert(id);
        for (const auto& row : stationRows(db, "SELECT id || '|' || scan_count FROM lead"))
            leadVisits.insert(row);
    }
    // How many badges the synthetic cameras get through depends on the machine's load; what
    // matters is that every one of them arrives once.
    EXPECT_GE(scans.size(), 3U);
    EXPECT_FALSE(leadVisits.empty()) << "the booth station should have captured leads";
    RecordProperty("scans", static_cast<int>(scans.size()));
    RecordProperty("meetings", static_cast<int>(meetings.size()));
    EXPECT_EQ(lines(m_server->psql("SELECT id FROM " + ev + "scan").out), scans);
    EXPECT_EQ(m_server->scalar("SELECT count(*) FROM " + ev + "scan"), std::to_string(scans.size()));
    EXPECT_EQ(lines(m_server->psql("SELECT id FROM " + ev + "meeting").out), meetings);
    EXPECT_EQ(lines(m_server->psql("SELECT id || '|' || scan_count FROM " + ev + "lead").out), leadVisits);
    EXPECT_EQ(m_server->scalar("SELECT count(DISTINCT station_id) FROM " + ev + "scan WHERE station_id NOT IN "
                               "(SELECT station_id FROM " + ev + "station_login)"),
              "0")
        << "every scan came from a station's own login";

    // Every lounge now knows the other lounge's connections (Summary mode needs them).
    EXPECT_EQ(stationRows(m_dir / "lounge-1.db", "SELECT id FROM meeting"),
              lines(m_server->psql("SELECT id FROM " + ev + "meeting").out));

    // The whole event exports from the server with the existing exporters.
    const auto csv = m_dir / "leads.csv";
    auto exported = at("lounge-1", {"export", "leads", "--exhibitor", "boothco", "--format", "csv", "--out",
                                    csv.string(), "--server", m_server->conninfo()});
    ASSERT_EQ(exported.exitCode, 0) << exported.err;
    const auto leadRows = lines(readFile(csv));
    EXPECT_EQ(leadRows.size(),
              std::stoul(m_server->scalar("SELECT count(DISTINCT (exhibitor_id, attendee_id)) FROM " + ev + "lead")) + 1)
        << readFile(csv);
    auto local = at("lounge-1", {"export", "leads", "--exhibitor", "boothco", "--format", "csv", "--out",
                                 (m_dir / "local.csv").string()});
    ASSERT_EQ(local.exitCode, 0) << local.err;
    EXPECT_EQ(lines(readFile(m_dir / "local.csv")).size(), 1U) << "a lounge has no leads of its own";
}

// Online set-up: the office writes a one-time code as a PNG, the kiosk's text comes from reading
// that picture with zbarimg (a real QR reader), and the kiosk joins through the server with it.
TEST_F(SyncStationsCli, AKioskJoinsOnceWithASetUpCodeThatHoldsNoPassword) {
    ASSERT_EQ(runMeetscan({"server", "init", "--server", m_server->conninfo()}).exitCode, 0);
    makeOffice();
    const auto png = m_dir / "lounge-code.png";
    auto noServer = at("office", {"station", "add", "--name", "lounge", "--qr", png.string()});
    EXPECT_EQ(noServer.exitCode, 2) << noServer.err;
    EXPECT_NE(noServer.err.find("--server"), std::string::npos) << noServer.err;
    auto added = at("office", {"station", "add", "--name", "lounge", "--mode", "meet", "--qr", png.string(),
                               "--server", m_server->uri()});
    ASSERT_EQ(added.exitCode, 0) << added.err;
    EXPECT_NE(added.out.find("one-time set-up code"), std::string::npos) << added.out;
    auto read = runProcess({"zbarimg", "--quiet", "--raw", png.string()});
    ASSERT_EQ(read.exitCode, 0) << read.err;
    std::string code = read.out;
    while (!code.empty() && (code.back() == '\n' || code.back() == '\r'))
        code.pop_back();
    EXPECT_EQ(code.rfind("MEETSCAN-SETUP/1 ", 0), 0U) << code;
    EXPECT_EQ(code.find("password"), std::string::npos) << code;
    EXPECT_EQ(code.find("user"), std::string::npos) << code;
    EXPECT_EQ(code.find("admin-secret"), std::string::npos) << code;

    auto joined = at("lounge", {"init", "--setup-code", code});
    ASSERT_EQ(joined.exitCode, 0) << joined.err;
    EXPECT_NE(joined.out.find("joined station \"lounge\" (meet mode) of \"Sync Summit\""), std::string::npos)
        << joined.out;
    EXPECT_NE(joined.out.find("5 attendees, 1 exhibitors"), std::string::npos) << joined.out;
    const auto lounge = m_dir / "lounge.db";
    EXPECT_EQ(stationRows(lounge, "SELECT value FROM meta WHERE key = 'role'"), std::set<std::string>{"station"});
    EXPECT_TRUE(stationRows(lounge, "SELECT public_key FROM signing_key").empty());
    const auto password = stationRows(lounge, "SELECT value FROM meta WHERE key = 'sync_password'");
    ASSERT_EQ(password.size(), 1u);
    EXPECT_EQ(code.find(*password.begin()), std::string::npos) << "the code never holds the station's password";

    // The kiosk records and syncs with the login it received: its scans and its own station row
    // reach the server and, from there, the office.
    auto scanned = at("lounge", {"scan", "--source", "synthetic", "--seconds", "2"});
    ASSERT_EQ(scanned.exitCode, 0) << scanned.err;
    syncUntilDrained("lounge");
    syncUntilDrained("office");
    EXPECT_EQ(stationRows(lounge, "SELECT id FROM scan"), lines(m_server->psql("SELECT id FROM " + schema() + ".scan").out));
    EXPECT_FALSE(stationRows(lounge, "SELECT id FROM scan").empty());
    EXPECT_EQ(stationRows(m_dir / "office.db", "SELECT mode FROM station WHERE name = 'lounge'"),
              std::set<std::string>{"meet"});

    // Once only: a second kiosk shown the same code is turned away, and nothing is left behind.
    auto again = at("copycat", {"init", "--setup-code", code});
    EXPECT_EQ(again.exitCode, 2) << again.err;
    EXPECT_NE(again.err.find("used already"), std::string::npos) << again.err;
    EXPECT_EQ(std::count(again.err.begin(), again.err.end(), '\n'), 1) << again.err;
    EXPECT_FALSE(std::filesystem::exists(m_dir / "copycat.db"));
    // A code that names a user, or is not a set-up code at all, is refused before any connection.
    auto forged = at("forged", {"init", "--setup-code", code.substr(0, 81) + " user=postgres host=127.0.0.1"});
    EXPECT_EQ(forged.exitCode, 2) << forged.err;
    EXPECT_NE(forged.err.find("not a MeetScan station set-up code"), std::string::npos) << forged.err;
}

TEST_F(SyncStationsCli, ExportFromAServerThatIsNotThereFails) {
    makeOffice();
    auto exported = at("office", {"export", "packets", "--out", (m_dir / "packets").string(), "--server",
                                  "host=127.0.0.1 port=1 connect_timeout=2"});
    EXPECT_EQ(exported.exitCode, 1);
    EXPECT_EQ(exported.err.rfind("meetscan: error: ", 0), 0U) << exported.err;
}

} // namespace
} // namespace meetscan::test
