#include "support/smtp_server.hpp"

#include "support/wait_until.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <fstream>

namespace meetscan::test {

SmtpTestServer::SmtpTestServer(const std::filesystem::path& dir, const SmtpServerOptions& options) : m_dir(dir) {
    std::filesystem::create_directories(dir);
    std::vector<std::string> argv{"/usr/bin/python3", std::string(MEETSCAN_SOURCE_DIR) + "/tests/support/smtp_server.py",
                                  dir.string()};
    for (const auto& address : options.refuse)
        argv.insert(argv.end(), {"--refuse", address});
    if (!options.login.empty())
        argv.insert(argv.end(), {"--login", options.login});
    if (options.maxSize > 0)
        argv.insert(argv.end(), {"--max-size", std::to_string(options.maxSize)});
    if (!options.certificate.empty())
        argv.insert(argv.end(), {"--tls", options.certificate.string(), options.key.string()});
    if (options.dieAfter >= 0)
        argv.insert(argv.end(), {"--die-after", std::to_string(options.dieAfter)});
    m_process = std::make_unique<BackgroundProcess>(argv, dir / "server");
    const auto portFile = dir / "port";
    const bool up = waitUntil([&] { return std::filesystem::exists(portFile) || m_process->finished(); },
                              std::chrono::seconds(20));
    if (!up || !std::filesystem::exists(portFile)) {
        ADD_FAILURE() << "the SMTP server did not start: " << m_process->err();
        return;
    }
    std::ifstream(portFile) >> m_port;
}

std::string SmtpTestServer::url() const { return "smtp://127.0.0.1:" + std::to_string(m_port); }

std::vector<std::filesystem::path> SmtpTestServer::messages() const {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(m_dir))
        if (entry.path().extension() == ".eml")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

void SmtpTestServer::stop() {
    m_process->signal(SIGKILL);
    m_process->wait();
}

} // namespace meetscan::test
