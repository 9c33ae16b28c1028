// UI frame time while the kiosk scans a 1080p synthetic source, and the start-up time to the
// first frame. Runs the real kiosk under xvfb-run with its hidden --timings option.
//
// "Frame CPU time" is the UI thread's own CPU time (CLOCK_THREAD_CPUTIME_ID) from the start of
// a frame (event polling) until its GL commands are submitted (after ImGui's draw calls): input,
// draining the scan and decision queues, text and preview texture uploads, building the ImGui
// frame and ImGui::Render + GL submission. The buffer swap is shown apart (its wait for vsync
// and for Mesa's rasteriser threads is not the UI thread's work). Targets: p99 < 8 ms,
// start-up < 1 s.
#include "core/demo/demo_event.hpp"
#include "core/store/store.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <sstream>
#include <vector>

namespace {

constexpr std::array<const char*, 10> kColumns = {"frame_cpu", "input", "text_upload", "drain", "preview",
                                                  "build", "render", "swap_cpu", "swap_wall", "presented"};

double percentile(std::vector<double> values, double q) {
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, static_cast<std::size_t>(q * static_cast<double>(values.size())))];
}

} // namespace

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
    std::string header;
    std::getline(in, header); // rest of the first line
    std::getline(in, header);
    std::vector<std::array<double, kColumns.size()>> rows;
    for (std::string line; std::getline(in, line);) {
        std::istringstream fields(line);
        std::array<double, kColumns.size()> row{};
        for (double& value : row)
            fields >> value;
        if (fields)
            rows.push_back(row);
    }
    if (rows.empty()) {
        fmt::print(stderr, "bench_ui: no frame timings\n");
        return 1;
    }
    auto column = [&](std::size_t index) {
        std::vector<double> values;
        for (const auto& row : rows)
            values.push_back(row[index]);
        return values;
    };
    const auto frameCpu = column(0);
    const auto held = static_cast<int>(std::count_if(rows.begin(), rows.end(), [](const auto& row) { return row[9] == 0.0; }));
    auto scans = test::runMeetscan({"--db", (dir / "bench.db").string(), "stats", "--json"});
    fmt::print("bench_ui: {} frames ({} held back while text rendered), 1080p synthetic source, Xvfb + Mesa software GL\n",
               rows.size(), held);
    fmt::print("bench_ui: frame CPU time (UI thread, CLOCK_THREAD_CPUTIME_ID, frame start to GL submit) "
               "p50 {:.2f} ms, p99 {:.2f} ms, max {:.2f} ms (target p99 < 8 ms)\n",
               percentile(frameCpu, 0.5), percentile(frameCpu, 0.99), *std::max_element(frameCpu.begin(), frameCpu.end()));
    fmt::print("bench_ui: per phase, ms         p50     p99     max\n");
    for (std::size_t i = 1; i < kColumns.size() - 1; ++i) {
        const auto values = column(i);
        fmt::print("bench_ui:   {:<12} {:>12.2f} {:>7.2f} {:>7.2f}{}\n", kColumns[i], percentile(values, 0.5),
                   percentile(values, 0.99), *std::max_element(values.begin(), values.end()),
                   i >= 7 ? "  (not in frame CPU time)" : "");
    }
    // The slowest frames, phase by phase: where a spike comes from.
    std::vector<std::size_t> order(rows.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rows[a][0] > rows[b][0]; });
    fmt::print("bench_ui: slowest frames:");
    for (std::size_t i = 0; i < std::min<std::size_t>(5, order.size()); ++i) {
        const auto& row = rows[order[i]];
        fmt::print(" [#{} {:.1f} ms:", order[i], row[0]);
        for (std::size_t c = 1; c < 7; ++c)
            if (row[c] >= 0.5)
                fmt::print(" {} {:.1f}", kColumns[c], row[c]);
        fmt::print("]");
    }
    fmt::print("\n");
    fmt::print("bench_ui: start-up to first frame {:.0f} ms (target < 1000 ms)\n", startup);
    fmt::print("bench_ui: stats after the run: {}", scans.out);
    return 0;
}
