#pragma once
// Hands finished messages to an SMTP server through libcurl, one connection kept open for a
// whole run. `smtp://` upgrades with STARTTLS, and insists on it unless the server is on this
// machine (a local relay, a test server); `smtps://` is TLS from the first byte.
#include "meetscan/scanner/expected.hpp"

#include <memory>
#include <string>
#include <vector>

namespace meetscan::core {

struct SmtpServer {
    std::string url;      // smtp://host[:port] or smtps://host[:port], no user or password in it
    std::string user;     // empty: no login
    std::string password;
    std::string caFile;   // a CA bundle to trust besides the system's (a private relay); may be empty
    long timeoutSeconds = 120;
};

// Bad input when the URL is not smtp:// or smtps:// with a host, or holds a user or password
// (credentials never come on the command line: smtp_credentials.hpp).
[[nodiscard]] Status checkSmtpUrl(const std::string& url);

// How one hand-over ended.
struct SmtpOutcome {
    enum class Kind {
        Sent,         // the server took it (250 after the data)
        Refused,      // the server refused this message for good (5xx): a recipient, its size
        Deferred,     // the server said try later (4xx)
        LoginFailed,  // the server refused the login: no message will go
        Unreachable,  // no connection, or it broke before the whole message went
        Undecided,    // the whole message went, and then no answer: the server may have taken it
    };
    Kind kind = Kind::Sent;
    std::string reply; // the server's last reply, or curl's account of what failed: one clean line
};

class SmtpClient {
public:
    explicit SmtpClient(SmtpServer server);
    ~SmtpClient();
    SmtpClient(const SmtpClient&) = delete;
    SmtpClient& operator=(const SmtpClient&) = delete;

    [[nodiscard]] SmtpOutcome send(const std::string& from, const std::vector<std::string>& to,
                                   const std::string& message);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace meetscan::core
