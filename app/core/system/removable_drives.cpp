#include "core/system/removable_drives.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace meetscan::core {

namespace {

// The mounts table writes space, tab, newline and backslash in a path as \040, \011, \012, \134.
std::string unescapeMountField(std::string_view field) {
    std::string out;
    for (std::size_t i = 0; i < field.size(); ++i) {
        if (field[i] == '\\' && i + 3 < field.size()) {
            const std::string_view digits = field.substr(i + 1, 3);
            if (std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '7'; })) {
                out += static_cast<char>((digits[0] - '0') * 64 + (digits[1] - '0') * 8 + (digits[2] - '0'));
                i += 3;
                continue;
            }
        }
        out += field[i];
    }
    return out;
}

std::string readFirstLine(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    return line;
}

// The sysfs folder of the whole disk that holds `name` (a disk, or one of its partitions, which
// sysfs lists inside the disk's folder); empty when it is not there.
std::filesystem::path diskFolderFor(const std::string& name, const std::filesystem::path& sysBlock) {
    std::error_code error;
    if (std::filesystem::exists(sysBlock / name / "removable", error))
        return sysBlock / name;
    for (const auto& disk : std::filesystem::directory_iterator(sysBlock, error))
        if (std::filesystem::exists(disk.path() / name, error))
            return disk.path();
    return {};
}

bool isRemovableDisk(const std::filesystem::path& disk) {
    if (readFirstLine(disk / "removable") == "1")
        return true;
    // USB disks that call themselves fixed (many USB SSDs and card readers) are still taken away.
    std::error_code error;
    const auto real = std::filesystem::canonical(disk, error);
    return !error && real.string().find("/usb") != std::string::npos;
}

bool hasOption(const std::string& options, std::string_view wanted) {
    std::istringstream in(options);
    for (std::string option; std::getline(in, option, ',');)
        if (option == wanted)
            return true;
    return false;
}

bool isDesktopMountPoint(const std::string& mountPoint) {
    return mountPoint.rfind("/media/", 0) == 0 || mountPoint.rfind("/run/media/", 0) == 0;
}

} // namespace

std::vector<RemovableDrive> removableDrivesIn(std::string_view mounts, const std::filesystem::path& sysBlock) {
    std::vector<RemovableDrive> drives;
    std::istringstream in{std::string(mounts)};
    for (std::string line; std::getline(in, line);) {
        std::istringstream fields(line);
        std::string device;
        std::string mountPoint;
        std::string type;
        std::string options;
        if (!(fields >> device >> mountPoint >> type >> options))
            continue;
        device = unescapeMountField(device);
        mountPoint = unescapeMountField(mountPoint);
        if (device.rfind("/dev/", 0) != 0 || hasOption(options, "ro"))
            continue;
        std::error_code error;
        std::filesystem::path node(device);
        if (auto real = std::filesystem::canonical(node, error); !error)
            node = real; // /dev/disk/by-label/LEADS -> /dev/sdb1
        const auto disk = diskFolderFor(node.filename().string(), sysBlock);
        const bool removable = !disk.empty() && isRemovableDisk(disk);
        if (!removable && !isDesktopMountPoint(mountPoint))
            continue;
        if (std::any_of(drives.begin(), drives.end(), [&](const RemovableDrive& d) { return d.mountPoint == mountPoint; }))
            continue; // mounted over itself, or listed twice
        RemovableDrive drive;
        drive.mountPoint = mountPoint;
        drive.label = drive.mountPoint.filename().string();
        if (drive.label.empty())
            drive.label = mountPoint;
        drive.device = device;
        drives.push_back(std::move(drive));
    }
    return drives;
}

std::vector<RemovableDrive> drivesUnderRoot(const std::filesystem::path& root) {
    std::vector<RemovableDrive> drives;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(root, error)) {
        if (!entry.is_directory(error))
            continue;
        RemovableDrive drive;
        drive.mountPoint = entry.path();
        drive.label = entry.path().filename().string();
        drives.push_back(std::move(drive));
    }
    std::sort(drives.begin(), drives.end(),
              [](const RemovableDrive& a, const RemovableDrive& b) { return a.label < b.label; });
    return drives;
}

std::vector<RemovableDrive> findRemovableDrives(const std::filesystem::path& overrideRoot) {
    if (!overrideRoot.empty())
        return drivesUnderRoot(overrideRoot);
    std::ifstream in("/proc/self/mounts");
    std::stringstream mounts;
    mounts << in.rdbuf();
    return removableDrivesIn(mounts.str(), "/sys/block");
}

} // namespace meetscan::core
