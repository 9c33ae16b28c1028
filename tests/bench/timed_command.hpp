#pragma once
// Timing a command the way the benchmarks compare tools: wall and CPU seconds and peak memory
// from /usr/bin/time -v, and the median of alternating runs.
#include "support/run_process.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fmt/core.h>
#include <optional>
#include <string>
#include <vector>

namespace meetscan::bench {

using Clock = std::chrono::steady_clock;

inline double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Timed {
    double seconds = 0;
    double cpuSeconds = 0; // user + system, when /usr/bin/time reports them
    std::optional<long> peakKb;
    meetscan::test::ProcessResult result;
};

inline double reported(const std::string& err, const std::string& marker) {
    const auto at = err.find(marker);
    return at == std::string::npos ? 0.0 : std::atof(err.c_str() + at + marker.size());
}

// Runs a command, under /usr/bin/time -v when it is there for the peak memory.
inline Timed timeCommand(std::vector<std::string> argv) {
    const bool haveTime = std::filesystem::exists("/usr/bin/time");
    if (haveTime)
        argv.insert(argv.begin(), {"/usr/bin/time", "-v"});
    Timed timed;
    auto start = Clock::now();
    timed.result = meetscan::test::runProcess(argv);
    timed.seconds = secondsSince(start);
    if (haveTime) {
        const std::string marker = "Maximum resident set size (kbytes): ";
        if (auto at = timed.result.err.find(marker); at != std::string::npos)
            timed.peakKb = std::atol(timed.result.err.c_str() + at + marker.size());
        timed.cpuSeconds = reported(timed.result.err, "User time (seconds): ") +
                           reported(timed.result.err, "System time (seconds): ");
    }
    return timed;
}

inline std::string megabytes(std::optional<long> kb) {
    return kb ? fmt::format("{:.1f} MB", static_cast<double>(*kb) / 1024.0) : "n/a";
}

// The run whose wall time is the median (the lower middle one for an even count).
inline const Timed& median(std::vector<Timed>& runs) {
    std::sort(runs.begin(), runs.end(), [](const Timed& a, const Timed& b) { return a.seconds < b.seconds; });
    return runs[(runs.size() - 1) / 2];
}

} // namespace meetscan::bench
