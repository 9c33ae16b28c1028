#pragma once
// A throw-away PostgreSQL cluster for sync tests: initdb in a temporary folder, a free loopback
// port, its unix socket in that folder, removed with everything when the object goes away. As
// root (the CI runs tests as root, and postgres refuses root) it runs as the `postgres` user.
#include "support/run_process.hpp"

#include <filesystem>
#include <memory>
#include <string>

namespace meetscan::test {

class PgServer {
public:
    // Null, with the reason in `whyNot`, when PostgreSQL's server binaries are not installed or
    // the cluster cannot start; tests then fail (deploy/install-deps.sh installs PostgreSQL).
    static std::unique_ptr<PgServer> create(std::string& whyNot);
    ~PgServer();
    PgServer(const PgServer&) = delete;
    PgServer& operator=(const PgServer&) = delete;

    // libpq conninfo over the unix socket, and the same server as a postgresql:// URI over TCP.
    [[nodiscard]] std::string conninfo() const;
    [[nodiscard]] std::string uri() const;
    // The cluster over TCP, where a password is checked, without user or password.
    [[nodiscard]] std::string tcpAddress(const std::string& database) const;
    static constexpr const char* kAdminPassword = "admin-secret";

    bool stop();  // fast shutdown: open connections are cut
    bool start(); // again, same port and data

    // A new empty database on this cluster, so tests sharing one cluster do not see each
    // other's rows; returns its conninfo.
    [[nodiscard]] std::string freshDatabase(const std::string& name);
    [[nodiscard]] std::string conninfo(const std::string& database) const;

    // Runs SQL with psql (-At: unaligned, tuples only, `|` between columns).
    [[nodiscard]] ProcessResult psql(const std::string& sql, const std::string& database = "meetscan") const;
    // The trimmed output of a one-value query.
    [[nodiscard]] std::string scalar(const std::string& sql, const std::string& database = "meetscan") const;
    // Cuts every connection a station made (application_name meetscan-sync); how many.
    int cutSyncConnections() const;

private:
    PgServer() = default;
    ProcessResult asPostgres(std::vector<std::string> argv) const;

    std::filesystem::path m_root;
    int m_port = 0;
};

} // namespace meetscan::test
