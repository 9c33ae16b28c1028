#include "core/doctor/doctor.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <string_view>

namespace meetscan::core {

namespace {

// A wedge scanner is a USB keyboard to Linux; what tells it from one is its maker or its name.
// USB vendor ids of barcode scanner makers: Honeywell/Metrologic, Symbol/Zebra, Datalogic (PSC),
// Opticon, Newland.
constexpr std::array<std::string_view, 5> kScannerVendors{"0c2e", "05e0", "05f9", "065a", "1eab"};
constexpr std::array<std::string_view, 13> kScannerWords{
    "scanner", "barcode", "bar code", "honeywell", "metrologic", "symbol", "zebra",
    "datalogic", "newland", "opticon", "zebex", "netum", "inateck"};

std::string lowered(std::string_view text) {
    std::string result(text);
    std::transform(result.begin(), result.end(), result.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return result;
}

struct InputDevice {
    std::string name;
    std::string vendor;
    bool usb = false;
    bool keyboard = false;

    [[nodiscard]] bool isWedgeScanner() const {
        if (!usb || !keyboard)
            return false;
        const std::string lower = lowered(name);
        return std::find(kScannerVendors.begin(), kScannerVendors.end(), vendor) != kScannerVendors.end() ||
               std::any_of(kScannerWords.begin(), kScannerWords.end(),
                           [&](std::string_view word) { return lower.find(word) != std::string::npos; });
    }
};

// The value after `key=` on a /proc/bus/input/devices line, up to the next space.
std::string fieldOf(std::string_view line, std::string_view key) {
    const auto at = line.find(key);
    if (at == std::string_view::npos)
        return "";
    const auto start = at + key.size();
    return std::string(line.substr(start, line.find(' ', start) - start));
}

} // namespace

std::vector<std::string> findWedgeScanners(const DoctorOptions& options) {
    std::ifstream in(options.inputDevices);
    std::vector<std::string> scanners;
    InputDevice device;
    auto finish = [&] {
        if (device.isWedgeScanner())
            scanners.push_back(device.name);
        device = {};
    };
    for (std::string line; std::getline(in, line);) {
        if (line.empty()) {
            finish();
        } else if (line.starts_with("I: ")) {
            device.usb = fieldOf(line, "Bus=") == "0003";
            device.vendor = lowered(fieldOf(line, "Vendor="));
        } else if (line.starts_with("N: Name=")) {
            device.name = line.substr(8);
            if (device.name.size() >= 2 && device.name.front() == '"' && device.name.back() == '"')
                device.name = device.name.substr(1, device.name.size() - 2);
        } else if (line.starts_with("H: Handlers=")) {
            device.keyboard = (" " + line.substr(12) + " ").find(" kbd ") != std::string::npos;
        }
    }
    finish();
    return scanners;
}

CheckResult checkScanner(const std::vector<std::string>& scanners) {
    CheckResult result{"scanner", CheckResult::Level::Ok, "", ""};
    result.detail = scanners.empty()
                        ? "no USB barcode scanner: the camera reads the badges"
                        : fmt::format("USB barcode scanner {} (types the badge code as a keyboard)",
                                      fmt::join(scanners, ", "));
    return result;
}

} // namespace meetscan::core
