#pragma once
// One registration function per subcommand family; each lives in its own app/cli/*_command.cpp.
// A command's callback does its work and throws CliError (cli_context.hpp) to fail.
#include "cli/cli_context.hpp"

#include <CLI/CLI.hpp>

namespace meetscan::cli {

void addInitCommand(CLI::App& app, CliContext& context);
void addImportCommands(CLI::App& app, CliContext& context);
void addListCommands(CLI::App& app, CliContext& context);
void addStatsCommand(CLI::App& app, CliContext& context);
void addEraseCommand(CLI::App& app, CliContext& context);
void addKeysCommand(CLI::App& app, CliContext& context);
void addBadgeCommand(CLI::App& app, CliContext& context);
void addScanCommand(CLI::App& app, CliContext& context);
void addKioskCommand(CLI::App& app, CliContext& context);
void addDemoCommand(CLI::App& app);
void addDecodeCommand(CLI::App& app, CliContext& context);
void addExportCommands(CLI::App& app, CliContext& context);
void addMergeCommand(CLI::App& app, CliContext& context);
void addSyncCommand(CLI::App& app, CliContext& context);
void addServerCommand(CLI::App& app);
void addBadgesCommand(CLI::App& app, CliContext& context);
void addDoctorCommand(CLI::App& app, CliContext& context);
void addPurgeCommand(CLI::App& app, CliContext& context);
void addAdminCommand(CLI::App& app, CliContext& context);
void addPrintCommands(CLI::App& app, CliContext& context);
void addStationCommands(CLI::App& app, CliContext& context);
void addSendCommands(CLI::App& app, CliContext& context);
void addReportCommand(CLI::App& app, CliContext& context);

// The admin PIN (admin_command.cpp), shared by `init --admin-pin` and `admin set-pin`: 6 to 12
// digits, none guessed first (core::adminPinProblem); stored as a libsodium password hash. Throw
// CliError on a bad PIN.
void validateAdminPin(const std::string& pin);
void storeAdminPin(core::Store& store, const std::string& pin);

} // namespace meetscan::cli
