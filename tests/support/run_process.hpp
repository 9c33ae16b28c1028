#pragma once
#include <map>
#include <string>
#include <vector>

namespace meetscan::test {

struct ProcessResult {
    int exitCode = -1; // -1 when killed by a signal
    std::string out;
    std::string err;
};

struct RunOptions {
    std::map<std::string, std::string> env; // added to (or overriding) the inherited environment
    std::string stdinText;
    std::string workingDir;
};

// Runs a program (no shell) and captures its exit code, stdout and stderr.
ProcessResult runProcess(const std::vector<std::string>& argv, const RunOptions& options = {});

// Runs the built `meetscan` binary with these arguments.
ProcessResult runMeetscan(const std::vector<std::string>& args, const RunOptions& options = {});

} // namespace meetscan::test
