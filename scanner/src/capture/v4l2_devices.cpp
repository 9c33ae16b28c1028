#include "capture/v4l2_devices.hpp"

#include <algorithm>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <linux/videodev2.h>
#include <sys/ioctl.h>
#include <system_error>
#include <unistd.h>

namespace meetscan::scanner {
namespace {

bool isCaptureDevice(const std::string& node) {
    const int fd = ::open(node.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return false;
    v4l2_capability caps{};
    const bool queried = ::ioctl(fd, VIDIOC_QUERYCAP, &caps) == 0;
    ::close(fd);
    if (!queried)
        return false;
    const std::uint32_t deviceCaps =
        (caps.capabilities & V4L2_CAP_DEVICE_CAPS) != 0 ? caps.device_caps : caps.capabilities;
    return (deviceCaps & (V4L2_CAP_VIDEO_CAPTURE | V4L2_CAP_VIDEO_CAPTURE_MPLANE)) != 0;
}

int nodeNumber(const std::string& node) {
    const auto digits = node.find_first_of("0123456789");
    return digits == std::string::npos ? -1 : std::atoi(node.c_str() + digits);
}

} // namespace

std::vector<std::string> listCaptureDevices() {
    std::vector<std::string> nodes;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/sys/class/video4linux", ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("video", 0) == 0)
            nodes.push_back("/dev/" + name);
    }
    std::sort(nodes.begin(), nodes.end(),
              [](const std::string& a, const std::string& b) { return nodeNumber(a) < nodeNumber(b); });
    std::erase_if(nodes, [](const std::string& node) { return !isCaptureDevice(node); });
    return nodes;
}

std::string pickCaptureDevice(const std::string& preferred) {
    const auto devices = listCaptureDevices();
    if (!preferred.empty() && std::find(devices.begin(), devices.end(), preferred) != devices.end())
        return preferred;
    return devices.empty() ? std::string() : devices.front();
}

} // namespace meetscan::scanner
