// SOURCE strings of the command-line contract, turned into frame sources.
#include "meetscan/scanner/frame_source.hpp"

#include "capture/gst_runtime.hpp"
#include "capture/gst_source.hpp"
#include "capture/paced_source.hpp"
#include "meetscan/scanner/image_file.hpp"
#include "meetscan/scanner/simulated_camera.hpp"

#include <charconv>
#include <filesystem>
#include <system_error>

namespace meetscan::scanner {
namespace fs = std::filesystem;
namespace {

constexpr double kDefaultDirFps = 2.0;
constexpr double kMaxFps = 240.0;

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

// dir:PATH[@FPS]: the text after the last '@' is a rate only when it parses as one, so a folder
// whose name holds an '@' still works.
std::pair<std::string, double> splitRate(std::string_view rest) {
    const auto at = rest.rfind('@');
    if (at != std::string_view::npos) {
        const std::string_view rate = rest.substr(at + 1);
        double fps = 0;
        const auto [end, ec] = std::from_chars(rate.data(), rate.data() + rate.size(), fps);
        if (ec == std::errc() && end == rate.data() + rate.size() && !rate.empty())
            return {std::string(rest.substr(0, at)), fps};
    }
    return {std::string(rest), kDefaultDirFps};
}

Expected<std::unique_ptr<FrameSource>> openDir(std::string_view rest, const SourceOptions& options) {
    auto [folder, fps] = splitRate(rest);
    if (folder.empty())
        return Error::badInput("source dir: needs a folder, e.g. dir:/path/to/images@2");
    if (!(fps > 0.0 && fps <= kMaxFps))
        return Error::badInput("source dir:" + folder + ": frame rate must be between 0 and 240");
    auto images = listImages(folder);
    if (!images)
        return Error::badInput("source dir:" + folder + ": " + images.error().message);
    if (images->empty())
        return Error::badInput("source dir:" + folder + ": no images in the folder");
    return makeImageSequenceSource(std::move(images.value()), fps, options.preview);
}

Expected<std::unique_ptr<FrameSource>> openFile(std::string_view rest, const SourceOptions& options) {
    const fs::path path{std::string(rest)};
    std::error_code ec;
    if (path.empty() || !fs::is_regular_file(path, ec))
        return Error::badInput("source file:" + path.string() + ": no such file");
    // A still image needs no pipeline; it plays as one frame.
    if (hasImageExtension(path))
        return makeImageSequenceSource({path}, kDefaultDirFps, options.preview);
    std::unique_ptr<FrameSource> source =
        std::make_unique<GstFrameSource>(GstSourceKind::File, path.string(), options);
    return source;
}

} // namespace

const char* toString(SourceStatus status) {
    switch (status) {
    case SourceStatus::Starting:
        return "starting";
    case SourceStatus::Running:
        return "running";
    case SourceStatus::NoCamera:
        return "no camera";
    case SourceStatus::Reconnecting:
        return "reconnecting";
    case SourceStatus::Ended:
        return "ended";
    }
    return "unknown";
}

Expected<std::unique_ptr<FrameSource>> openFrameSource(std::string_view spec, const SourceOptions& options) {
    if (spec == "camera" || startsWith(spec, "camera:")) {
        const std::string device = spec == "camera" ? std::string() : std::string(spec.substr(7));
        if (spec != "camera" && !startsWith(device, "/dev/"))
            return Error::badInput("source camera: expects a device like camera:/dev/video0");
        std::unique_ptr<FrameSource> source =
            std::make_unique<GstFrameSource>(GstSourceKind::Camera, device, options);
        return source;
    }
    if (startsWith(spec, "file:"))
        return openFile(spec.substr(5), options);
    if (startsWith(spec, "dir:"))
        return openDir(spec.substr(4), options);
    if (spec == "synthetic")
        return makeSyntheticSource(options);
    // Testing aids: a camera that keeps going away (simulated_camera.hpp).
    if (startsWith(spec, "flaky:") || startsWith(spec, "stall:"))
        return openSimulatedCameraSource(spec, options);
    if (startsWith(spec, "pipeline:")) {
        const std::string description(spec.substr(9));
        if (description.find_first_not_of(" \t") == std::string::npos)
            return Error::badInput(
                "source pipeline: needs a GStreamer launch line, e.g. pipeline:videotestsrc");
        if (auto checked = checkPipelineDescription(description); !checked)
            return checked.error();
        std::unique_ptr<FrameSource> source =
            std::make_unique<GstFrameSource>(GstSourceKind::Pipeline, description, options);
        return source;
    }
    return Error::badInput(
        "unknown source '" + std::string(spec) +
        "' (expected camera[:/dev/videoN], file:PATH, dir:PATH[@FPS], synthetic or pipeline:GST-LAUNCH)");
}

} // namespace meetscan::scanner
