// UI frame time (CPU time to build and submit a frame) while the kiosk scans a 1080p synthetic
// source, and the start-up time to the first frame. Runs the real kiosk under xvfb-run with its
// hidden --timings option. Targets: p99 < 8 ms, start-up < 1 s.
#include "core/demo/demo_event.hpp"
#include "core/store/store.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

int main() {
    using namespace meetscan;
    if (!std::filesystem::exists("/usr/bin/xvfb-run")) {
        fmt::print("bench_ui: skipped (xvfb-run is not installed)\n");
        return 0;
    }
    test::TempDir dir;
    std::string badges;
    {
        auto store = core::Store::open(dir / "bench.db");
        if (!store) {
            fmt::print(stderr, "bench_ui: {}\n", store.error().message);
            return 1;
        }
        auto demo = core::createDemoEvent(**store, core::DemoOptions{});
        if (!demo) {
            fmt::print(stderr, "bench_ui: {}\n", demo.error().message);
            return 1;
        }
        for (std::size_t i = 0; i < 12; ++i)
            badges += demo->badgeTexts[i] + "\n";
    }
    auto badgeFile = dir.write("badges.txt", badges);
    const int frames = 900;
    auto result = test::runProcess({"/usr/bin/xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", MEETSCAN_BINARY, "--db",
                                    (dir / "bench.db").string(), "kiosk", "--windowed", "--mute", "--source", "synthetic",
                                    "--badges", badgeFile.string(), "--synthetic-width", "1920", "--synthetic-height",
                                    "1080", "--timings", (dir / "timings.txt").string(), "--max-frames",
                                    std::to_string(frames)});
    if (result.exitCode != 0) {
        fmt::print(stderr, "bench_ui: kiosk failed: {}\n", result.err);
        return 1;
    }
    std::ifstream in(dir / "timings.txt");
    std::string label;
    double startup = 0.0;
    in >> label >> startup;
    std::vector<double> times;
    for (double ms = 0; in >> ms;)
        times.push_back(ms);
    if (times.empty()) {
        fmt::print(stderr, "bench_ui: no frame timings\n");
        return 1;
    }
    std::sort(times.begin(), times.end());
    auto at = [&](double q) { return times[std::min(times.size() - 1, static_cast<std::size_t>(q * static_cast<double>(times.size())))]; };
    auto scans = test::runMeetscan({"--db", (dir / "bench.db").string(), "stats", "--json"});
    fmt::print("bench_ui: {} frames, 1080p synthetic source, Xvfb + Mesa software GL\n", times.size());
    fmt::print("bench_ui: frame CPU time p50 {:.2f} ms, p99 {:.2f} ms, max {:.2f} ms (target p99 < 8 ms)\n", at(0.5),
               at(0.99), times.back());
    fmt::print("bench_ui: start-up to first frame {:.0f} ms (target < 1000 ms)\n", startup);
    fmt::print("bench_ui: stats after the run: {}", scans.out);
    return 0;
}
