#pragma once
// A child process the test keeps a hand on while it runs: read its output as it comes, kill it
// at a chosen moment, change its file-size limit (a full disk without mounting anything).
#include <sys/resource.h>
#include <sys/types.h>

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace meetscan::test {

struct ChildOptions {
    std::map<std::string, std::string> env; // added to (or overriding) the inherited environment
    // RLIMIT_FSIZE for the child only (soft limit; the hard limit stays unlimited so the test can
    // raise it again). SIGXFSZ is ignored in the child, so reaching it fails the write with EFBIG.
    std::optional<rlim_t> fileSizeLimit;
};

class ChildProcess {
public:
    explicit ChildProcess(const std::vector<std::string>& argv, const ChildOptions& options = {});
    ~ChildProcess(); // a child still running is killed (SIGKILL) and reaped
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    [[nodiscard]] pid_t pid() const { return m_pid; }
    [[nodiscard]] const std::string& out() const { return m_out; }
    [[nodiscard]] const std::string& err() const { return m_err; }
    // The complete lines of stdout so far (a line still being written is left out).
    [[nodiscard]] std::vector<std::string> outLines() const;

    // Reads what the child wrote, waiting up to `timeout` for the first bytes.
    void pump(std::chrono::milliseconds timeout);
    // Pumps until `done` holds or `timeout` passes; returns whether it held.
    bool waitFor(const std::function<bool()>& done, std::chrono::milliseconds timeout);
    void kill(int signal);
    // Waits for the child to end, reading the rest of its output: the exit code, or -SIGNAL.
    int wait();
    // The child's soft RLIMIT_FSIZE from now on (prlimit(2)); false when refused.
    bool setFileSizeLimit(rlim_t soft);

private:
    pid_t m_pid = -1;
    int m_outFd = -1;
    int m_errFd = -1;
    std::string m_out;
    std::string m_err;
    std::optional<int> m_status;
};

// The built `meetscan` binary with these arguments, as a ChildProcess.
std::vector<std::string> meetscanArgv(const std::vector<std::string>& args);

} // namespace meetscan::test
