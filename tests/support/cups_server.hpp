#pragma once
// A private CUPS scheduler for tests: its own cupsd.conf and cups-files.conf in a temporary
// directory, listening on a Unix socket there (CUPS_SERVER=<socket> points clients at it), so
// tests never touch or need the machine's own cupsd. Printers are cups-pdf queues whose PDFs
// land in a folder of the test's (cups-pdf reads /etc/cups/cups-pdf-<instance>.conf, a path
// compiled into it; each queue gets a uniquely named one there, removed again on stop).
// Needs root (cups-pdf refuses to run otherwise), cupsd and printer-driver-cups-pdf: tests
// GTEST_SKIP with the reason from start() when any is missing.
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace meetscan::test {

class CupsServer {
public:
    // Starts cupsd and waits until it answers; nullptr with `whyNot` filled when it cannot.
    static std::unique_ptr<CupsServer> start(std::string& whyNot);
    ~CupsServer(); // stops cupsd, removes its directory and the cups-pdf configurations it wrote
    CupsServer(const CupsServer&) = delete;
    CupsServer& operator=(const CupsServer&) = delete;

    [[nodiscard]] const std::filesystem::path& socket() const { return m_socket; }
    // {"CUPS_SERVER": socket}, for RunOptions::env of the processes under test.
    [[nodiscard]] std::map<std::string, std::string> env() const;

    // Adds an enabled, accepting cups-pdf queue; returns false with `error` filled when lpadmin fails.
    bool addPdfPrinter(const std::string& name, std::string& error);
    [[nodiscard]] std::filesystem::path outputDir(const std::string& name) const;
    // The PDF cups-pdf wrote for job `jobId` of queue `name`, waiting for it up to `timeout`;
    // empty when none came.
    [[nodiscard]] std::filesystem::path waitForPdf(const std::string& name, int jobId,
                                                   std::chrono::milliseconds timeout = std::chrono::seconds(30)) const;

    // Runs a CUPS admin tool (lpadmin, cupsdisable, lp, lpstat, cancel...) against this server.
    ProcessResult tool(const std::vector<std::string>& argv) const;

    // Stops cupsd now (for "the print service went away" tests); the destructor cleans up.
    void stop();

private:
    CupsServer() = default;

    TempDir m_dir;
    std::filesystem::path m_socket;
    pid_t m_pid = -1;
    std::vector<std::filesystem::path> m_pdfConfigs;
};

} // namespace meetscan::test
