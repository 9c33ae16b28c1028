// Recording scans: 10,000 badges through the kiosk's own rules (ScanSession), each written in
// its own durable transaction (WAL, synchronous=FULL), as on a show floor. Prints scans/s and
// the per-scan latency percentiles, which bound how soon the screen can say "saved".
#include "core/session/scan_session.hpp"
#include "support/temp_dir.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <numeric>

using namespace meetscan;

int main(int argc, char** argv) {
    const int scans = argc > 1 ? std::atoi(argv[1]) : 10'000;
    const int roster = 2'000;
    // The benchmark's database lives on the working disk (not tmpfs) so fsync costs what it costs.
    const char* dirEnv = std::getenv("MEETSCAN_BENCH_DIR");
    test::TempDir dir;
    const auto dbPath = (dirEnv != nullptr ? std::filesystem::path(dirEnv) : dir.path()) / "bench-store.db";
    std::filesystem::remove(dbPath);
    auto store = std::move(core::Store::open(dbPath)).value();
    std::vector<core::Attendee> people;
    for (int i = 0; i < roster; ++i) {
        core::Attendee a;
        a.badgeCode = fmt::format("BENCH-{:05d}", i);
        a.firstName = fmt::format("First{}", i);
        a.lastName = "Last";
        a.email = fmt::format("p{}@example.org", i);
        people.push_back(std::move(a));
    }
    if (!store->attendees().importAll(people)) {
        fmt::print(stderr, "roster import failed\n");
        return 1;
    }
    core::ScanSession session(*store);
    std::vector<double> latenciesMs;
    latenciesMs.reserve(static_cast<size_t>(scans));
    int saved = 0;
    const auto started = std::chrono::steady_clock::now();
    core::TimeMs now = core::nowMs();
    for (int i = 0; i < scans; ++i) {
        const auto text = fmt::format("BENCH-{:05d}", (i * 7919) % roster);
        const auto before = std::chrono::steady_clock::now();
        auto decision = session.onScan({text, "QRCode"}, now += 500);
        latenciesMs.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - before).count());
        saved += decision.saved ? 1 : 0;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::sort(latenciesMs.begin(), latenciesMs.end());
    auto percentile = [&](double p) { return latenciesMs[static_cast<size_t>(p * (latenciesMs.size() - 1))]; };
    fmt::print("record scans: {} scans, one durable transaction each (WAL, synchronous=FULL) on {}\n", scans,
               dbPath.parent_path().string());
    fmt::print("  saved            {} of {}\n", saved, scans);
    fmt::print("  throughput       {:.0f} scans/s\n", scans / seconds);
    fmt::print("  latency per scan p50 {:.2f} ms  p99 {:.2f} ms  max {:.2f} ms\n", percentile(0.50), percentile(0.99),
               latenciesMs.back());
    fmt::print("  meetings         {}\n", store->meetings().meetingCount());
    return saved == scans ? 0 : 1;
}
