#include "core/doctor/doctor.hpp"

#include <fmt/format.h>

namespace meetscan::core {

namespace {

std::string humanBytes(std::uint64_t bytes) {
    if (bytes >= (1ULL << 30U))
        return fmt::format("{:.1f} GiB", static_cast<double>(bytes) / static_cast<double>(1ULL << 30U));
    return fmt::format("{:.0f} MiB", static_cast<double>(bytes) / static_cast<double>(1ULL << 20U));
}

} // namespace

CheckResult checkDisk(const DoctorOptions& options) {
    CheckResult result{"disk", CheckResult::Level::Ok, "", ""};
    // The database may not exist yet: measure the file system it will be created on.
    std::filesystem::path where = options.database.empty() ? std::filesystem::current_path() : options.database;
    std::error_code error;
    while (!where.empty() && !std::filesystem::exists(where, error) && where != where.parent_path())
        where = where.parent_path();
    if (where.empty())
        where = ".";
    const auto space = std::filesystem::space(where, error);
    if (error) {
        result.level = CheckResult::Level::Fail;
        result.detail = fmt::format("cannot measure free space at {}: {}", where.string(), error.message());
        result.fix = "check that the database folder is mounted and readable";
        return result;
    }
    result.detail = fmt::format("{} free on the database's file system ({})", humanBytes(space.available), where.string());
    if (space.available < options.diskFailBytes) {
        result.level = CheckResult::Level::Fail;
        result.fix = fmt::format("free space now: scans need room to be saved (below {} the kiosk may refuse to save); "
                                 "move old exports away, `journalctl --vacuum-size=100M`",
                                 humanBytes(options.diskFailBytes));
    } else if (space.available < options.diskWarnBytes) {
        result.level = CheckResult::Level::Warn;
        result.fix = fmt::format("less than {} free: move old exports and packets off this machine", humanBytes(options.diskWarnBytes));
    }
    return result;
}

} // namespace meetscan::core
