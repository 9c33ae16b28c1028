#include "support/pg_server.hpp"

#include "support/temp_dir.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <system_error>

namespace meetscan::test {

namespace {

const std::filesystem::path kBin = "/usr/lib/postgresql/15/bin";

int freeLoopbackPort() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    int port = 0;
    if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    close(fd);
    return port;
}

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    return text;
}

} // namespace

ProcessResult PgServer::asPostgres(std::vector<std::string> argv) const {
    if (geteuid() == 0)
        argv.insert(argv.begin(), {"runuser", "-u", "postgres", "--"});
    RunOptions options;
    options.workingDir = m_root.string(); // postgres cannot read the caller's folder
    return runProcess(argv, options);
}

std::unique_ptr<PgServer> PgServer::create(std::string& whyNot) {
    if (!std::filesystem::exists(kBin / "initdb") || !std::filesystem::exists(kBin / "pg_ctl")) {
        whyNot = "PostgreSQL server binaries not installed (" + kBin.string() + ")";
        return nullptr;
    }
    std::unique_ptr<PgServer> server(new PgServer());
    std::string pattern = (std::filesystem::temp_directory_path() / "meetscan-pg-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
        whyNot = "cannot create a temporary folder";
        return nullptr;
    }
    server->m_root = pattern;
    if (geteuid() == 0) {
        const passwd* user = getpwnam("postgres");
        if (user == nullptr || chown(pattern.c_str(), user->pw_uid, user->pw_gid) != 0) {
            whyNot = "running as root, and there is no `postgres` user to run the server as";
            return nullptr;
        }
    }
    server->m_port = freeLoopbackPort();
    // Over the unix socket the tests' admin needs no password; over TCP every role needs its own,
    // so a station login is tested with the password it was given.
    const auto passwordFile = server->m_root / "pwfile";
    std::ofstream(passwordFile) << kAdminPassword << '\n';
    if (geteuid() == 0) {
        const passwd* user = getpwnam("postgres");
        if (user == nullptr || chown(passwordFile.c_str(), user->pw_uid, user->pw_gid) != 0) {
            whyNot = "cannot hand the password file to the postgres user";
            return nullptr;
        }
    }
    auto init = server->asPostgres({(kBin / "initdb").string(), "-D", (server->m_root / "data").string(),
                                    "--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile",
                                    passwordFile.string(), "-U", "postgres", "-E", "UTF8", "--no-sync",
                                    "--no-instructions"});
    if (init.exitCode != 0) {
        whyNot = "initdb failed: " + init.err;
        return nullptr;
    }
    if (!server->start()) {
        whyNot = "the test cluster did not start: " + readFile(server->m_root / "server.log");
        return nullptr;
    }
    auto created = server->psql("CREATE DATABASE meetscan", "postgres");
    if (created.exitCode != 0) {
        whyNot = "CREATE DATABASE failed: " + created.err;
        return nullptr;
    }
    return server;
}

PgServer::~PgServer() {
    if (m_root.empty())
        return;
    asPostgres({(kBin / "pg_ctl").string(), "-D", (m_root / "data").string(), "-m", "immediate", "-w", "stop"});
    std::error_code ignored;
    std::filesystem::remove_all(m_root, ignored);
}

std::string PgServer::conninfo() const { return conninfo("meetscan"); }

std::string PgServer::conninfo(const std::string& database) const {
    return fmt::format("host={} port={} dbname={} user=postgres", m_root.string(), m_port, database);
}

std::string PgServer::freshDatabase(const std::string& name) {
    auto created = psql(fmt::format("CREATE DATABASE \"{}\"", name), "postgres");
    if (created.exitCode != 0)
        throw std::runtime_error("CREATE DATABASE failed: " + created.err);
    return conninfo(name);
}

std::string PgServer::uri() const {
    return fmt::format("postgresql://postgres:{}@127.0.0.1:{}/meetscan", kAdminPassword, m_port);
}

std::string PgServer::tcpAddress(const std::string& database) const {
    return fmt::format("host=127.0.0.1 port={} dbname={}", m_port, database);
}

bool PgServer::start() {
    // fsync off: the cluster lives for one test; durability is the station's job here.
    const std::string options = fmt::format("-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off "
                                            "-c synchronous_commit=off -c max_connections=60",
                                            m_port, m_root.string());
    auto started = asPostgres({(kBin / "pg_ctl").string(), "-D", (m_root / "data").string(), "-l",
                               (m_root / "server.log").string(), "-o", options, "-w", "-t", "60", "start"});
    return started.exitCode == 0;
}

bool PgServer::stop() {
    auto stopped = asPostgres({(kBin / "pg_ctl").string(), "-D", (m_root / "data").string(), "-m", "fast", "-w", "stop"});
    return stopped.exitCode == 0;
}

ProcessResult PgServer::psql(const std::string& sql, const std::string& database) const {
    return runProcess({"psql", "-X", "-At", "-v", "ON_ERROR_STOP=1", "-h", m_root.string(), "-p",
                       std::to_string(m_port), "-U", "postgres", "-d", database, "-c", sql});
}

std::string PgServer::scalar(const std::string& sql, const std::string& database) const {
    return trimmed(psql(sql, database).out);
}

int PgServer::cutSyncConnections() const {
    const auto cut = scalar("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
                            "WHERE application_name = 'meetscan-sync'");
    return cut.empty() ? 0 : std::atoi(cut.c_str());
}

} // namespace meetscan::test
