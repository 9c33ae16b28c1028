#include "core/doctor/doctor.hpp"

namespace meetscan::core {

std::string_view toString(CheckResult::Level level) {
    switch (level) {
    case CheckResult::Level::Ok: return "ok";
    case CheckResult::Level::Warn: return "warn";
    case CheckResult::Level::Fail: return "fail";
    }
    return "fail";
}

std::vector<CheckResult> runDoctor(const DoctorOptions& options) {
    const auto scanners = findWedgeScanners(options);
    auto database = checkDatabase(options);
    std::vector<CheckResult> results;
    results.push_back(checkCamera(options, scanners));
    results.push_back(checkScanner(scanners));
    results.push_back(checkPrinter(database.mode));
    for (auto& result : database.results)
        results.push_back(std::move(result));
    results.push_back(checkDisk(options));
    results.push_back(checkFonts());
    return results;
}

} // namespace meetscan::core
