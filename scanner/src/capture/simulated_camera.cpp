// The simulated camera of simulated_camera.hpp and the source that reads it. The source keeps
// the real camera's reconnect policy (gst_source.cpp): a lost device is a status, never an
// exception, and reopening backs off so a missing camera does not spin a core.
#include "meetscan/scanner/simulated_camera.hpp"

#include "meetscan/scanner/synthetic_badge.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <condition_variable>
#include <mutex>
#include <stop_token>
#include <thread>

namespace meetscan::scanner {
namespace {

using Clock = SimulatedCamera::Clock;

constexpr double kShowSeconds = 1.2; // each badge in front of the camera, then the next one

class SimulatedCameraSource final : public FrameSource {
public:
    explicit SimulatedCameraSource(std::shared_ptr<SimulatedCamera> camera) : m_camera(std::move(camera)) {
        const SourceOptions& options = m_camera->options();
        m_texts = options.syntheticTexts.empty() ? std::vector<std::string>{"MEETSCAN-DEMO-0001"}
                                                 : options.syntheticTexts;
        m_fps = options.syntheticFps > 0 ? options.syntheticFps : 15.0;
    }
    ~SimulatedCameraSource() override { stop(); }

    void start(FrameHandler onFrame, PreviewHandler onPreview) override {
        if (m_thread.joinable())
            return;
        m_onFrame = std::move(onFrame);
        m_onPreview = std::move(onPreview);
        m_thread = std::jthread([this](std::stop_token stop) { run(std::move(stop)); });
    }
    void stop() override {
        if (!m_thread.joinable())
            return;
        m_thread.request_stop();
        m_wake.notify_all();
        m_thread.join();
    }
    [[nodiscard]] SourceStatus status() const override { return m_status.load(); }
    [[nodiscard]] std::string lastProblem() const override {
        std::lock_guard lock(m_mutex);
        return m_problem;
    }
    [[nodiscard]] std::uint64_t framesProduced() const override { return m_frames.load(); }

private:
    enum class SessionEnd { Stopped, Lost };

    void setProblem(std::string problem) {
        std::lock_guard lock(m_mutex);
        m_problem = std::move(problem);
    }
    // Sleeps until `when`; false when stop was requested meanwhile.
    bool waitUntil(const std::stop_token& stop, Clock::time_point when) {
        std::unique_lock lock(m_mutex);
        m_wake.wait_until(lock, stop, when, [] { return false; });
        return !stop.stop_requested();
    }

    void run(std::stop_token stop) {
        const SourceOptions& options = m_camera->options();
        double backoff = options.retryInitialSeconds;
        std::uint64_t session = 0;
        while (!stop.stop_requested()) {
            m_camera->countOpen();
            if (!m_camera->present() && m_camera->fault() == CameraFault::Unplugged) {
                setProblem("cannot open the camera: no such device (simulated unplug)");
                m_status = SourceStatus::Reconnecting;
            } else {
                const auto before = m_frames.load();
                if (stream(stop, session++) == SessionEnd::Stopped)
                    return;
                if (m_frames.load() != before)
                    backoff = options.retryInitialSeconds; // it had been working: try again soon
                m_status = SourceStatus::Reconnecting;
            }
            if (!waitUntil(stop, Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                                    std::chrono::duration<double>(backoff))))
                return;
            backoff = std::min(backoff * 2, options.retryMaxSeconds);
        }
    }

