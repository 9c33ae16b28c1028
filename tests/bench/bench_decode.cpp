// bench_decode: the decoder's figures in one run.
//  1. On the shared QR photo corpus: `meetscan decode` vs Debian's ZXingReader and zbarimg —
//     codes read correctly and seconds (one process per image, and one batch run where possible).
//  2. Per-frame decode time p50/p99 at 720p and 1080p, with and without a badge in view.
//  3. Frame-to-decision latency p50/p99 through the real ScanLoop fed at 30 fps.
//  4. Resident memory before and after a sustained scan loop run.
#include "bench_decode_tools.hpp"
#include "meetscan/scanner/decoder.hpp"
#include "meetscan/scanner/scan_loop.hpp"
#include "meetscan/scanner/synthetic_badge.hpp"

#include <fmt/core.h>
#include <thread>

using namespace meetscan;
using namespace meetscan::scanner;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

const std::string kBadge = "MS1.eyJ2IjoxLCJhIjoiMDFIWlg3UDNRNEc4WTJNNUs5VjZSMUUwVFciLCJlIjoiZXZ0In0."
                           "kR2v8mQ4T0b1nZ7yX3wP6sL9dH5fJ2cA8eG1uV4iO7kM0qN3rS6tY9z";

std::vector<GreyFrame> renderScenes(int width, int height, bool badge, int count) {
    std::vector<GreyFrame> frames;
    for (int i = 0; i < count; ++i) {
        BadgeScene scene;
        scene.width = width;
        scene.height = height;
        scene.text = badge ? kBadge : "";
        scene.seed = static_cast<std::uint32_t>(i + 1);
        scene.centerX = 0.35 + 0.3 * (i % 7) / 6.0;
        scene.tiltX = 0.05 * (i % 5 - 2);
        scene.rotationDeg = 4.0 * (i % 9 - 4);
        scene.blurRadius = i % 4 == 0 ? 1 : 0;
        scene.noise = 8;
        scene.cardHeight = 0.5 + 0.02 * (i % 6);
        frames.push_back(renderBadgeFrame(scene));
    }
    return frames;
}

void benchFrames() {
    fmt::print("\n== Per-frame decode time (one core, rotating strategies) ==\n");
    fmt::print("{:<8} {:<10} {:>8} {:>8} {:>8} {:>10}\n", "size", "view", "p50 ms", "p99 ms", "max ms",
               "read");
    const Decoder decoder;
    for (const auto& [width, height] : {std::pair{1280, 720}, std::pair{1920, 1080}}) {
        for (const bool badge : {false, true}) {
            const auto frames = renderScenes(width, height, badge, 40);
            std::vector<double> ms;
            int read = 0;
            for (std::uint64_t i = 0; i < 400; ++i) {
                const auto& frame = frames[i % frames.size()];
                const auto started = Clock::now();
                const auto codes = decoder.decodeAll(frame, i);
                ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - started).count());
                read += codes.empty() ? 0 : 1;
            }
            fmt::print("{:<8} {:<10} {:>8.2f} {:>8.2f} {:>8.2f} {:>6}/{}\n", fmt::format("{}p", height),
                       badge ? "badge" : "no badge", bench::percentile(ms, 50), bench::percentile(ms, 99),
                       bench::percentile(ms, 100), read, ms.size());
        }
    }
}

// A camera stand-in: replays pre-rendered frames at a fixed rate on its own thread, so the
// figures measure the scan loop and not the renderer.
class ReplaySource final : public FrameSource {
public:
    ReplaySource(std::vector<GreyFrame> frames, double fps) : m_frames(std::move(frames)), m_fps(fps) {}
    ~ReplaySource() override { stop(); }
    void start(FrameHandler onFrame, PreviewHandler) override {
        m_thread = std::jthread([this, onFrame = std::move(onFrame)](std::stop_token stop) {
            const auto period =
                std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / m_fps));
            auto next = Clock::now();
            for (std::uint64_t i = 0; !stop.stop_requested(); ++i) {
                GreyFrame frame = m_frames[i % m_frames.size()];
                frame.capturedAt = Clock::now();
                frame.sequence = i + 1;
                onFrame(std::move(frame));
                m_produced = i + 1;
                next += period;
                std::this_thread::sleep_until(next);
            }
        });
    }
    void stop() override {
        if (m_thread.joinable()) {
            m_thread.request_stop();
            m_thread.join();
        }
    }
    [[nodiscard]] SourceStatus status() const override { return SourceStatus::Running; }
    [[nodiscard]] std::string lastProblem() const override { return {}; }
    [[nodiscard]] std::uint64_t framesProduced() const override { return m_produced; }

private:
    std::vector<GreyFrame> m_frames;
    double m_fps;
    std::atomic<std::uint64_t> m_produced{0};
    std::jthread m_thread;
};

struct LoopRun {
    std::vector<double> latencyMs;
    ScanCounters counters;
};

// Runs the real ScanLoop for `seconds`, draining like the UI thread does (every ~16 ms here, as
// a 60 Hz UI would; the latency counts until the result is in the UI's hands).
LoopRun runLoop(int width, int height, double seconds) {
    auto frames = renderScenes(width, height, true, 30);
    auto empty = renderScenes(width, height, false, 10);
    frames.insert(frames.end(), empty.begin(), empty.end());
    ScanLoopOptions options;
    options.debounce = 0ms; // every decoded frame is a result, so every frame gives a latency sample
    ScanLoop loop(std::make_unique<ReplaySource>(std::move(frames), 30.0), options);
    LoopRun run;
    loop.start();
    const auto until =
        Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    while (Clock::now() < until) {
        std::this_thread::sleep_for(1ms);
        const auto now = Clock::now();
        for (const auto& code : loop.takeResults())
            run.latencyMs.push_back(std::chrono::duration<double, std::milli>(now - code.capturedAt).count());
    }
    loop.stop();
    run.counters = loop.counters();
    return run;
}

void benchLatency() {
    fmt::print("\n== Frame-to-decision latency through ScanLoop (30 fps replay, 1 ms drain) ==\n");
    for (const auto& [width, height] : {std::pair{1280, 720}, std::pair{1920, 1080}}) {
        const auto run = runLoop(width, height, 8.0);
        fmt::print(
            "{}p: p50 {:.1f} ms, p99 {:.1f} ms over {} decisions; frames seen {}, decoded {}, dropped {}\n",
            height, bench::percentile(run.latencyMs, 50), bench::percentile(run.latencyMs, 99),
            run.latencyMs.size(), run.counters.framesSeen, run.counters.framesDecoded,
            run.counters.framesDropped);
    }
}

void benchMemory() {
    fmt::print("\n== Memory over a sustained 1080p scan loop ==\n");
    runLoop(1920, 1080, 2.0); // warm up allocators and ZXing's caches
    const long before = bench::residentKiB();
    const auto run = runLoop(1920, 1080, 25.0);
    const long after = bench::residentKiB();
    fmt::print("RSS before {} KiB, after {} KiB ({:+} KiB) across {} decoded frames\n", before, after,
               after - before, run.counters.framesDecoded);
}

} // namespace

int main() {
    const auto started = Clock::now();
    bench::benchCorpus();
    benchFrames();
    benchLatency();
    benchMemory();
    fmt::print("\nbench_decode took {:.1f} s\n",
               std::chrono::duration<double>(Clock::now() - started).count());
    return 0;
}
