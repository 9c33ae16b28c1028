#include "core/doctor/doctor.hpp"

#include <fcntl.h>
#include <linux/videodev2.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace meetscan::core {

namespace {

constexpr const char* kUdevHint =
    "install deploy/udev/70-meetscan-camera.rules (deploy/install-kiosk.sh) or add the kiosk user to group video";

struct Probe {
    bool capture = false;
    std::string card;  // the device's name, e.g. "HD Pro Webcam C920"
    std::string error; // why it could not be opened or asked
    int openErrno = 0;
};

Probe probe(const std::filesystem::path& device) {
    Probe result;
    const int fd = open(device.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        result.openErrno = errno;
        result.error = std::strerror(errno);
        return result;
    }
    v4l2_capability caps{};
    if (ioctl(fd, VIDIOC_QUERYCAP, &caps) != 0) {
        result.error = "not a video4linux device";
    } else {
        const std::uint32_t flags = (caps.capabilities & V4L2_CAP_DEVICE_CAPS) != 0 ? caps.device_caps : caps.capabilities;
        result.capture = (flags & (V4L2_CAP_VIDEO_CAPTURE | V4L2_CAP_VIDEO_CAPTURE_MPLANE)) != 0;
        result.card = reinterpret_cast<const char*>(caps.card);
        if (!result.capture)
            result.error = "no video capture (a metadata or output node)";
    }
    close(fd);
    return result;
}

} // namespace

CheckResult checkCamera(const DoctorOptions& options, const std::vector<std::string>& scanners) {
    CheckResult result{"camera", CheckResult::Level::Ok, "", ""};
    std::vector<std::filesystem::path> devices;
    if (!options.camera.empty()) {
        devices.push_back(options.camera);
    } else {
        std::error_code error;
        for (const auto& entry : std::filesystem::directory_iterator(options.deviceDir, error))
            if (entry.path().filename().string().rfind("video", 0) == 0)
                devices.push_back(entry.path());
        std::sort(devices.begin(), devices.end());
    }
    if (devices.empty() && !scanners.empty()) {
        result.detail = fmt::format("not needed: no camera, and the USB scanner {} reads the badges", scanners.front());
        return result;
    }
    if (devices.empty()) {
        result.level = CheckResult::Level::Fail;
        result.detail = fmt::format("no camera: no video device in {}, and no USB barcode scanner", options.deviceDir.string());
        result.fix = "plug in a USB camera (check `ls /dev/video*` and `dmesg`) or a USB barcode scanner";
        return result;
    }
    std::vector<std::string> usable;
    std::vector<std::string> problems;
    bool denied = false;
    for (const auto& device : devices) {
        if (!std::filesystem::exists(device)) {
            problems.push_back(fmt::format("{}: no such device", device.string()));
            continue;
        }
        Probe found = probe(device);
        if (found.capture)
            usable.push_back(fmt::format("{} ({})", device.string(), found.card));
        else
            problems.push_back(fmt::format("{}: {}", device.string(), found.error));
        denied = denied || found.openErrno == EACCES || found.openErrno == EPERM;
    }
    if (!usable.empty()) {
        result.detail = fmt::format("{}", fmt::join(usable, ", "));
        return result;
    }
    // A scanner still reads the badges; the broken camera is worth a look, not a stop.
    result.level = scanners.empty() ? CheckResult::Level::Fail : CheckResult::Level::Warn;
    result.detail = fmt::format("no usable camera: {}{}", fmt::join(problems, "; "),
                                scanners.empty() ? "" : fmt::format(" (the USB scanner {} reads the badges)", scanners.front()));
    result.fix = denied ? std::string("permission denied: ") + kUdevHint
                        : "connect a UVC (USB video class) camera, or pick another with `meetscan doctor --camera /dev/videoN`";
    return result;
}

} // namespace meetscan::core
