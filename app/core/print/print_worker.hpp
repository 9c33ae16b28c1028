#pragma once
// The kiosk's printing, on its own thread (std::jthread) with its own Store: rendering a PDF,
// talking to CUPS and waiting on a printer never touch the UI thread. The UI asks with
// printSummary / printTestPage / retry and reads a snapshot each frame. A job that fails is
// kept, with its error, until staff retry or dismiss it: nothing is lost silently.
#include "core/print/cups_client.hpp"
#include "core/print/print_document.hpp"
#include "core/print/printer_choice.hpp"
#include "core/print/print_status.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace meetscan::core {

enum class PrintKind { Summary, TestPage };

struct PrintJob {
    int id = 0;             // this worker's number, stable across retries
    PrintKind kind = PrintKind::Summary;
    std::string attendeeId; // Summary
    std::string label;      // "Summary for Ana Silva", "Test page"
    std::string printer;    // where it went; empty until it was sent
    int cupsJobId = 0;      // 0 until CUPS accepted it
    JobStatus status;
    int attempts = 0;
    TimeMs askedAt = 0;
    TimeMs updatedAt = 0;
};

struct PrintSnapshot {
    std::vector<PrinterInfo> printers;
    std::string serviceError;  // the print service cannot be reached; empty when it can
    PrinterChoice choice;      // this station's saved choice
    std::string activePrinter; // the choice, else the CUPS default; empty when there is none
    Paper paper = Paper::A4;   // what a summary prints on
    std::vector<PrintJob> jobs; // newest first: unfinished and failed ones, and the last few done
    bool listed = false;       // the printers were asked for at least once
};

[[nodiscard]] const PrintJob* findJob(const PrintSnapshot& snapshot, int id);
[[nodiscard]] const PrinterInfo* findPrinter(const PrintSnapshot& snapshot, const std::string& name);

class PrintWorker {
public:
    static Expected<std::unique_ptr<PrintWorker>> start(const std::filesystem::path& databasePath);
    ~PrintWorker(); // stops polling and joins; jobs already sent stay with CUPS
    PrintWorker(const PrintWorker&) = delete;
    PrintWorker& operator=(const PrintWorker&) = delete;

    // Each returns the job's id at once; its progress shows in snapshot().jobs.
    int printSummary(const std::string& attendeeId);
    int printTestPage();
    void retry(int jobId);   // a failed, aborted or cancelled job, sent again as a new CUPS job
    void dismiss(int jobId); // staff saw it; forget it
    void choosePrinter(const PrinterChoice& choice); // saved in the station's database
    void refreshPrinters();

    [[nodiscard]] PrintSnapshot snapshot() const;

    struct Impl;

private:
    explicit PrintWorker(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace meetscan::core
