#pragma once
// The one door to libcups. Every call goes to the print service the environment names
// (CUPS_SERVER, else client.conf, else the local socket) through CUPS_HTTP_DEFAULT, whose
// connection libcups keeps per thread, so each thread that prints may call these freely.
// Failures come back as values saying what and where: "cannot reach the print service at
// /run/cups/cups.sock: ...", "printer \"x\" does not exist".
#include "core/print/print_status.hpp"
#include "meetscan/scanner/expected.hpp"

#include <string>
#include <utility>
#include <vector>

namespace meetscan::core {

using PrintOptions = std::vector<std::pair<std::string, std::string>>; // CUPS job options (media=A4, ...)

// Every destination, the default one flagged. No print service is an error; no printers is not.
[[nodiscard]] Expected<std::vector<PrinterInfo>> listPrinters();
// The default destination's name (lpoptions -d, then the server's default); empty when none.
[[nodiscard]] Expected<std::string> defaultPrinter();
// Fresh state of one printer (Get-Printer-Attributes).
[[nodiscard]] Expected<PrinterInfo> printerInfo(const std::string& name);

// Sends a PDF as a new job and returns its CUPS job id.
[[nodiscard]] Expected<int> submitPdf(const std::string& printer, const std::string& title, const std::string& pdf,
                                      const PrintOptions& options);
// The job's state together with its printer's (Get-Job-Attributes + Get-Printer-Attributes).
[[nodiscard]] Expected<JobStatus> jobStatus(const std::string& printer, int jobId);
Status cancelJob(const std::string& printer, int jobId);

// Where the print service is, for messages: "/tmp/x/cups.sock", "localhost:631".
[[nodiscard]] std::string printServer();

} // namespace meetscan::core
