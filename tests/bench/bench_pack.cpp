// Setting up a kiosk for an event of 100,000 people: `meetscan station add --out PACK` at the
// office and `meetscan init --join PACK` on the kiosk, beside what an organiser would otherwise
// do, copy the office database (sqlite3's .backup, and cp): the floor, since a copy checks
// nothing, keeps the signing secret and makes a second office with the same station id. Target:
// each step under 5 s for 100,000 people, which the release build shows with room to spare.
// Each tool runs RUNS times, alternating, and the median counts.
//
//   bench_pack [PEOPLE] [RUNS]        (default 100000 3)
#include "core/store/store.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"
#include "timed_command.hpp"

#include <fmt/core.h>

#include <filesystem>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using namespace meetscan::bench;

bool makeOffice(const fs::path& office, std::size_t people) {
    auto created = meetscan::test::runProcess({MEETSCAN_BINARY, "--db", office.string(), "init", "--event",
                                               "Bench Summit", "--station", "office"});
    if (created.exitCode != 0) {
        fmt::print("cannot create the office: {}\n", created.err);
        return false;
    }
    auto store = meetscan::core::Store::open(office);
    if (!store)
        return false;
    std::vector<meetscan::core::Exhibitor> exhibitors;
    for (int i = 0; i < 300; ++i)
        exhibitors.push_back({fmt::format("exhibitor-{}", i), fmt::format("Exhibitor {}", i), fmt::format("B{}", i),
                              {"demo", "pricing"}, {}});
    std::vector<meetscan::core::Attendee> roster(people);
    for (std::size_t i = 0; i < people; ++i) {
        auto& a = roster[i];
        a.badgeCode = fmt::format("{:032x}", i * 2654435761ULL);
        a.firstName = i % 3 == 0 ? "Zoë" : "Małgorzata";
        a.lastName = fmt::format("Person {}", i);
        a.company = fmt::format("Company {}", i % 977);
        a.title = "Engineer";
        a.email = fmt::format("person{}@example.org", i);
        a.phone = fmt::format("+49 30 {:07}", i);
        a.ticketType = "Conference";
        a.consentExhibitors = i % 7 != 0;
    }
    return (*store)->exhibitors().importAll(exhibitors) && (*store)->attendees().importAll(roster) &&
           meetscan::test::runProcess({MEETSCAN_BINARY, "--db", office.string(), "keys", "generate"}).exitCode == 0;
}

void printTimed(const char* label, const Timed& timed, const fs::path& file) {
    std::error_code error;
    const auto size = fs::file_size(file, error);
    fmt::print("{:<34}{:7.3f} s  cpu {:6.3f} s  peak {:>9}  file {:6.1f} MB\n", label, timed.seconds,
               timed.cpuSeconds, megabytes(timed.peakKb), error ? 0.0 : static_cast<double>(size) / 1e6);
}

bool failed(const Timed& timed, const char* what) {
    if (timed.result.exitCode == 0)
        return false;
    fmt::print("{} failed: {}\n", what, timed.result.err);
    return true;
}

} // namespace

int main(int argc, char** argv) {
    const std::size_t people = argc > 1 ? std::stoul(argv[1]) : 100000;
    const std::size_t runs = std::max<std::size_t>(1, argc > 2 ? std::stoul(argv[2]) : 3);
    meetscan::test::TempDir dir;
    const auto office = dir / "office.db";
    if (!makeOffice(office, people))
        return 1;
    fmt::print("office: {} people, 300 exhibitors, {:.1f} MB\n", people,
               static_cast<double>(fs::file_size(office)) / 1e6);

    const bool haveSqlite = fs::exists("/usr/bin/sqlite3");
    std::vector<Timed> packs, joins, backups, copies;
    for (std::size_t run = 0; run < runs; ++run) {
        const auto pack = dir / fmt::format("kiosk-{}.pack", run);
        const auto kiosk = dir / fmt::format("kiosk-{}.db", run);
        packs.push_back(timeCommand({MEETSCAN_BINARY, "--db", office.string(), "station", "add", "--name",
                                     fmt::format("kiosk {}", run), "--out", pack.string()}));
        if (failed(packs.back(), "station add"))
            return 1;
        joins.push_back(timeCommand({MEETSCAN_BINARY, "--db", kiosk.string(), "init", "--join", pack.string()}));
        if (failed(joins.back(), "init --join"))
            return 1;
        if (haveSqlite) {
            backups.push_back(timeCommand({"/usr/bin/sqlite3", office.string(),
                                           ".backup " + (dir / fmt::format("backup-{}.db", run)).string()}));
            if (failed(backups.back(), "sqlite3 .backup"))
                return 1;
        }
        copies.push_back(timeCommand({"/bin/cp", office.string(), (dir / fmt::format("copy-{}.db", run)).string()}));
        if (failed(copies.back(), "cp"))
            return 1;
    }
    fmt::print("median of {} runs:\n", runs);
    printTimed("meetscan station add --out PACK", median(packs), dir / "kiosk-0.pack");
    printTimed("meetscan init --join PACK", median(joins), dir / "kiosk-0.db");
    if (haveSqlite)
        printTimed("sqlite3 office.db .backup (copy)", median(backups), dir / "backup-0.db");
    else
        fmt::print("sqlite3 not installed: no .backup yardstick\n");
    printTimed("cp office.db (copy)", median(copies), dir / "copy-0.db");
    const double setUp = median(packs).seconds + median(joins).seconds;
    fmt::print("a kiosk set up from the office in {:.3f} s (target: each step under 5 s)\n", setUp);
    return median(packs).seconds < 5.0 && median(joins).seconds < 5.0 ? 0 : 1;
}
