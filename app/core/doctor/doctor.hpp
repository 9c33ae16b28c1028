#pragma once
// `meetscan doctor`: is this machine ready to be a kiosk? Each check says ok, warn or fail, what
// it found, and for anything not ok what to do about it. No GUI: the CLI prints the results.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace meetscan::core {

struct CheckResult {
    enum class Level { Ok, Warn, Fail };
    std::string name;   // camera, printer, database, disk, fonts, keys, admin_pin
    Level level = Level::Ok;
    std::string detail; // what was found
    std::string fix;    // what to do; empty when ok
};

[[nodiscard]] std::string_view toString(CheckResult::Level level);

struct DoctorOptions {
    std::filesystem::path database;
    std::filesystem::path camera;                    // one device to check; empty: every /dev/video*
    std::filesystem::path deviceDir = "/dev";        // where cameras are looked for
    std::uint64_t diskWarnBytes = 1ULL << 30U;       // warn below 1 GiB free
    std::uint64_t diskFailBytes = 100ULL << 20U;     // fail below 100 MiB free
};

// The checks, one file each (camera_check.cpp, ...). None throws: a check that cannot look says so.
[[nodiscard]] CheckResult checkCamera(const DoctorOptions& options);
[[nodiscard]] CheckResult checkPrinter();
[[nodiscard]] CheckResult checkDisk(const DoctorOptions& options);
[[nodiscard]] CheckResult checkFonts();
// The database, then what it holds: trusted badge keys and the admin PIN.
[[nodiscard]] std::vector<CheckResult> checkDatabase(const DoctorOptions& options);

// Every check, in the order above.
[[nodiscard]] std::vector<CheckResult> runDoctor(const DoctorOptions& options);

} // namespace meetscan::core
