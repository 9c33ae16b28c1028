// Exports after a big event: follow-up packets for 10,000 attendees with 50,000 connections
// (target: under 60 s on a 2-core machine), and one lead list of 5,000 leads as CSV and XLSX.
// Runs the real `meetscan` binary and prints wall time and the child's peak memory (maxrss).
#include "core/store/store.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <SQLiteCpp/Transaction.h>
#include <fmt/core.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdlib>
#include <string>

using namespace meetscan;

namespace {

long childPeakKb() {
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return usage.ru_maxrss;
}

// CPU seconds (user + system) of all children so far: on a shared machine the wall time says
// as much about the neighbours as about us, the CPU time less so.
double childCpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

int timed(const char* label, const std::vector<std::string>& args, const test::RunOptions& options = {}) {
    const auto start = std::chrono::steady_clock::now();
    const double cpuBefore = childCpuSeconds();
    const auto result = test::runMeetscan(args, options);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    fmt::print("{:<42} {:8.2f} s   cpu {:8.2f} s   peak memory (largest child so far) {:7.1f} MB   exit {}\n", label,
               seconds, childCpuSeconds() - cpuBefore, static_cast<double>(childPeakKb()) / 1024.0, result.exitCode);
    if (result.exitCode != 0)
        fmt::print(stderr, "{}", result.err);
    return result.exitCode;
}

} // namespace

// bench_export [ATTENDEES] [--compare-fonts]: --compare-fonts also times the packets with the
// system fonts as they are (no font cuts, packet_fonts.hpp), the figure before the cuts.
int main(int argc, char** argv) {
    const int attendees = argc > 1 ? std::atoi(argv[1]) : 10'000;
    const bool compareFonts = argc > 2 && std::string(argv[2]) == "--compare-fonts";
    const int connectionsEach = 5; // pairs (i, i+1..i+5): 50,000 connections for 10,000 people
    const int leads = std::min(5'000, attendees);
    test::TempDir dir;
    const auto db = dir / "bench-export.db";
    {
        auto store = std::move(core::Store::open(db)).value();
        std::vector<core::Attendee> people;
        const char* firsts[] = {"Ana", "Борис", "小明", "Ελένη", "Priya", "Jean-Luc"};
        for (int i = 0; i < attendees; ++i) {
            core::Attendee a;
            a.badgeCode = fmt::format("EXPORT-{:06d}", i);
            a.id = core::attendeeIdForCode(a.badgeCode);
            a.firstName = firsts[i % 6];
            a.lastName = fmt::format("Person{}", i);
            a.company = fmt::format("Company {}", i % 300);
            a.title = "Engineer";
            a.email = fmt::format("p{}@example.org", i);
            a.phone = fmt::format("+351 21 000 {:04d}", i % 10000);
            people.push_back(std::move(a));
        }
        if (!store->attendees().importAll(people)) {
            fmt::print(stderr, "roster import failed\n");
            return 1;
        }
        core::Exhibitor bigco;
        bigco.id = "bigco";
        bigco.name = "BigCo";
        bigco.questions = {{"budget", "Budget?", {}}, {"when", "Timeline?", {}}};
        (void)store->exhibitors().importAll({bigco});
        const auto station = store->events().station().id;
        // Meetings at two lounges, so every packet says at which station (packet_places.hpp).
        const core::Station hall{core::newUlid(), "Hall B lounge", core::Mode::Meet, ""};
        (void)store->events().saveStation(hall);
        const core::TimeMs t0 = 1795000000000;
        SQLite::Transaction transaction(store->database());
        for (int i = 0; i < attendees; ++i)
            for (int k = 1; k <= connectionsEach; ++k) {
                const auto at = t0 + i * 1000 + k;
                store->meetings().add({core::newUlid(at), k % 2 == 0 ? hall.id : station, at, people[static_cast<size_t>(i)].id,
                                       people[static_cast<size_t>((i + k) % attendees)].id, "", ""});
            }
        for (int i = 0; i < leads; ++i) {
            auto lead = store->leads().touch("bigco", people[static_cast<size_t>(i)].id, "", station, t0 + i).lead;
            lead.rating = i % 3 == 0 ? "hot" : "warm";
            lead.tags = {"demo", "pricing"};
            lead.answers = {{"budget", "50k"}, {"when", "Q2"}};
            lead.note = "Talked about the roadmap, wants a call";
            store->leads().saveEdits(lead, station, t0 + i + 500);
        }
        transaction.commit();
        fmt::print("{} attendees, {} connections, {} leads\n", attendees, store->meetings().connectionCount(),
                   store->leads().count());
    }
    const auto dbArg = db.string();
    int failures = 0;
    failures += timed("lead list, 5,000 leads, CSV", {"--db", dbArg, "export", "leads", "--exhibitor", "bigco",
                                                     "--format", "csv", "--out", (dir / "leads.csv").string()});
    failures += timed("lead list, 5,000 leads, XLSX", {"--db", dbArg, "export", "leads", "--exhibitor", "bigco",
                                                      "--format", "xlsx", "--out", (dir / "leads.xlsx").string()});
    if (compareFonts) {
        test::RunOptions systemFonts;
        systemFonts.env["MEETSCAN_PACKET_SYSTEM_FONTS"] = "1";
        failures += timed("packets, every attendee, system fonts",
                          {"--db", dbArg, "export", "packets", "--out", (dir / "packets-system-fonts").string()},
                          systemFonts);
    }
    failures += timed("packets, every attendee", {"--db", dbArg, "export", "packets", "--out", (dir / "packets").string()});
    return failures == 0 ? 0 : 1;
}
