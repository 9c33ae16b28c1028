// Exports after a big event: follow-up packets for 10,000 attendees with 50,000 connections
// (target: under 60 s on a 2-core machine), and one lead list of 5,000 leads as CSV and XLSX.
// Runs the real `meetscan` binary and prints, for each export, wall time, CPU time and that
// export's own peak memory (maxrss), with the machine's load beside them: the machine is shared.
#include "big_event.hpp"
#include "core/store/store.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <SQLiteCpp/Transaction.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fmt/core.h>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace meetscan;

namespace {

constexpr double kPacketTargetSeconds = 60.0;

struct Figures {
    double seconds = 0;
    double cpuSeconds = 0; // user + system of the export: less swayed by the neighbours than wall time
    long peakKb = 0;
    int exitCode = -1;
};

double secondsOf(const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
}

std::string loadAverage() {
    double load[3] = {};
    if (getloadavg(load, 3) != 3)
        return "unknown";
    return fmt::format("{:.2f} {:.2f} {:.2f}", load[0], load[1], load[2]);
}

// Runs one export from a child process of its own and reports back through a pipe: RUSAGE_CHILDREN
// keeps the largest child ever waited for, so only a fresh parent gives each export its own peak.
Figures measure(const std::vector<std::string>& args, const test::RunOptions& options) {
    int fds[2];
    if (pipe(fds) != 0)
        return {};
    const pid_t pid = fork();
    if (pid < 0)
        return {};
    if (pid == 0) {
        close(fds[0]);
        const auto start = std::chrono::steady_clock::now();
        const auto result = test::runMeetscan(args, options);
        Figures figures;
        figures.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        rusage usage{};
        getrusage(RUSAGE_CHILDREN, &usage);
        figures.cpuSeconds = secondsOf(usage.ru_utime) + secondsOf(usage.ru_stime);
        figures.peakKb = usage.ru_maxrss;
        figures.exitCode = result.exitCode;
        if (result.exitCode != 0)
            fmt::print(stderr, "{}", result.err);
        const bool sent = write(fds[1], &figures, sizeof figures) == static_cast<ssize_t>(sizeof figures);
        _exit(sent ? 0 : 1);
    }
    close(fds[1]);
    Figures figures;
    if (read(fds[0], &figures, sizeof figures) != static_cast<ssize_t>(sizeof figures))
        figures = {};
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    return figures;
}

std::uintmax_t bytesUnder(const std::filesystem::path& path) {
    std::uintmax_t total = 0;
    std::error_code error;
    if (std::filesystem::is_regular_file(path, error))
        return std::filesystem::file_size(path, error);
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path, error))
        if (entry.is_regular_file(error))
            total += entry.file_size(error);
    return total;
}

Figures timed(const char* label, const std::vector<std::string>& args, const std::filesystem::path& out,
              const test::RunOptions& options = {}) {
    const auto figures = measure(args, options);
    fmt::print("{:<40} {:8.2f} s   cpu {:8.2f} s   peak memory {:7.1f} MB   output {:8.1f} MB   exit {}   "
               "load {}\n",
               label, figures.seconds, figures.cpuSeconds, static_cast<double>(figures.peakKb) / 1024.0,
               static_cast<double>(bytesUnder(out)) / 1e6, figures.exitCode, loadAverage());
    std::fflush(stdout);
    return figures;
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
    if (!bench::buildBigEvent(db, attendees, connectionsEach, leads))
        return 1;
    const auto dbArg = db.string();
    fmt::print("{} cores; load average before the exports: {}\n", std::thread::hardware_concurrency(),
               loadAverage());
    int failures = 0;
    const auto csv = dir / "leads.csv";
    failures += timed("lead list, 5,000 leads, CSV",
                      {"--db", dbArg, "export", "leads", "--exhibitor", "bigco", "--format", "csv", "--out",
                       csv.string()},
                      csv)
                    .exitCode != 0;
    const auto xlsx = dir / "leads.xlsx";
    failures += timed("lead list, 5,000 leads, XLSX",
                      {"--db", dbArg, "export", "leads", "--exhibitor", "bigco", "--format", "xlsx", "--out",
                       xlsx.string()},
                      xlsx)
                    .exitCode != 0;
    if (compareFonts) {
        test::RunOptions systemFonts;
        systemFonts.env["MEETSCAN_PACKET_SYSTEM_FONTS"] = "1";
        const auto out = dir / "packets-system-fonts";
        failures += timed("packets, every attendee, system fonts",
                          {"--db", dbArg, "export", "packets", "--out", out.string()}, out, systemFonts)
                        .exitCode != 0;
    }
    const auto packets = dir / "packets";
    const auto figures = timed("packets, every attendee",
                               {"--db", dbArg, "export", "packets", "--out", packets.string()}, packets);
    failures += figures.exitCode != 0;
    // The export keeps every core busy, so its CPU time over the cores is what it takes on this
    // machine when nobody else uses it; the wall time above is what it took today.
    const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
    fmt::print("packets: {:.1f} s wall; cpu / cores {:.1f} s (the wall time with {} idle cores); target "
               "under {:.0f} s{}\n",
               figures.seconds, figures.cpuSeconds / cores, cores, kPacketTargetSeconds,
               attendees == 10'000
                   ? (figures.seconds < kPacketTargetSeconds ? ": met" : ": MISSED (see the load)")
                   : " (for 10,000 attendees)");
    return failures == 0 ? 0 : 1;
}
