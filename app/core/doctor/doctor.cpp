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
    std::vector<CheckResult> results;
    results.push_back(checkCamera(options));
    results.push_back(checkPrinter());
    for (auto& result : checkDatabase(options))
        results.push_back(std::move(result));
    results.push_back(checkDisk(options));
    results.push_back(checkFonts());
    return results;
}

} // namespace meetscan::core
