// Importing a 100,000-row roster: `meetscan import roster` beside sqlite3's own `.import` of the
// same file in the same run (target: within 2x of it while validating everything), with peak
// memory, and in-process how the time splits between reading the CSV and the store's insert.
// The machine may be shared: each tool runs RUNS times, alternating, and the median pair counts;
// CPU seconds (user + system) are shown beside wall seconds since they suffer less from a busy
// machine (but hide the second thread's overlap, which only wall time shows).
// A second yardstick, sqlite3's .import into a WAL database with synchronous=FULL and an index on
// lower(email), shows what the kiosk's durability and its e-mail look-up cost before any checking.
// A third, sqlite3 making meetscan's own writes from the same file (the roster table in id order,
// its badge-code and e-mail indexes, the sync outbox, into a database meetscan created), shows
// what SQLite itself needs for this schema, without checking a row: the floor of the import.
//
//   bench_import [ROWS] [RUNS]        (default 100000 3)
#include "core/roster/roster_check.hpp"
#include "core/roster/roster_import.hpp"
#include "core/store/attendee_repository.hpp"
#include "core/store/store.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"
#include "timed_command.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fmt/core.h>
#include <fstream>
#include <optional>
#include <random>
#include <string>

namespace {

namespace fs = std::filesystem;
using meetscan::test::ProcessResult;
using namespace meetscan::bench;

// Quotes a field when it holds a delimiter, quote or line break, as spreadsheets do.
std::string csvField(const std::string& value) {
    if (value.find_first_of(",\"\r\n") == std::string::npos)
        return value;
    std::string quoted = "\"";
    for (char c : value) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

std::string generateRoster(std::size_t rows) {
    static const std::array<const char*, 16> kFirst{
        "Zoë",    "José",   "Aiko",  "Ólafur", "Amara",  "李",    "Анна",  "Mehmet",
        "Nguyễn", "Fatima", "Søren", "Priya",  "Jürgen", "Chloé", "Kwame", "Małgorzata"};
    static const std::array<const char*, 16> kLast{
        "Ångström", "García",   "Tanaka",      "Þórsson",
        "Okafor",   "小龍",     "Иванова",     "Yılmaz",
        "Văn An",   "Al-Sayed", "Kierkegaard", "Raman",
        "Müller",   "Lefèvre",  "Mensah",      "Brzęczyszczykiewicz"};
    static const std::array<const char*, 8> kCompany{
        "Nordic Widgets AB", "Acme, Inc.",       "Dragon \"Kung Fu\" Ltd", "Sakura KK",
        "Lagos Labs",        "Wisła sp. z o.o.", "Reykjavík Data, hf.",    "Samba Systems"};
    static const std::array<const char*, 6> kTitle{"Engineer",       "CTO",  "Head of \"Growth\"", "Student",
                                                   "Researcher, AI", "Sales"};
    static const std::array<const char*, 8> kCountry{"SE", "ES", "JP", "IS", "NG", "CN", "PL", "DE"};
    std::mt19937 random(42);
    std::string csv = "badge_code,first_name,last_name,company,title,email,phone,country,ticket_type,"
                      "consent_exhibitors\r\n";
    csv.reserve(rows * 160);
    for (std::size_t i = 0; i < rows; ++i) {
        const char* first = kFirst[random() % kFirst.size()];
        const char* last = kLast[random() % kLast.size()];
        csv += fmt::format("{:032x}", (static_cast<unsigned long long>(random()) << 32) ^ i * 2654435761ULL);
        csv += ',';
        csv += csvField(first);
        csv += ',';
        csv += csvField(last);
        csv += ',';
        csv += csvField(kCompany[random() % kCompany.size()]);
        csv += ',';
        csv += csvField(kTitle[random() % kTitle.size()]);
        csv += fmt::format(",person{}@example.org,+49 30 {:07},{},{},{}\r\n", i, random() % 10000000,
                           kCountry[random() % kCountry.size()], i % 10 == 0 ? "Speaker" : "Conference",
                           i % 7 == 0 ? "no" : "yes");
    }
    return csv;
}

// sqlite3 making the writes of a first `import roster` from the same file into a database meetscan
// created (so the schema, page size and pragmas are the kiosk's): the rows in id order (ids
// stand in for the hashes meetscan derives), the indexes built after them as the import does,
// every person queued in the sync outbox, one transaction through a rollback journal, the WAL
// back on afterwards (see BulkWriteJournal). Nothing is checked.
std::optional<Timed> sqliteSameWrites(const fs::path& db, const fs::path& file) {
    const ProcessResult created = meetscan::test::runProcess({MEETSCAN_BINARY, "--db", db.string(), "stats"});
    if (created.exitCode != 0) {
        fmt::print("cannot create {}: {}\n", db.string(), created.err);
        return std::nullopt;
    }
    Timed timed = timeCommand(
        {"/usr/bin/sqlite3", db.string(), "PRAGMA synchronous = FULL", "PRAGMA temp_store = MEMORY",
         "CREATE TEMP TABLE r (badge_code, first_name, last_name, company, title, email, phone, country, "
         "ticket_type, consent_exhibitors)",
         ".import --csv --skip 1 --schema temp " + file.string() + " r", "PRAGMA journal_mode = DELETE",
         "BEGIN IMMEDIATE", "DROP INDEX attendee_by_email", "DROP INDEX attendee_by_badge_code",
         "DROP TRIGGER attendee_outbox_insert",
         "INSERT INTO attendee (id, badge_code, first_name, last_name, company, title, email, phone, country, "
         "ticket_type, consent_exhibitors, updated_at) SELECT 'A' || substr(hex(randomblob(8)), 1, 16) AS id, "
         "badge_code, first_name, last_name, company, title, email, phone, country, ticket_type, "
         "consent_exhibitors = 'yes', 0 FROM r ORDER BY id",
         "CREATE UNIQUE INDEX attendee_by_badge_code ON attendee (badge_code)",
         "CREATE INDEX attendee_by_email ON attendee (lower(email)) WHERE email <> ''",
         "INSERT INTO sync_outbox (tbl, row_id) SELECT 'attendee', id FROM attendee ORDER BY id", "COMMIT",
         "PRAGMA journal_mode = WAL"});
    if (timed.result.exitCode != 0) {
        fmt::print("sqlite3 making meetscan's writes failed: {}\n", timed.result.err);
        return std::nullopt;
    }
    return timed;
}

void printTimed(const char* label, const Timed& timed, std::size_t rows) {
    fmt::print("{:<28}{:7.3f} s  {:9.0f} rows/s  cpu {:6.3f} s  peak {}\n", label, timed.seconds,
               static_cast<double>(rows) / timed.seconds, timed.cpuSeconds, megabytes(timed.peakKb));
}

} // namespace

int main(int argc, char** argv) {
    const std::size_t rows = argc > 1 ? std::stoul(argv[1]) : 100000;
    const std::size_t runs = std::max<std::size_t>(1, argc > 2 ? std::stoul(argv[2]) : 3);
    meetscan::test::TempDir dir;
    const std::string csv = generateRoster(rows);
    const fs::path file = dir.write("roster.csv", csv);
    fmt::print("roster: {} rows, {:.1f} MB\n", rows, static_cast<double>(csv.size()) / 1e6);

    // 1. sqlite3's own import of the same file (the yardstick), and 2. meetscan import roster into a
    //    fresh database, taken in turns so that both see the same load.
    const bool haveSqlite = fs::exists("/usr/bin/sqlite3");
    if (!haveSqlite)
        fmt::print("sqlite3 not installed: no yardstick\n");
    std::vector<Timed> sqliteRuns;
    std::vector<Timed> walRuns;
    std::vector<Timed> floorRuns;
    std::vector<Timed> meetscanRuns;
    std::optional<Timed> again;
    for (std::size_t run = 0; run < runs; ++run) {
        const std::string tag = std::to_string(run);
        if (haveSqlite) {
            Timed sqlite = timeCommand({"/usr/bin/sqlite3", (dir / ("plain" + tag + ".db")).string(), "-cmd",
                                        ".mode csv", ".import " + file.string() + " t"});
            if (sqlite.result.exitCode != 0) {
                fmt::print("sqlite3 .import failed: {}\n", sqlite.result.err);
                return 1;
            }
            printTimed("sqlite3 .import", sqlite, rows);
            sqliteRuns.push_back(std::move(sqlite));
            Timed wal = timeCommand({"/usr/bin/sqlite3", (dir / ("wal" + tag + ".db")).string(), "-cmd",
                                     "PRAGMA journal_mode = WAL", "-cmd", "PRAGMA synchronous = FULL", "-cmd",
                                     ".mode csv", ".import " + file.string() + " t",
                                     "CREATE INDEX t_by_email ON t (lower(email)) WHERE email <> ''"});
            if (wal.result.exitCode != 0) {
                fmt::print("sqlite3 .import (WAL) failed: {}\n", wal.result.err);
                return 1;
            }
            printTimed("sqlite3 .import WAL+email", wal, rows);
            walRuns.push_back(std::move(wal));
            std::optional<Timed> floor = sqliteSameWrites(dir / ("floor" + tag + ".db"), file);
            if (!floor)
                return 1;
            printTimed("sqlite3 meetscan's writes", *floor, rows);
            floorRuns.push_back(std::move(*floor));
        }
        const std::string db = (dir / ("event" + tag + ".db")).string();
        if (meetscan::test::runProcess({MEETSCAN_BINARY, "--db", db, "init", "--event", "Bench"}).exitCode != 0) {
            fmt::print("meetscan init failed\n");
            return 1;
        }
        Timed fresh = timeCommand({MEETSCAN_BINARY, "--db", db, "import", "roster", file.string()});
        if (fresh.result.exitCode != 0) {
            fmt::print("meetscan import failed ({}): {}\n", fresh.result.exitCode, fresh.result.err);
            return 1;
        }
        printTimed("meetscan import roster", fresh, rows);
        meetscanRuns.push_back(std::move(fresh));
        if (run + 1 == runs) // then again into the same database: every row unchanged
            again = timeCommand({MEETSCAN_BINARY, "--db", db, "import", "roster", file.string()});
    }
    printTimed("meetscan re-import (same)", *again, rows);
    const Timed& ours = median(meetscanRuns);
    if (!sqliteRuns.empty()) {
        const Timed& theirs = median(sqliteRuns);
        fmt::print("median of {}: meetscan {:.3f} s, sqlite3 {:.3f} s\n", runs, ours.seconds, theirs.seconds);
        fmt::print("ratio meetscan / sqlite3    {:7.2f}x  (target: within 2x; cpu time {:.2f}x)\n",
                   ours.seconds / theirs.seconds, theirs.cpuSeconds > 0 ? ours.cpuSeconds / theirs.cpuSeconds : 0.0);
        const Timed& wal = median(walRuns);
        fmt::print("  sqlite3 WAL+email / plain {:7.2f}x  (cpu time {:.2f}x)\n", wal.seconds / theirs.seconds,
                   theirs.cpuSeconds > 0 ? wal.cpuSeconds / theirs.cpuSeconds : 0.0);
        const Timed& floor = median(floorRuns);
        fmt::print("  sqlite3 meetscan's writes / plain {:7.2f}x  (cpu time {:.2f}x): the floor of the schema\n",
                   floor.seconds / theirs.seconds, theirs.cpuSeconds > 0 ? floor.cpuSeconds / theirs.cpuSeconds : 0.0);
        fmt::print("  meetscan / sqlite3 meetscan's writes {:7.2f}x  (cpu time {:.2f}x)\n", ours.seconds / floor.seconds,
                   floor.cpuSeconds > 0 ? ours.cpuSeconds / floor.cpuSeconds : 0.0);
    }

    // 3. In process: where the time goes, pass by pass, as `import roster` does it: a checking pass
    //    over the CSV, then a second pass, in id order, streamed into the store's transaction.
    const meetscan::core::RosterImportOptions options;
    const auto ignore = [](const meetscan::core::Attendee&) -> meetscan::Status { return meetscan::Done{}; };
    auto checkStart = Clock::now();
    auto checked = meetscan::core::checkRoster(csv, file.string(), options);
    const double checkSeconds = secondsSince(checkStart);
    if (!checked) {
        fmt::print("check failed: {}\n", checked.error().message);
        return 1;
    }
    auto store = meetscan::core::Store::open(dir / "split.db");
    if (!store) {
        fmt::print("cannot open a store: {}\n", store.error().message);
        return 1;
    }
    auto insertStart = Clock::now();
    auto counts = (*store)->attendees().importFeed(
        checked->rows, [&](const meetscan::core::AttendeeRepository::AttendeeWriter& write) -> meetscan::Status {
            auto written = meetscan::core::readRosterRows(csv, file.string(), options, checked->places, write);
            if (!written)
                return written.error();
            return meetscan::Done{};
        });
    const double insertSeconds = secondsSince(insertStart);
    if (!counts) {
        fmt::print("store import failed: {}\n", counts.error().message);
        return 1;
    }
    fmt::print("  pass 1: read + check CSV  {:7.3f} s  {:9.0f} rows/s\n", checkSeconds,
               static_cast<double>(rows) / checkSeconds);
    fmt::print("  pass 2: read + store      {:7.3f} s  {:9.0f} rows/s  (reading on a second thread)\n",
               insertSeconds, static_cast<double>(rows) / insertSeconds);

    // 4. The two halves of pass 2 alone: reading the rows again, and the store with every row
    //    already in memory (the floor of pass 2 for this schema, whatever the reading costs).
    auto rereadStart = Clock::now();
    auto reread = meetscan::core::readRosterRows(csv, file.string(), options, checked->places, ignore);
    const double rereadSeconds = secondsSince(rereadStart);
    auto parsed = meetscan::core::parseRoster(csv, file.string(), options);
    auto memoryStore = meetscan::core::Store::open(dir / "memory.db");
    if (!reread || !parsed || !memoryStore) {
        fmt::print("cannot set up the split of pass 2\n");
        return 1;
    }
    auto storeStart = Clock::now();
    auto stored = (*memoryStore)->attendees().importAll(parsed->attendees);
    const double storeSeconds = secondsSince(storeStart);
    if (!stored) {
        fmt::print("store import failed: {}\n", stored.error().message);
        return 1;
    }
    fmt::print("    read again alone        {:7.3f} s  {:9.0f} rows/s\n", rereadSeconds,
               static_cast<double>(rows) / rereadSeconds);
    fmt::print("    store alone (in memory) {:7.3f} s  {:9.0f} rows/s\n", storeSeconds,
               static_cast<double>(rows) / storeSeconds);
    return 0;
}
