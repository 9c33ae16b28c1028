#pragma once
// A real SMTP server (tests/support/smtp_server.py, on Debian's python3-aiosmtpd) listening on
// loopback for one test: it saves what it accepts, and can refuse a recipient, demand a login,
// limit the size, or go down after some messages.
#include "support/background_process.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace meetscan::test {

struct SmtpServerOptions {
    std::vector<std::string> refuse; // recipients answered with 550
    std::string login;               // "user:password": AUTH required
    std::size_t maxSize = 0;         // bytes; 0: no limit
    int dieAfter = -1;               // accept this many, then drop dead; -1: never
    std::filesystem::path certificate; // with `key`: STARTTLS offered and required
    std::filesystem::path key;
};

class SmtpTestServer {
public:
    SmtpTestServer(const std::filesystem::path& dir, const SmtpServerOptions& options = {});

    [[nodiscard]] std::string url() const; // smtp://127.0.0.1:PORT
    // The accepted messages' files (NNNN.eml), in the order received.
    [[nodiscard]] std::vector<std::filesystem::path> messages() const;
    void stop(); // kills it

private:
    std::filesystem::path m_dir;
    std::unique_ptr<BackgroundProcess> m_process;
    int m_port = 0;
};

} // namespace meetscan::test
