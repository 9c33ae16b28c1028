#include "support/run_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <stdexcept>

namespace meetscan::test {

namespace {

void readAvailable(int fd, std::string& into, bool& open) {
    std::array<char, 65536> buffer{};
    ssize_t n = read(fd, buffer.data(), buffer.size());
    if (n <= 0)
        open = false;
    else
        into.append(buffer.data(), static_cast<size_t>(n));
}

} // namespace

ProcessResult runProcess(const std::vector<std::string>& argv, const RunOptions& options) {
    int outPipe[2], errPipe[2], inPipe[2];
    if (pipe(outPipe) != 0 || pipe(errPipe) != 0 || pipe(inPipe) != 0)
        throw std::runtime_error("pipe failed");
    pid_t pid = fork();
    if (pid < 0)
        throw std::runtime_error("fork failed");
    if (pid == 0) {
        dup2(inPipe[0], STDIN_FILENO);
        dup2(outPipe[1], STDOUT_FILENO);
        dup2(errPipe[1], STDERR_FILENO);
        for (int fd : {outPipe[0], outPipe[1], errPipe[0], errPipe[1], inPipe[0], inPipe[1]})
            close(fd);
        for (const auto& [name, value] : options.env)
            setenv(name.c_str(), value.c_str(), 1);
        if (!options.workingDir.empty() && chdir(options.workingDir.c_str()) != 0)
            _exit(127);
        std::vector<char*> args;
        for (const auto& arg : argv)
            args.push_back(const_cast<char*>(arg.c_str()));
        args.push_back(nullptr);
        execvp(args[0], args.data());
        _exit(127);
    }
    close(outPipe[1]);
    close(errPipe[1]);
    close(inPipe[0]);
    if (!options.stdinText.empty()) {
        // Small inputs only: tests feed a few kilobytes at most.
        [[maybe_unused]] auto written = write(inPipe[1], options.stdinText.data(), options.stdinText.size());
    }
    close(inPipe[1]);

    ProcessResult result;
    bool outOpen = true, errOpen = true;
    while (outOpen || errOpen) {
        std::array<pollfd, 2> fds{pollfd{outOpen ? outPipe[0] : -1, POLLIN, 0},
                                  pollfd{errOpen ? errPipe[0] : -1, POLLIN, 0}};
        if (poll(fds.data(), fds.size(), -1) < 0)
            break;
        if (outOpen && (fds[0].revents & (POLLIN | POLLHUP)) != 0)
            readAvailable(outPipe[0], result.out, outOpen);
        if (errOpen && (fds[1].revents & (POLLIN | POLLHUP)) != 0)
            readAvailable(errPipe[0], result.err, errOpen);
    }
    close(outPipe[0]);
    close(errPipe[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

ProcessResult runMeetscan(const std::vector<std::string>& args, const RunOptions& options) {
    std::vector<std::string> argv{MEETSCAN_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    return runProcess(argv, options);
}

} // namespace meetscan::test
