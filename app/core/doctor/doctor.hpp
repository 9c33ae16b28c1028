#pragma once
// `meetscan doctor`: is this machine ready to be a kiosk? Each check says ok, warn or fail, what
// it found, and for anything not ok what to do about it. No GUI: the CLI prints the results.
#include "core/domain/event.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meetscan::core {

struct CheckResult {
    enum class Level { Ok, Warn, Fail };
    std::string name;   // camera, scanner, printer, database, keys, admin_pin, disk, fonts
    Level level = Level::Ok;
    std::string detail; // what was found
    std::string fix;    // what to do; empty when ok
};

[[nodiscard]] std::string_view toString(CheckResult::Level level);

struct DoctorOptions {
    std::filesystem::path database;
    std::filesystem::path camera;                    // one device to check; empty: every /dev/video*
    std::filesystem::path deviceDir = "/dev";        // where cameras are looked for
    std::filesystem::path inputDevices = "/proc/bus/input/devices"; // where wedge scanners are looked for
    std::uint64_t diskWarnBytes = 1ULL << 30U;       // warn below 1 GiB free
    std::uint64_t diskFailBytes = 100ULL << 20U;     // fail below 100 MiB free
};

// The USB barcode scanners plugged in that type as a keyboard (a "wedge"), by their names.
[[nodiscard]] std::vector<std::string> findWedgeScanners(const DoctorOptions& options);

// The checks, one file each (camera_check.cpp, ...). None throws: a check that cannot look says so.
// A camera is needed unless a wedge scanner reads the badges.
[[nodiscard]] CheckResult checkCamera(const DoctorOptions& options, const std::vector<std::string>& scanners);
[[nodiscard]] CheckResult checkScanner(const std::vector<std::string>& scanners);
// Only Summary stations print; `mode` unknown (no readable database) is judged as one.
[[nodiscard]] CheckResult checkPrinter(std::optional<Mode> mode);
[[nodiscard]] CheckResult checkDisk(const DoctorOptions& options);
[[nodiscard]] CheckResult checkFonts();

// The database, then what it holds: trusted badge keys and the admin PIN; and the station's
// mode, which decides what else it needs.
struct DatabaseChecks {
    std::vector<CheckResult> results;
    std::optional<Mode> mode;
};
[[nodiscard]] DatabaseChecks checkDatabase(const DoctorOptions& options);

// Every check: camera, scanner, printer, database, keys, admin_pin, disk, fonts.
[[nodiscard]] std::vector<CheckResult> runDoctor(const DoctorOptions& options);

} // namespace meetscan::core
