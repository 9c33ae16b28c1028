#include "support/child_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <stdexcept>

namespace meetscan::test {

namespace {

// Appends what is there now; false at end of file (or error).
bool drain(int fd, std::string& into) {
    std::array<char, 65536> buffer{};
    while (true) {
        const ssize_t n = read(fd, buffer.data(), buffer.size());
        if (n > 0) {
            into.append(buffer.data(), static_cast<std::size_t>(n));
            continue;
        }
        return n < 0 && errno == EAGAIN;
    }
}

} // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const ChildOptions& options) {
    int outPipe[2];
    int errPipe[2];
    if (pipe2(outPipe, O_CLOEXEC) != 0 || pipe2(errPipe, O_CLOEXEC) != 0)
        throw std::runtime_error("pipe failed");
    // Everything the child needs is prepared before fork: only async-signal-safe calls after.
    std::vector<char*> args;
    for (const auto& arg : argv)
        args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    m_pid = fork();
    if (m_pid < 0)
        throw std::runtime_error("fork failed");
    if (m_pid == 0) {
        dup2(outPipe[1], STDOUT_FILENO);
        dup2(errPipe[1], STDERR_FILENO);
        const int devNull = open("/dev/null", O_RDONLY);
        if (devNull >= 0)
            dup2(devNull, STDIN_FILENO);
        for (const auto& [name, value] : options.env)
            setenv(name.c_str(), value.c_str(), 1);
        if (options.fileSizeLimit) {
            signal(SIGXFSZ, SIG_IGN); // an ignored disposition survives exec
            rlimit limit{*options.fileSizeLimit, RLIM_INFINITY};
            if (setrlimit(RLIMIT_FSIZE, &limit) != 0)
                _exit(126);
        }
        execvp(args[0], args.data());
        _exit(127);
    }
    close(outPipe[1]);
    close(errPipe[1]);
    m_outFd = outPipe[0];
    m_errFd = errPipe[0];
    fcntl(m_outFd, F_SETFL, O_NONBLOCK);
    fcntl(m_errFd, F_SETFL, O_NONBLOCK);
}

ChildProcess::~ChildProcess() {
    if (!m_status) {
        ::kill(m_pid, SIGKILL);
        int status = 0;
        waitpid(m_pid, &status, 0);
    }
    for (int fd : {m_outFd, m_errFd})
        if (fd >= 0)
            close(fd);
}

std::vector<std::string> ChildProcess::outLines() const {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end = m_out.find('\n'); end != std::string::npos; end = m_out.find('\n', start)) {
        if (end > start)
            lines.push_back(m_out.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

void ChildProcess::pump(std::chrono::milliseconds timeout) {
    std::array<pollfd, 2> fds{pollfd{m_outFd, POLLIN, 0}, pollfd{m_errFd, POLLIN, 0}};
    if (poll(fds.data(), fds.size(), static_cast<int>(timeout.count())) <= 0)
        return;
    if (m_outFd >= 0 && !drain(m_outFd, m_out)) {
        close(m_outFd);
        m_outFd = -1;
    }
    if (m_errFd >= 0 && !drain(m_errFd, m_err)) {
        close(m_errFd);
        m_errFd = -1;
    }
}

bool ChildProcess::waitFor(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (!done()) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
        if (left.count() <= 0)
            return false;
        if (m_outFd < 0 && m_errFd < 0)
            return done(); // the child closed its output: nothing more will come
        pump(std::min(left, std::chrono::milliseconds(50)));
    }
    return true;
}

void ChildProcess::kill(int signal) {
    if (!m_status)
        ::kill(m_pid, signal);
}

int ChildProcess::wait() {
    while (m_outFd >= 0 || m_errFd >= 0)
        pump(std::chrono::milliseconds(100));
    if (!m_status) {
        int status = 0;
        waitpid(m_pid, &status, 0);
        m_status = status;
    }
    return WIFEXITED(*m_status) ? WEXITSTATUS(*m_status) : -WTERMSIG(*m_status);
}

bool ChildProcess::setFileSizeLimit(rlim_t soft) {
    rlimit limit{soft, RLIM_INFINITY};
    return prlimit(m_pid, RLIMIT_FSIZE, &limit, nullptr) == 0;
}

std::vector<std::string> meetscanArgv(const std::vector<std::string>& args) {
    std::vector<std::string> argv{MEETSCAN_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    return argv;
}

} // namespace meetscan::test
