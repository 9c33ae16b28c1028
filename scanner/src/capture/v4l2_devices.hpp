#pragma once
// Which /dev/videoN nodes are cameras. A USB camera re-plugged may come back under another number,
// so the camera source asks again before every (re)connect.
#include <string>
#include <vector>

namespace meetscan::scanner {

// Video capture device nodes (not metadata or output nodes), in number order: /dev/video0, ...
std::vector<std::string> listCaptureDevices();

// The device to open: `preferred` when it is present and a capture device, else the first
// capture device, else empty (no camera).
std::string pickCaptureDevice(const std::string& preferred);

} // namespace meetscan::scanner
