// Sync to the central PostgreSQL: 10 stations of one office, each with its own login under
// row-level security, record 10,000 scans each while the server is down; the server comes back
// and every station pushes its backlog and pulls (folding with the merge engine) at once, each
// from its own thread as its kiosk's SyncWorker would. Prints the rows/s into the server and the time from the
// server's return to every station fully synced, then checks nothing was lost or doubled.
#include "core/store/store.hpp"
#include "core/sync/outbox.hpp"
#include "core/sync/pg_connection.hpp"
#include "core/sync/event_schema.hpp"
#include "core/sync/server_schema.hpp"
#include "core/sync/station_login.hpp"
#include "core/sync/sync_client.hpp"
#include "support/pg_server.hpp"
#include "support/station_from_office.hpp"
#include "support/temp_dir.hpp"

#include <SQLiteCpp/Transaction.h>
#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <thread>
#include <vector>

using namespace meetscan;

namespace {

constexpr int kRoster = 2'000;

std::vector<core::Attendee> roster() {
    std::vector<core::Attendee> people;
    for (int i = 0; i < kRoster; ++i) {
        core::Attendee a;
        a.badgeCode = fmt::format("BENCH-{:05d}", i);
        a.id = core::attendeeIdForCode(a.badgeCode);
        a.firstName = fmt::format("First{}", i);
        a.lastName = "Last";
        a.email = fmt::format("p{}@example.org", i);
        people.push_back(std::move(a));
    }
    return people;
}

// A station's day: Meet stations pair badges (two scans and a meeting), booth stations capture
// leads. Written in large transactions: what is measured is the sync, not the recording.
void fillStation(core::Store& store, int station, int scans, const std::vector<core::Attendee>& people) {
    const bool booth = station % 5 == 4;
    auto self = store.events().station();
    core::TimeMs at = core::nowMs() - 10'000'000;
    for (int done = 0; done < scans;) {
        SQLite::Transaction transaction(store.database(), SQLite::TransactionBehavior::IMMEDIATE);
        for (int i = 0; i < 1000 && done < scans; ++i, ++done) {
            const auto& person = people[static_cast<std::size_t>((done * 7919 + station * 31) % kRoster)];
            core::ScanRecord record{core::newUlid(at), self.id, at, booth ? "booth" : "meet", person.badgeCode,
                                    "QRCode", "plain", person.id,
                                    booth ? core::Outcome::LeadCaptured : core::Outcome::FirstBadge, ""};
            store.scans().append(record);
            if (booth) {
                store.leads().touch("benchco", person.id, people[0].id, self.id, at);
            } else if (done % 2 == 1) {
                const auto& other = people[static_cast<std::size_t>(((done - 1) * 7919 + station * 31) % kRoster)];
                if (other.id != person.id)
                    store.meetings().add({core::newUlid(at), self.id, at, other.id, person.id, "", ""});
            }
            at += 250;
        }
        transaction.commit();
    }
}

} // namespace

