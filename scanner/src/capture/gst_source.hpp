#pragma once
// Camera, video file and free-form pipeline sources: one GStreamer pipeline ending in an appsink
// for grey frames (and one for the preview), watched by a supervisor thread that rebuilds the
// pipeline with back-off when it fails or goes silent.
#include "meetscan/scanner/frame_source.hpp"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>

namespace meetscan::scanner {

enum class GstSourceKind {
    Camera,   // v4l2src; the device is looked up again on every reconnect
    File,     // filesrc ! decodebin; ends at end of stream
    Pipeline, // user's gst-launch text; end of stream or error counts as a lost camera
};

class GstFrameSource final : public FrameSource {
public:
    // `target`: the device (may be empty: first camera), the file path, or the pipeline text.
    GstFrameSource(GstSourceKind kind, std::string target, SourceOptions options);
    ~GstFrameSource() override;

    void start(FrameHandler onFrame, PreviewHandler onPreview) override;
    void stop() override;
    [[nodiscard]] SourceStatus status() const override { return m_status.load(); }
    [[nodiscard]] std::string lastProblem() const override;
    [[nodiscard]] std::uint64_t framesProduced() const override { return m_framesProduced.load(); }

    // Called on GStreamer streaming threads (public for the C callbacks).
    void deliverGrey(void* sample);
    void deliverPreview(void* sample);

private:
    enum class RunEnd { Stopped, Ended, Lost };

    void supervise(std::stop_token stop);
    // Builds and plays one pipeline until it ends, fails, stalls or stop is requested.
    RunEnd runOnce(std::stop_token stop, const std::string& description);
    [[nodiscard]] std::string describePipeline(const std::string& device) const;
    void setProblem(std::string problem);
    // Sleeps up to `seconds`, waking early on stop.
    void waitFor(std::stop_token stop, double seconds);

    GstSourceKind m_kind;
    std::string m_target;
    SourceOptions m_options;
    FrameHandler m_onFrame;
    PreviewHandler m_onPreview;

    std::atomic<SourceStatus> m_status{SourceStatus::Starting};
    std::atomic<std::uint64_t> m_framesProduced{0};
    std::atomic<std::int64_t> m_lastFrameNs{0}; // steady_clock, for the stall watchdog
    // GStreamer runs our callbacks on task-pool threads that it reuses across pipelines and wakes
    // through GLib's futex-based locks, which ThreadSanitizer cannot see. Release on this before a
    // pipeline plays and after each callback, acquire at the start of each callback and after the
    // pipeline stops: the order GStreamer already guarantees becomes one TSan can check, so a
    // real race in our handlers is still reported.
    std::atomic<std::uint64_t> m_handoff{0};
    mutable std::mutex m_mutex;
    std::string m_lastProblem;
    std::condition_variable_any m_wake;
    std::jthread m_supervisor;
};

} // namespace meetscan::scanner
