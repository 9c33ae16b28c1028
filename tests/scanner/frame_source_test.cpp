// Real sources: folders, still images, video files and GStreamer pipelines that end or fail the
// way an unplugged camera does.
#include "meetscan/scanner/frame_source.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"
#include "support/wait_until.hpp"
#include "test_images.hpp"

#include <chrono>
#include <filesystem>
#include <gtest/gtest.h>
#include <mutex>
#include <thread>

namespace meetscan::scanner {
namespace {

using namespace std::chrono_literals;
using test::waitUntil;

// Collects what a source delivers, from whichever thread delivers it.
struct Collector {
    std::mutex mutex;
    std::vector<GreyFrame> frames;
    std::vector<PreviewFrame> previews;
    FrameSource::FrameHandler frameHandler() {
        return [this](GreyFrame&& frame) {
            std::lock_guard lock(mutex);
            frames.push_back(std::move(frame));
        };
    }
    FrameSource::PreviewHandler previewHandler() {
        return [this](PreviewFrame&& preview) {
            std::lock_guard lock(mutex);
            previews.push_back(std::move(preview));
        };
    }
    std::size_t count() {
        std::lock_guard lock(mutex);
        return frames.size();
    }
};

int threadCount() {
    int count = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/task"))
        ++count;
    return count;
}

GreyFrame flat(int width, int height, std::uint8_t value) {
    return GreyFrame::fromPixels(std::vector<std::uint8_t>(static_cast<std::size_t>(width * height), value),
                                 width, height);
}

TEST(FrameSource, BadSpecsAreBadInput) {
    test::TempDir dir;
    dir.write("x.png", "x");
    for (const std::string& spec : std::vector<std::string>{
             "", "bogus", "camera:video0", "file:", "file:/no/such/file.mp4", "dir:", "dir:/no/such/folder",
             "dir:" + dir.path().string() + "@0", "dir:" + (dir / "x.png").string(),
             "pipeline:", "pipeline:   ", "pipeline:nosuchelement_xyz ! fakesink"}) {
        SCOPED_TRACE(spec);
        auto source = openFrameSource(spec, {});
        ASSERT_FALSE(source.ok());
        EXPECT_EQ(source.error().kind, Error::Kind::BadInput);
        EXPECT_FALSE(source.error().message.empty());
    }
    test::TempDir empty;
    EXPECT_FALSE(openFrameSource("dir:" + empty.path().string(), {}).ok()); // no images
}

TEST(FrameSource, DirPlaysEveryImageInNameOrderThenEnds) {
    test::TempDir dir;
    // Widths tell the frames apart; the text file and the broken image are skipped.
    test::writePng(dir / "03.png", flat(130, 20, 30));
    test::writePng(dir / "01.png", flat(110, 20, 10));
    test::writePng(dir / "02.png", flat(120, 20, 20));
    dir.write("02b.png", "broken");
    dir.write("readme.txt", "not an image");
    auto source = openFrameSource("dir:" + dir.path().string() + "@25", {});
    ASSERT_TRUE(source.ok()) << source.error().message;
    Collector collected;
    (*source)->start(collected.frameHandler(), collected.previewHandler());
    ASSERT_TRUE(waitUntil([&] { return (*source)->status() == SourceStatus::Ended; }, 5s));
    (*source)->stop();
    ASSERT_EQ(collected.frames.size(), 3U);
    EXPECT_EQ(collected.frames[0].width, 110);
    EXPECT_EQ(collected.frames[1].width, 120);
    EXPECT_EQ(collected.frames[2].width, 130);
    EXPECT_EQ(collected.frames[2].sequence, 3U);
    EXPECT_LT(collected.frames[0].capturedAt, collected.frames[2].capturedAt);
    EXPECT_NE((*source)->lastProblem().find("02b.png"), std::string::npos);
    ASSERT_EQ(collected.previews.size(), 3U);
    EXPECT_EQ(collected.previews[0].rgba->size(),
              static_cast<std::size_t>(collected.previews[0].width * collected.previews[0].height * 4));
}

TEST(FrameSource, StillImageFileIsOneFrame) {
    test::TempDir dir;
    test::writePng(dir / "still.png", flat(64, 48, 99));
    auto source = openFrameSource("file:" + (dir / "still.png").string(), {});
    ASSERT_TRUE(source.ok());
    Collector collected;
    (*source)->start(collected.frameHandler(), {});
    ASSERT_TRUE(waitUntil([&] { return (*source)->status() == SourceStatus::Ended; }, 5s));
    EXPECT_EQ(collected.count(), 1U);
}

TEST(FrameSource, VideoFilePlaysThroughGStreamerAndEnds) {
    if (!test::hasGstElement("jpegenc") || !test::hasGstElement("avimux"))
        GTEST_SKIP() << "no jpegenc/avimux to make a test video";
    test::TempDir dir;
    const auto video = dir / "clip.avi";
    const auto made = test::runProcess({"gst-launch-1.0", "-q", "videotestsrc", "num-buffers=15", "!",
                                        "video/x-raw,width=320,height=240,framerate=30/1", "!", "jpegenc",
                                        "!", "avimux", "!", "filesink", "location=" + video.string()});
    ASSERT_EQ(made.exitCode, 0) << made.err;
    auto source = openFrameSource("file:" + video.string(), {});
    ASSERT_TRUE(source.ok()) << source.error().message;
    Collector collected;
    (*source)->start(collected.frameHandler(), collected.previewHandler());
    ASSERT_TRUE(waitUntil([&] { return (*source)->status() == SourceStatus::Ended; }, 10s))
        << (*source)->lastProblem();
    (*source)->stop();
    ASSERT_GE(collected.frames.size(), 10U); // played in real time, so nearly every frame is seen
    const auto& frame = collected.frames.front();
    EXPECT_EQ(frame.width, 320);
    EXPECT_EQ(frame.height, 240);
    EXPECT_GE(frame.stride, 320);
    ASSERT_FALSE(collected.previews.empty());
    EXPECT_LE(collected.previews.front().width, PreviewFrame::kMaxWidth);
    EXPECT_EQ(
        collected.previews.front().rgba->size(),
        static_cast<std::size_t>(collected.previews.front().width * collected.previews.front().height * 4));
}

TEST(FrameSource, PipelineThatStopsMidStreamReconnectsAndResumes) {
    SourceOptions options;
    options.retryInitialSeconds = 0.05;
    options.preview = false;
    auto source = openFrameSource(
        "pipeline:videotestsrc num-buffers=5 ! video/x-raw,width=160,height=120,framerate=50/1", options);
    ASSERT_TRUE(source.ok()) << source.error().message;
    Collector collected;
    (*source)->start(collected.frameHandler(), {});
    ASSERT_TRUE(waitUntil([&] { return (*source)->status() == SourceStatus::Running; }, 5s));
    ASSERT_TRUE(waitUntil([&] { return (*source)->status() == SourceStatus::Reconnecting; }, 5s));
    EXPECT_NE((*source)->lastProblem(), "");
    // Back by itself: the second run's frames arrive.
    ASSERT_TRUE(waitUntil([&] { return collected.count() > 5; }, 5s));
    (*source)->stop();
    EXPECT_EQ(collected.frames.front().width, 160);
}

TEST(FrameSource, PipelineThatFailsIsReconnectingNotACrash) {
    SourceOptions options;
    options.retryInitialSeconds = 0.05;
    auto source = openFrameSource("pipeline:filesrc location=/no/such/video.avi ! decodebin", options);
    ASSERT_TRUE(source.ok()) << source.error().message;
    Collector collected;
    (*source)->start(collected.frameHandler(), collected.previewHandler());
    ASSERT_TRUE(waitUntil([&] { return (*source)->status() == SourceStatus::Reconnecting; }, 5s));
    EXPECT_NE((*source)->lastProblem(), "");
    std::this_thread::sleep_for(300ms); // a few retries
    const auto stopStarted = std::chrono::steady_clock::now();
    (*source)->stop();
    EXPECT_LT(std::chrono::steady_clock::now() - stopStarted, 2s);
    EXPECT_EQ(collected.count(), 0U);
}

TEST(FrameSource, SilentPipelineCountsAsLost) {
    SourceOptions options;
    options.stallSeconds = 0.3;
    options.retryInitialSeconds = 0.05;
    options.preview = false;
    // Frames stop after one: the source stays open but nothing more arrives, like a frozen camera.
    auto source =
        openFrameSource("pipeline:videotestsrc ! video/x-raw,width=160,height=120,framerate=1/10", options);
    ASSERT_TRUE(source.ok()) << source.error().message;
    Collector collected;
    (*source)->start(collected.frameHandler(), {});
    ASSERT_TRUE(waitUntil([&] { return collected.count() >= 1; }, 5s));
    ASSERT_TRUE(waitUntil([&] { return (*source)->status() == SourceStatus::Reconnecting; }, 5s));
    EXPECT_NE((*source)->lastProblem().find("no frame"), std::string::npos) << (*source)->lastProblem();
    (*source)->stop();
}

TEST(FrameSource, RepeatedStartStopLeaksNoThreads) {
    auto cycle = [] {
        SourceOptions options;
        options.retryInitialSeconds = 0.02;
        auto source = openFrameSource(
            "pipeline:videotestsrc num-buffers=3 ! video/x-raw,width=64,height=48,framerate=100/1", options);
        ASSERT_TRUE(source.ok());
        Collector collected;
        (*source)->start(collected.frameHandler(), collected.previewHandler());
        std::this_thread::sleep_for(200ms);
        (*source)->stop();
    };
    cycle(); // GStreamer keeps a few pool threads after first use
    std::this_thread::sleep_for(100ms);
    const int before = threadCount();
    for (int i = 0; i < 4; ++i)
        cycle();
    std::this_thread::sleep_for(100ms);
    EXPECT_LE(threadCount(), before + 2);
}

TEST(FrameSource, CameraWithoutDeviceSaysNoCamera) {
    if (std::filesystem::exists("/dev/video0"))
        GTEST_SKIP() << "a camera is present";
    SourceOptions options;
    options.retryInitialSeconds = 0.05;
    for (const char* spec : {"camera", "camera:/dev/video7"}) {
        auto source = openFrameSource(spec, options);
        ASSERT_TRUE(source.ok()) << source.error().message;
        (*source)->start({}, {});
        EXPECT_TRUE(waitUntil([&] { return (*source)->status() == SourceStatus::NoCamera; }, 3s)) << spec;
        (*source)->stop();
    }
}

TEST(FrameSource, SyntheticMakesFramesOfTheAskedSize) {
    SourceOptions options;
    options.syntheticTexts = {"A"};
    options.syntheticWidth = 640;
    options.syntheticHeight = 360;
    options.syntheticFps = 30;
    auto source = openFrameSource("synthetic", options);
    ASSERT_TRUE(source.ok());
    Collector collected;
    (*source)->start(collected.frameHandler(), collected.previewHandler());
    ASSERT_TRUE(waitUntil([&] { return collected.count() >= 5; }, 5s));
    EXPECT_EQ((*source)->status(), SourceStatus::Running);
    (*source)->stop();
    EXPECT_EQ(collected.frames.front().width, 640);
    EXPECT_EQ(collected.frames.front().height, 360);
    EXPECT_FALSE(collected.previews.empty());
}

} // namespace
} // namespace meetscan::scanner
