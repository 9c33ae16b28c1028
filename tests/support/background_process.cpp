#include "support/background_process.hpp"

#include "support/temp_dir.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>

namespace meetscan::test {

BackgroundProcess::BackgroundProcess(const std::vector<std::string>& argv, const std::filesystem::path& logBase)
    : m_logBase(logBase) {
    const std::string outPath = logBase.string() + ".out";
    const std::string errPath = logBase.string() + ".err";
    std::vector<char*> args;
    for (const auto& arg : argv)
        args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    m_pid = fork();
    if (m_pid < 0)
        throw std::runtime_error("fork failed");
    if (m_pid == 0) {
        const int in = open("/dev/null", O_RDONLY);
        const int out = open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int err = open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (in < 0 || out < 0 || err < 0)
            _exit(127);
        dup2(in, STDIN_FILENO);
        dup2(out, STDOUT_FILENO);
        dup2(err, STDERR_FILENO);
        closefrom(3);
        execvp(args[0], args.data());
        _exit(127);
    }
}

BackgroundProcess::~BackgroundProcess() {
    if (m_pid > 0) {
        kill(m_pid, SIGKILL);
        waitpid(m_pid, nullptr, 0);
    }
}

void BackgroundProcess::signal(int signalNumber) const {
    if (m_pid > 0)
        kill(m_pid, signalNumber);
}

int BackgroundProcess::wait() {
    if (m_pid > 0) {
        int status = 0;
        waitpid(m_pid, &status, 0);
        m_exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        m_pid = -1;
    }
    return m_exitCode;
}

bool BackgroundProcess::finished() {
    if (m_pid > 0) {
        int status = 0;
        if (waitpid(m_pid, &status, WNOHANG) != m_pid)
            return false;
        m_exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        m_pid = -1;
    }
    return true;
}

std::string BackgroundProcess::out() const { return readFile(m_logBase.string() + ".out"); }
std::string BackgroundProcess::err() const { return readFile(m_logBase.string() + ".err"); }

std::vector<std::string> meetscanCommand(std::vector<std::string> args) {
    args.insert(args.begin(), MEETSCAN_BINARY);
    return args;
}

} // namespace meetscan::test
