#pragma once
// Where frames come from: a camera, a video or image file, a folder of images, generated badges,
// or any GStreamer pipeline. A source runs its own thread(s); frames and previews arrive through
// the handlers on those threads, and its state is a value the caller polls.
#include "meetscan/scanner/expected.hpp"
#include "meetscan/scanner/frame.hpp"

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace meetscan::scanner {

enum class SourceStatus {
    Starting,     // opening the device / pipeline
    Running,      // frames are flowing
    NoCamera,     // no capture device present; retrying
    Reconnecting, // the device or pipeline failed or went silent; retrying with back-off
    Ended,        // a file or folder ran out (or cannot be played); no more frames will come
};

const char* toString(SourceStatus status);

struct SourceOptions {
    // `synthetic`: the badge texts shown, one after another.
    std::vector<std::string> syntheticTexts;
    int syntheticWidth = 1280;
    int syntheticHeight = 720;
    double syntheticFps = 15.0;
    // Seconds without a frame before a camera or pipeline counts as lost: short enough that the
    // kiosk says "camera disconnected" within 2 s of the last frame.
    double stallSeconds = 1.5;
    // Back-off between reconnect attempts: starts at the first, doubles up to the second. The cap
    // bounds how long a camera plugged back in waits to be opened again (scanning within 5 s).
    double retryInitialSeconds = 0.25;
    double retryMaxSeconds = 2.0;
    // Produce PreviewFrames (a second, reduced colour branch). Off for headless runs.
    bool preview = true;
};

class FrameSource {
public:
    using FrameHandler = std::function<void(GreyFrame&&)>;
    using PreviewHandler = std::function<void(PreviewFrame&&)>;

    FrameSource() = default;
    FrameSource(const FrameSource&) = delete;
    FrameSource& operator=(const FrameSource&) = delete;
    virtual ~FrameSource() = default;

    // Starts the source's thread(s) and returns at once. Handlers run on those threads; they
    // must be quick (drop the frame in a slot) and must not throw (a throw is caught and ignored).
    virtual void start(FrameHandler onFrame, PreviewHandler onPreview) = 0;
    // Stops and joins every thread the source started. Idempotent; also done by the destructor.
    virtual void stop() = 0;

    [[nodiscard]] virtual SourceStatus status() const = 0;
    // The last problem seen (bus error text, "no capture device", ...); empty when none.
    [[nodiscard]] virtual std::string lastProblem() const = 0;
    // Frames delivered so far.
    [[nodiscard]] virtual std::uint64_t framesProduced() const = 0;
};

// SOURCE: camera[:/dev/videoN] | file:PATH | dir:PATH[@FPS] | synthetic | pipeline:GST-LAUNCH, and
// for testing flaky:UP/DOWN | stall:UP/DOWN (a simulated camera that keeps going away, see
// simulated_camera.hpp).
// A malformed spec, a missing file or folder is Error::badInput; the camera being absent is not
// an error (the source reports NoCamera and keeps looking).
Expected<std::unique_ptr<FrameSource>> openFrameSource(std::string_view spec, const SourceOptions& options);

} // namespace meetscan::scanner
