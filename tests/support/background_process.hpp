#pragma once
// A program running beside the test (a station scanning, a sync loop), its output going to files.
// Unlike runProcess it holds no pipe and closes every inherited descriptor, so several can run
// at once from several threads without one keeping another's output open.
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace meetscan::test {

class BackgroundProcess {
public:
    // stdout goes to `logBase`.out, stderr to `logBase`.err.
    BackgroundProcess(const std::vector<std::string>& argv, const std::filesystem::path& logBase);
    ~BackgroundProcess(); // SIGKILL if still running, then reaped
    BackgroundProcess(const BackgroundProcess&) = delete;
    BackgroundProcess& operator=(const BackgroundProcess&) = delete;

    void signal(int signalNumber) const;
    // Waits for the end; the exit code, or -1 when a signal ended it.
    int wait();
    // Whether it has ended, without waiting (wait() then returns at once).
    bool finished();
    [[nodiscard]] std::string out() const;
    [[nodiscard]] std::string err() const;

private:
    pid_t m_pid = -1;
    int m_exitCode = -1;
    std::filesystem::path m_logBase;
};

// The built meetscan, run in the background with these arguments.
std::vector<std::string> meetscanCommand(std::vector<std::string> args);

} // namespace meetscan::test
