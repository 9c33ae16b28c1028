#pragma once
// USB sticks and other removable drives that are mounted now, for the admin panel's "Export my
// leads". Linux: the mounts in /proc/self/mounts whose block device is removable
// (/sys/block/<disk>/removable is 1), sits on the USB bus, or is mounted where desktops mount
// them (/media/..., /run/media/...). Pseudo file systems, and drives mounted read-only, are left
// out: nothing could be written there.
//
// $MEETSCAN_REMOVABLE_ROOT (read by the kiosk at start-up) replaces all of this with a folder
// whose subfolders count as the mounted drives: for tests, and for kiosks whose sticks are
// mounted somewhere else by an automounter.
//
// Errors: none; what cannot be read counts as no drive.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace meetscan::core {

struct RemovableDrive {
    std::filesystem::path mountPoint;
    std::string label;  // what staff call it: the mount point's last part ("LEADS", "KINGSTON")
    std::string device; // "/dev/sdb1"; empty for a folder under the override root
};

// The drives in a mounts table (the format of /proc/self/mounts), checked against a sysfs block
// folder (normally /sys/block), in the table's order.
[[nodiscard]] std::vector<RemovableDrive> removableDrivesIn(std::string_view mounts, const std::filesystem::path& sysBlock);

// The subfolders of `root`, by name.
[[nodiscard]] std::vector<RemovableDrive> drivesUnderRoot(const std::filesystem::path& root);

// The drives mounted now: drivesUnderRoot(overrideRoot) when it is not empty, else the system's.
[[nodiscard]] std::vector<RemovableDrive> findRemovableDrives(const std::filesystem::path& overrideRoot);

} // namespace meetscan::core
