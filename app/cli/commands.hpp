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
void addKioskCommands(CLI::App& app, CliContext& context);
void addDecodeCommand(CLI::App& app, CliContext& context);
void addExportCommands(CLI::App& app, CliContext& context);

} // namespace meetscan::cli