    // One open of the device: frames at the camera's rate until it errors, stalls or stop.
    SessionEnd stream(const std::stop_token& stop, std::uint64_t session) {
        const SourceOptions& options = m_camera->options();
        const auto period = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / m_fps));
        const auto stallAfter =
            std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.stallSeconds));
        const auto showFrames = static_cast<std::uint64_t>(std::max(1.0, std::round(kShowSeconds * m_fps)));
        const auto openedAt = Clock::now();
        auto lastFrameAt = openedAt;
        for (std::uint64_t tick = 0;; ++tick) {
            const auto now = Clock::now();
            if (!m_camera->present()) {
                if (m_camera->fault() == CameraFault::Unplugged) {
                    setProblem("the camera stopped: device disconnected (simulated unplug)");
                    return SessionEnd::Lost;
                }
            } else {
                BadgeScene scene;
                scene.width = options.syntheticWidth;
                scene.height = options.syntheticHeight;
                scene.text = m_texts[(session + tick / showFrames) % m_texts.size()];
                scene.seed = static_cast<std::uint32_t>(tick * 2654435761U + 1U);
                scene.centerX = 0.5 + 0.05 * std::sin(static_cast<double>(tick) * 0.3);
                deliver(renderBadgeFrame(scene));
                lastFrameAt = Clock::now();
            }
            if (now - lastFrameAt > stallAfter) {
                setProblem(fmt::format("no frame for {:.1f} s", std::chrono::duration<double>(now - lastFrameAt).count()));
                return SessionEnd::Lost;
            }
            if (!waitUntil(stop, openedAt + period * static_cast<Clock::rep>(tick + 1)))
                return SessionEnd::Stopped;
        }
    }

    void deliver(GreyFrame frame) {
        frame.capturedAt = Clock::now();
        frame.sequence = m_frames.fetch_add(1) + 1;
        m_status = SourceStatus::Running;
        try {
            if (m_camera->options().preview && m_onPreview)
                m_onPreview(makeGreyPreview(frame));
            if (m_onFrame)
                m_onFrame(std::move(frame));
        } catch (...) {
            // A throwing handler loses this frame only.
        }
    }

    std::shared_ptr<SimulatedCamera> m_camera;
    std::vector<std::string> m_texts;
    double m_fps = 15.0;
    FrameHandler m_onFrame;
    PreviewHandler m_onPreview;
    std::atomic<SourceStatus> m_status{SourceStatus::Starting};
    std::atomic<std::uint64_t> m_frames{0};
    mutable std::mutex m_mutex;
    std::string m_problem;
    std::condition_variable_any m_wake;
    std::jthread m_thread;
};

bool parseSeconds(std::string_view text, double& seconds) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
    return ec == std::errc() && end == text.data() + text.size() && !text.empty() && seconds > 0 && seconds < 86400;
}

std::chrono::milliseconds millis(double seconds) {
    return std::chrono::milliseconds(static_cast<std::int64_t>(std::llround(seconds * 1000.0)));
}

} // namespace

SimulatedCamera::SimulatedCamera(CameraFault fault, SourceOptions options)
    : m_fault(fault), m_options(std::move(options)) {}

void SimulatedCamera::setPresent(bool present) {
    m_scheduled = false;
    m_present = present;
}

void SimulatedCamera::runSchedule(std::chrono::milliseconds up, std::chrono::milliseconds down) {
    m_upMs = std::max<std::int64_t>(1, up.count());
    m_downMs = std::max<std::int64_t>(1, down.count());
    m_scheduleStart = Clock::now().time_since_epoch().count();
    m_scheduled = true;
}

bool SimulatedCamera::present() const {
    if (!m_scheduled.load())
        return m_present.load();
    const auto elapsed = Clock::now() - Clock::time_point(Clock::duration(m_scheduleStart.load()));
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count();
    return ms % (m_upMs.load() + m_downMs.load()) < m_upMs.load();
}

std::unique_ptr<FrameSource> makeSimulatedCameraSource(std::shared_ptr<SimulatedCamera> camera) {
    return std::make_unique<SimulatedCameraSource>(std::move(camera));
}

Expected<std::unique_ptr<FrameSource>> openSimulatedCameraSource(std::string_view spec, const SourceOptions& options) {
    const auto colon = spec.find(':');
    const std::string_view kind = spec.substr(0, colon);
    const std::string_view rest = colon == std::string_view::npos ? std::string_view() : spec.substr(colon + 1);
    const auto slash = rest.find('/');
    double up = 0;
    double down = 0;
    if ((kind != "flaky" && kind != "stall") || slash == std::string_view::npos ||
        !parseSeconds(rest.substr(0, slash), up) || !parseSeconds(rest.substr(slash + 1), down))
        return Error::badInput("source " + std::string(spec) +
                               ": expected flaky:UP/DOWN or stall:UP/DOWN in seconds, e.g. flaky:3/2");
    auto camera = std::make_shared<SimulatedCamera>(
        kind == "flaky" ? CameraFault::Unplugged : CameraFault::Stalled, options);
    camera->runSchedule(millis(up), millis(down));
    return makeSimulatedCameraSource(std::move(camera));
}

} // namespace meetscan::scanner