int main(int argc, char** argv) {
    const int stations = argc > 1 ? std::atoi(argv[1]) : 10;
    const int scans = argc > 2 ? std::atoi(argv[2]) : 10'000;
    std::string whyNot;
    auto server = test::PgServer::create(whyNot);
    if (!server) {
        fmt::print(stderr, "bench_sync: {}\n", whyNot);
        return 1;
    }
    test::TempDir dir;
    const auto people = roster();
    // The office: roster and exhibitor, on the server before the event starts.
    auto office = core::Store::open(dir / "office.db");
    if (!office) {
        fmt::print(stderr, "{}\n", office.error().message);
        return 1;
    }
    (void)(*office)->attendees().importAll(people);
    (void)(*office)->exhibitors().importAll({core::Exhibitor{"benchco", "Bench Co", "B1", {}, {}}});
    const auto eventId = (*office)->events().event().id;
    auto admin = core::PgConnection::connect(server->conninfo());
    if (!admin || !core::initServerSchema(*admin) || !core::SyncClient(server->conninfo()).syncOnce((*office)->database())) {
        fmt::print(stderr, "bench_sync: cannot set up the server\n");
        return 1;
    }
    // Each station from the office, with its own login.
    auto makeStation = [&](const std::string& name, bool booth) -> std::string {
        const auto path = dir / (name + ".db");
        const auto id = test::stationFromOffice((*office)->path(), path, name, booth ? "booth" : "meet",
                                                booth ? "benchco" : "");
        auto login = core::createStationLogin(*admin, eventId, id);
        if (!login) {
            fmt::print(stderr, "bench_sync: {}\n", login.error().message);
            std::exit(1);
        }
        return *core::conninfoWithLogin(server->conninfo(), login->user, login->password);
    };
    std::vector<std::string> logins;
    for (int i = 0; i < stations; ++i)
        logins.push_back(makeStation(fmt::format("station-{}", i), i % 5 == 4));
    const auto lateLogin = makeStation("late", false);
    server->stop(); // the stations record their day offline

    std::vector<std::unique_ptr<core::Store>> stores;
    long queued = 0;
    const auto fillStarted = std::chrono::steady_clock::now();
    for (int i = 0; i < stations; ++i) {
        auto store = core::Store::open(dir / fmt::format("station-{}.db", i));
        if (!store) {
            fmt::print(stderr, "{}\n", store.error().message);
            return 1;
        }
        fillStation(**store, i, scans, people);
        queued += core::Outbox((*store)->database()).size();
        stores.push_back(std::move(store).value());
    }
    const double fillSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - fillStarted).count();

    server->start();
    admin = core::PgConnection::connect(server->conninfo());
    const auto reconnected = std::chrono::steady_clock::now();
    std::vector<double> doneAt(static_cast<std::size_t>(stations));
    std::vector<long> pushed(static_cast<std::size_t>(stations));
    std::vector<std::string> errors(static_cast<std::size_t>(stations));
    {
        std::vector<std::jthread> threads;
        for (int i = 0; i < stations; ++i)
            threads.emplace_back([&, i] {
                const auto index = static_cast<std::size_t>(i);
                // Each thread opens its own connection to its station database (one per thread).
                auto store = core::Store::open(stores[index]->path());
                core::SyncClient client(logins[index]);
                for (int round = 0; round < 50; ++round) {
                    auto report = client.syncOnce((*store)->database());
                    if (report) {
                        pushed[index] += report->pushedRows;
                        if (report->queued == 0)
                            break;
                    } else {
                        errors[index] = report.error().message;
                    }
                }
                doneAt[index] = std::chrono::duration<double>(std::chrono::steady_clock::now() - reconnected).count();
            });
    }
    double slowest = 0;
    long rows = 0;
    for (int i = 0; i < stations; ++i) {
        slowest = std::max(slowest, doneAt[static_cast<std::size_t>(i)]);
        rows += pushed[static_cast<std::size_t>(i)];
        if (!errors[static_cast<std::size_t>(i)].empty())
            fmt::print("  station {} saw: {}\n", i, errors[static_cast<std::size_t>(i)]);
    }
    const auto ev = *core::eventSchemaName(eventId) + ".";
    const auto serverScans = server->scalar("SELECT count(*) FROM " + ev + "scan");
    const auto serverMeetings = server->scalar("SELECT count(*) FROM " + ev + "meeting");
    const auto serverLeads = server->scalar("SELECT count(*) || ' lead visits, ' || coalesce(sum(scan_count), 0) || "
                                            "' lead scans' FROM " + ev + "lead");
    fmt::print("sync: {} stations x {} scans recorded offline ({:.1f} s to record), {} outbox entries\n", stations, scans,
               fillSeconds, queued);
    fmt::print("  reconnect to fully synced   {:.2f} s (fastest station {:.2f} s)\n", slowest,
               *std::min_element(doneAt.begin(), doneAt.end()));
    fmt::print("  throughput                  {:.0f} rows/s into the server ({} rows)\n", rows / slowest, rows);
    fmt::print("  server holds                {} scans, {} meetings, {}\n", serverScans, serverMeetings, serverLeads);

    // A new station joining: pulls the roster and every connection.
    auto fresh = core::Store::open(dir / "late.db");
    const auto pullStarted = std::chrono::steady_clock::now();
    core::SyncClient late(lateLogin);
    auto pulled = late.syncOnce((*fresh)->database());
    const double pullSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - pullStarted).count();
    if (pulled)
        fmt::print("  new station pulls           {} rows in {:.2f} s ({:.0f} rows/s)\n", pulled->pulledRows, pullSeconds,
                   pulled->pulledRows / pullSeconds);
    const bool complete = serverScans == std::to_string(static_cast<long>(stations) * scans);
    if (!complete)
        fmt::print("  MISMATCH: expected {} scans on the server\n", static_cast<long>(stations) * scans);
    return complete && pulled ? 0 : 1;
}
