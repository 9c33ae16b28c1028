#include "cli/commands.hpp"

#include "core/doctor/doctor.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace meetscan::cli {

void addDoctorCommand(CLI::App& app, CliContext& context) {
    struct Options {
        core::DoctorOptions doctor;
        std::string camera;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand(
        "doctor", "Check this station for its mode, and say what to fix");
    command->footer("Checks the camera (not needed when a USB barcode scanner reads the badges), the scanner, the "
                    "printer (Summary stations print; the others need none), the database, keys, admin PIN, disk "
                    "space and fonts. Each is ok, warn or fail, with what to fix. Exit 0 when nothing fails, 1 "
                    "otherwise.");
    command->add_flag("--json", options->json, "One JSON object: {ok, checks: [{name, status, detail, fix}]}");
    command->add_option("--camera", options->camera, "Check this video device only (default: every /dev/video*)");
    constexpr const char* kTestingAids = "Testing aids";
    command->add_option("--disk-warn-bytes", options->doctor.diskWarnBytes, "Warn below this many free bytes (1 GiB)")
        ->group(kTestingAids);
    command->add_option("--disk-fail-bytes", options->doctor.diskFailBytes, "Fail below this many free bytes (100 MiB)")
        ->group(kTestingAids);
    command->add_option("--device-dir", options->doctor.deviceDir, "Look for video devices here instead of /dev")
        ->group(kTestingAids);
    command->add_option("--input-devices", options->doctor.inputDevices,
                        "Read the input devices from this file instead of /proc/bus/input/devices")
        ->group(kTestingAids);
    command->callback([&context, options] {
        core::DoctorOptions doctor = options->doctor;
        doctor.database = context.databasePath();
        doctor.camera = options->camera;
        const auto results = core::runDoctor(doctor);
        const bool failed = std::any_of(results.begin(), results.end(),
                                        [](const auto& r) { return r.level == core::CheckResult::Level::Fail; });
        if (options->json) {
            nlohmann::json checks = nlohmann::json::array();
            for (const auto& r : results)
                checks.push_back({{"name", r.name}, {"status", std::string(core::toString(r.level))}, {"detail", r.detail}, {"fix", r.fix}});
            fmt::print("{}\n", nlohmann::json{{"ok", !failed}, {"checks", checks}}.dump());
        } else {
            for (const auto& r : results) {
                fmt::print("{:<5} {:<10} {}\n", core::toString(r.level), r.name, r.detail);
                if (!r.fix.empty())
                    fmt::print("{:<16} fix: {}\n", "", r.fix);
            }
        }
        // A failed check is a failure of the world (exit 1), reported above rather than as one error line.
        if (failed)
            throw CliError::world("doctor found problems (see the checks marked fail)");
    });
}

} // namespace meetscan::cli
