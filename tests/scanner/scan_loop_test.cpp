// The scan loop: newest frame only, debounce, keyboard-wedge text, ending on finite sources, and
// real decoding end to end on generated badges.
#include "meetscan/scanner/scan_loop.hpp"
#include "meetscan/scanner/synthetic_badge.hpp"
#include "support/sanitizers.hpp"
#include "support/temp_dir.hpp"
#include "support/wait_until.hpp"
#include "test_images.hpp"

#include <atomic>
#include <gtest/gtest.h>
#include <set>
#include <thread>

namespace meetscan::scanner {
namespace {

using namespace std::chrono_literals;
using test::waitUntil;

// A source the test drives by hand: push() delivers a frame on the calling thread.
class ManualSource final : public FrameSource {
public:
    void start(FrameHandler onFrame, PreviewHandler) override { m_onFrame = std::move(onFrame); }
    void stop() override {}
    [[nodiscard]] SourceStatus status() const override { return m_status.load(); }
    [[nodiscard]] std::string lastProblem() const override { return {}; }
    [[nodiscard]] std::uint64_t framesProduced() const override { return m_sequence; }
    void push(GreyFrame frame) {
        frame.sequence = ++m_sequence;
        frame.capturedAt = std::chrono::steady_clock::now();
        m_onFrame(std::move(frame));
    }
    void end() { m_status = SourceStatus::Ended; }

private:
    FrameHandler m_onFrame;
    std::atomic<SourceStatus> m_status{SourceStatus::Running};
    std::uint64_t m_sequence = 0;
};

GreyFrame tiny() {
    return GreyFrame::fromPixels(std::vector<std::uint8_t>(16, 0), 4, 4);
}

DecodedCode fakeCode(const std::string& text, const GreyFrame& frame) {
    DecodedCode code;
    code.text = text;
    code.format = "QRCode";
    code.capturedAt = frame.capturedAt;
    code.decodedAt = std::chrono::steady_clock::now();
    return code;
}

TEST(ScanLoop, SlowDecoderDropsOldFramesInsteadOfQueueing) {
    auto source = std::make_unique<ManualSource>();
    auto* manual = source.get();
    std::mutex mutex;
    std::vector<std::uint64_t> decodedSequences;
    ScanLoopOptions options;
    options.decode = [&](const GreyFrame& frame, std::uint64_t) {
        std::this_thread::sleep_for(40ms);
        std::lock_guard lock(mutex);
        decodedSequences.push_back(frame.sequence);
        return std::vector<DecodedCode>{};
    };
    ScanLoop loop(std::move(source), options);
    loop.start();
    for (int i = 0; i < 100; ++i) {
        manual->push(tiny());
        std::this_thread::sleep_for(2ms);
    }
    manual->end();
    ASSERT_TRUE(waitUntil([&] { return loop.finished(); }, 3s));
    const auto counters = loop.counters();
    EXPECT_EQ(counters.framesSeen, 100U);
    EXPECT_EQ(counters.framesDecoded + counters.framesDropped, 100U);
    EXPECT_GE(counters.framesDropped, 60U);
    std::lock_guard lock(mutex);
    EXPECT_TRUE(std::is_sorted(decodedSequences.begin(), decodedSequences.end()));
    ASSERT_FALSE(decodedSequences.empty());
    EXPECT_EQ(decodedSequences.back(), 100U); // the newest frame is always the one decoded last
}

TEST(ScanLoop, SameBadgeWithinTheWindowIsOneScan) {
    auto source = std::make_unique<ManualSource>();
    auto* manual = source.get();
    std::atomic<bool> showBadge{true};
    ScanLoopOptions options;
    options.debounce = 300ms;
    options.decode = [&](const GreyFrame& frame, std::uint64_t) {
        return showBadge ? std::vector<DecodedCode>{fakeCode("BADGE-1", frame)} : std::vector<DecodedCode>{};
    };
    ScanLoop loop(std::move(source), options);
    loop.start();
    // Held up for ~0.6 s (longer than the window, but seen all along): one scan.
    std::vector<DecodedCode> results;
    for (int i = 0; i < 30; ++i) {
        manual->push(tiny());
        std::this_thread::sleep_for(20ms);
        for (auto& code : loop.takeResults())
            results.push_back(std::move(code));
    }
    ASSERT_TRUE(
        waitUntil([&] { return loop.counters().framesDecoded + loop.counters().framesDropped == 30; }, 2s));
    for (auto& code : loop.takeResults())
        results.push_back(std::move(code));
    EXPECT_EQ(results.size(), 1U);
    // Taken away for longer than the window, then shown again: a second scan.
    std::this_thread::sleep_for(400ms);
    manual->push(tiny());
    ASSERT_TRUE(waitUntil([&] { return loop.counters().scans == 2; }, 2s));
    const auto second = loop.takeResults();
    ASSERT_EQ(second.size(), 1U);
    EXPECT_EQ(second[0].text, "BADGE-1");
    EXPECT_TRUE(loop.takeResults().empty()); // taken means gone
    EXPECT_GE(loop.counters().codesFound, 2U);
}

TEST(ScanLoop, KeyboardWedgeTextJoinsTheQueue) {
    ScanLoop loop(std::make_unique<ManualSource>());
    loop.start();
    loop.inject("ATT-0042");
    loop.inject("ATT-0042"); // a scanner only types on its trigger: both count
    const auto results = loop.takeResults();
    ASSERT_EQ(results.size(), 2U);
    EXPECT_EQ(results[0].text, "ATT-0042");
    EXPECT_EQ(results[0].format, "Keyboard");
    EXPECT_EQ(std::string(results[0].bytes.begin(), results[0].bytes.end()), "ATT-0042");
}

TEST(ScanLoop, DecoderExceptionIsContained) {
    auto source = std::make_unique<ManualSource>();
    auto* manual = source.get();
    ScanLoopOptions options;
    options.decode = [](const GreyFrame&, std::uint64_t) -> std::vector<DecodedCode> {
        throw std::runtime_error("boom");
    };
    ScanLoop loop(std::move(source), options);
    loop.start();
    manual->push(tiny());
    manual->end();
    EXPECT_TRUE(waitUntil([&] { return loop.finished(); }, 2s));
    EXPECT_EQ(loop.counters().framesDecoded, 1U);
}

TEST(ScanLoop, StopIsIdempotentAndSafeBeforeStart) {
    ScanLoop unstarted(std::make_unique<ManualSource>());
    unstarted.stop();
    ScanLoop loop(std::make_unique<ManualSource>());
    loop.start();
    loop.start();
    loop.stop();
    loop.stop();
    EXPECT_FALSE(loop.takePreview().has_value());
}

TEST(ScanLoop, DirSourceReadsEveryBadgeThenFinishes) {
    test::TempDir dir;
    const std::vector<std::string> texts = {"ATT-1001", "ATT-1002", "ATT-1003"};
    for (std::size_t i = 0; i < texts.size(); ++i) {
        BadgeScene scene;
        scene.text = texts[i];
        scene.tiltX = 0.1;
        scene.noise = 8;
        test::writePng(dir / ("badge" + std::to_string(i) + ".png"), renderBadgeFrame(scene));
    }
    // 5 fps: slow enough that a frame missed by one strategy is retried with the next.
    auto source = openFrameSource("dir:" + dir.path().string() + "@5", {});
    ASSERT_TRUE(source.ok());
    ScanLoop loop(std::move(source.value()));
    loop.start();
    ASSERT_TRUE(waitUntil([&] { return loop.finished(); }, 5s));
    std::vector<std::string> read;
    for (const auto& code : loop.takeResults())
        read.push_back(code.text);
    EXPECT_EQ(read, texts);
    EXPECT_EQ(loop.status(), SourceStatus::Ended);
    EXPECT_TRUE(loop.takePreview().has_value());
    EXPECT_FALSE(loop.takePreview().has_value()); // only when a new one came
}

TEST(ScanLoop, SyntheticBadgesAreRecognisedEndToEnd) {
    SourceOptions sourceOptions;
    sourceOptions.syntheticTexts = {"MS1.first-badge", "MS1.second-badge"};
    sourceOptions.syntheticFps = 20;
    auto source = openFrameSource("synthetic", sourceOptions);
    ASSERT_TRUE(source.ok());
    ScanLoop loop(std::move(source.value()));
    loop.start();
    std::set<std::string> seen;
    std::chrono::steady_clock::duration worstLatency{};
    waitUntil(
        [&] {
            for (const auto& code : loop.takeResults()) {
                seen.insert(code.text);
                worstLatency = std::max(worstLatency, code.decodedAt - code.capturedAt);
            }
            return seen.size() == 2;
        },
        test::scaledForSanitizers(10s));
    loop.stop();
    EXPECT_EQ(seen, (std::set<std::string>{"MS1.first-badge", "MS1.second-badge"}));
    // The promise (DESIGN.md: confirmed well within 100 ms) is about the shipped build.
    EXPECT_LT(worstLatency, test::scaledForSanitizers(100ms));
    const auto outline = loop.lastOutline();
    ASSERT_TRUE(outline.has_value());
    EXPECT_EQ(outline->frameWidth, 1280);
    EXPECT_GT(outline->corners[2].x, outline->corners[0].x);
    EXPECT_GT(loop.counters().framesDecoded, 10U);
}

} // namespace
} // namespace meetscan::scanner
