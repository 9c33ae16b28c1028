#pragma once
#include <string>

namespace meetscan::cli {

// Destructive commands (erase, purge) ask before they act. On a terminal the question goes to
// stderr and a "y" or "yes" answer on stdin goes ahead; anything else stops with exit 1 and
// nothing changed. Without a terminal nobody can answer, so `--yes` must say it up front: its
// absence is bad usage (exit 2). Throws CliError; returns when the command may go ahead.
void confirmOrThrow(const std::string& question, bool yes, const std::string& command);

} // namespace meetscan::cli
