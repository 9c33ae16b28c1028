#pragma once
// Testing aid: a USB camera that can be unplugged and plugged back, or that hangs and sends no
// frames, without any hardware. It shows generated badges (like `synthetic`) while it works.
// Tests drive it by hand; the SOURCE strings `flaky:UP/DOWN` and `stall:UP/DOWN` run it on a
// schedule (UP seconds working, then DOWN seconds away, over and over) so the kiosk's
// "camera disconnected" state can be seen and screenshotted.
#include "meetscan/scanner/expected.hpp"
#include "meetscan/scanner/frame_source.hpp"

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace meetscan::scanner {

enum class CameraFault {
    Unplugged, // opening fails and a running stream errors, as v4l2 does when the cable is pulled
    Stalled,   // the device stays open but no frame comes (a hung camera or USB bus)
};

class SimulatedCamera {
public:
    using Clock = std::chrono::steady_clock;

    SimulatedCamera(CameraFault fault, SourceOptions options);

    // By hand (tests): the device is there, or has the fault, from now on.
    void setPresent(bool present);
    // On a schedule: working for `up`, away for `down`, repeating from now; setPresent ends it.
    void runSchedule(std::chrono::milliseconds up, std::chrono::milliseconds down);

    [[nodiscard]] bool present() const;
    // What going away looks like from now on.
    void setFault(CameraFault fault) { m_fault = fault; }
    [[nodiscard]] CameraFault fault() const { return m_fault.load(); }
    [[nodiscard]] const SourceOptions& options() const { return m_options; }
    // How often the source opened the device (each reconnect opens it once more).
    [[nodiscard]] std::uint64_t opens() const { return m_opens.load(); }
    void countOpen() { ++m_opens; }

private:
    std::atomic<CameraFault> m_fault;
    SourceOptions m_options;
    std::atomic<bool> m_present{true};
    std::atomic<bool> m_scheduled{false};
    std::atomic<Clock::rep> m_scheduleStart{0};
    std::atomic<std::int64_t> m_upMs{0};
    std::atomic<std::int64_t> m_downMs{0};
    std::atomic<std::uint64_t> m_opens{0};
};

// A frame source reading the simulated camera with the same policy as a real camera: an error or
// `options.stallSeconds` without a frame is a lost camera (status Reconnecting, lastProblem says
// why); the device is then reopened with back-off from retryInitialSeconds doubling up to
// retryMaxSeconds, reset once frames flow again.
std::unique_ptr<FrameSource> makeSimulatedCameraSource(std::shared_ptr<SimulatedCamera> camera);

// `flaky:UP/DOWN` and `stall:UP/DOWN` (seconds, e.g. flaky:3/2). Error::badInput when malformed.
Expected<std::unique_ptr<FrameSource>> openSimulatedCameraSource(std::string_view spec, const SourceOptions& options);

} // namespace meetscan::scanner
