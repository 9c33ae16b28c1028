#include "support/cups_server.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <thread>

namespace meetscan::test {

namespace {

namespace fs = std::filesystem;

constexpr const char* kCupsd = "/usr/sbin/cupsd";
constexpr const char* kCupsPdfBackend = "/usr/lib/cups/backend/cups-pdf";
constexpr const char* kCupsPdfPpd = "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd";
constexpr const char* kCupsPdfConfigDir = "/etc/cups"; // compiled into cups-pdf

void writeText(const fs::path& path, const std::string& text) {
    std::ofstream out(path);
    out << text;
}

std::atomic<int> g_queues{0};

} // namespace

std::unique_ptr<CupsServer> CupsServer::start(std::string& whyNot) {
    if (geteuid() != 0) {
        whyNot = "a private cupsd with cups-pdf needs root";
        return nullptr;
    }
    for (const char* needed : {kCupsd, kCupsPdfBackend, kCupsPdfPpd, "/usr/sbin/lpadmin", "/usr/bin/gs"}) {
        if (!fs::exists(needed)) {
            whyNot = std::string(needed) + " is not installed (cups, printer-driver-cups-pdf, ghostscript)";
            return nullptr;
        }
    }
    std::unique_ptr<CupsServer> server(new CupsServer());
    const fs::path& dir = server->m_dir.path();
    // Filters run as the unprivileged `lp` user: it must reach the spool and write temp files.
    fs::permissions(dir, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                             fs::perms::others_read | fs::perms::others_exec);
    for (const char* sub : {"conf", "spool", "cache", "state", "log", "tmp"})
        fs::create_directories(dir / sub);
    fs::permissions(dir / "tmp", fs::perms::all | fs::perms::sticky_bit);
    server->m_socket = dir / "cups.sock";
    writeText(dir / "conf" / "cupsd.conf",
              "Listen " + server->m_socket.string() +
                  "\nLogLevel info\nWebInterface No\nBrowsing Off\nDefaultShared No\n"
                  "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
                  "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n");
    writeText(dir / "conf" / "cups-files.conf",
              "ServerRoot " + (dir / "conf").string() + "\nRequestRoot " + (dir / "spool").string() +
                  "\nCacheDir " + (dir / "cache").string() + "\nStateDir " + (dir / "state").string() +
                  "\nTempDir " + (dir / "tmp").string() + "\nAccessLog " + (dir / "log" / "access_log").string() +
                  "\nErrorLog " + (dir / "log" / "error_log").string() +
                  "\nPageLog " + (dir / "log" / "page_log").string() +
                  "\nDataDir /usr/share/cups\nServerBin /usr/lib/cups\nSystemGroup root"
                  // Its own printcap: an empty value is refused by Debian 12's cups 2.4.2-3+deb12u11.
                  "\nPrintcap " + (dir / "state" / "printcap").string() + "\n");

    const pid_t pid = fork();
    if (pid < 0) {
        whyNot = "fork failed";
        return nullptr;
    }
    if (pid == 0) {
        const int log = open((dir / "log" / "cupsd.out").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (log >= 0) {
            dup2(log, STDOUT_FILENO);
            dup2(log, STDERR_FILENO);
            close(log);
        }
        const std::string conf = (dir / "conf" / "cupsd.conf").string();
        const std::string files = (dir / "conf" / "cups-files.conf").string();
        execl(kCupsd, kCupsd, "-f", "-c", conf.c_str(), "-s", files.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    server->m_pid = pid;
    for (int i = 0; i < 100; ++i) {
        if (fs::exists(server->m_socket) && server->tool({"lpstat", "-r"}).exitCode == 0)
            return server;
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid) {
            server->m_pid = -1;
            whyNot = "cupsd exited at start: " + readFile(dir / "log" / "cupsd.out") +
                     readFile(dir / "log" / "error_log");
            return nullptr;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    whyNot = "cupsd did not answer within 10 s";
    return nullptr;
}

CupsServer::~CupsServer() {
    stop();
    std::error_code ignored;
    for (const auto& config : m_pdfConfigs)
        fs::remove(config, ignored);
}

void CupsServer::stop() {
    if (m_pid <= 0)
        return;
    kill(m_pid, SIGTERM);
    int status = 0;
    for (int i = 0; i < 50; ++i) {
        if (waitpid(m_pid, &status, WNOHANG) == m_pid) {
            m_pid = -1;
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    kill(m_pid, SIGKILL);
    waitpid(m_pid, &status, 0);
    m_pid = -1;
}

std::map<std::string, std::string> CupsServer::env() const { return {{"CUPS_SERVER", m_socket.string()}}; }

ProcessResult CupsServer::tool(const std::vector<std::string>& argv) const {
    RunOptions options;
    options.env = env();
    return runProcess(argv, options);
}

fs::path CupsServer::outputDir(const std::string& name) const { return m_dir.path() / "out" / name; }

bool CupsServer::addPdfPrinter(const std::string& name, std::string& error) {
    // The instance name picks /etc/cups/cups-pdf-<instance>.conf: unique per process and queue,
    // so tests running side by side never share one.
    const std::string instance = "meetscan-test-" + std::to_string(getpid()) + "-" + std::to_string(++g_queues);
    const fs::path out = outputDir(name);
    fs::create_directories(out);
    fs::create_directories(m_dir.path() / "cups-pdf-spool");
    const fs::path config = fs::path(kCupsPdfConfigDir) / ("cups-pdf-" + instance + ".conf");
    writeText(config, "Out " + out.string() + "\nAnonDirName " + out.string() + "\nSpool " +
                          (m_dir.path() / "cups-pdf-spool").string() + "\nLog " + (m_dir.path() / "log").string() +
                          "\nLabel 1\n");
    if (!fs::exists(config)) {
        error = "cannot write " + config.string();
        return false;
    }
    m_pdfConfigs.push_back(config);
    // pdftocairo keeps the PDF's text (with its Unicode mapping) through the PostScript step
    // cups-pdf needs, so pdftotext can read the printed page back. The other renderers cannot:
    // ghostscript's ps2write ("gs", and "hybrid", Debian's default) rasterises every page cairo
    // writes, since cairo makes each page a transparency group, and poppler's "pdftops" drops the
    // Unicode mapping of the CJK fonts.
    auto added = tool({"lpadmin", "-p", name, "-E", "-v", "cups-pdf:/" + instance, "-P", kCupsPdfPpd, "-o",
                       "pdftops-renderer-default=pdftocairo"});
    if (added.exitCode != 0) {
        error = "lpadmin: " + added.err;
        return false;
    }
    return true;
}

fs::path CupsServer::waitForPdf(const std::string& name, int jobId, std::chrono::milliseconds timeout) const {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    // cups-pdf labels files "job_N-title.pdf" or "title-job_N.pdf", depending on its version.
    const std::string prefix = "job_" + std::to_string(jobId) + "-";
    const std::string suffix = "-job_" + std::to_string(jobId) + ".pdf";
    const fs::path dir = outputDir(name);
    while (std::chrono::steady_clock::now() < deadline) {
        std::error_code error;
        for (const auto& entry : fs::directory_iterator(dir, error)) {
            const std::string file = entry.path().filename().string();
            const bool labelled = file.rfind(prefix, 0) == 0 ||
                                  (file.size() > suffix.size() && file.compare(file.size() - suffix.size(), suffix.size(), suffix) == 0);
            if (labelled && entry.path().extension() == ".pdf")
                return entry.path();
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return {};
}

} // namespace meetscan::test
