#pragma once
// What a print job and a printer are doing, in the words staff and attendees read. CUPS's raw
// states (IPP job-state, printer-state, printer-state-reasons) are turned into these in one
// place, so the command line and the kiosk say the same thing about the same job.
#include <string>
#include <string_view>
#include <vector>

namespace meetscan::core {

enum class JobState {
    Queued,         // accepted by CUPS, waiting for its turn
    Printing,
    Done,
    Held,           // job-hold-until, or held by staff: prints only when released
    PrinterStopped, // the queue is paused (cupsdisable) or stopped on an error
    PrinterOffline,
    OutOfPaper,
    Cancelled,
    Aborted,        // CUPS gave up on it (filter or backend failure)
    Failed,         // never reached a printer: no print service, no such printer, nothing to print
};
[[nodiscard]] std::string_view toString(JobState state);
// Done, Cancelled, Aborted and Failed: nothing more will happen to the job by itself.
[[nodiscard]] bool isFinal(JobState state);
// Anything a person has to act on: every state but Queued, Printing and Done.
[[nodiscard]] bool needsAttention(JobState state);

struct JobStatus {
    JobState state = JobState::Queued;
    std::string message; // one line for people: what happened and, when stuck, what to do
};

// One CUPS destination as cupsGetDests2 / Get-Printer-Attributes describe it.
struct PrinterInfo {
    std::string name;
    std::string info;     // printer-info, the description staff gave it
    std::string location;
    std::string model;    // printer-make-and-model
    bool isDefault = false;
    bool accepting = true; // printer-is-accepting-jobs
    int ippState = 3;      // printer-state: 3 idle, 4 processing, 5 stopped
    std::vector<std::string> reasons; // printer-state-reasons, "none" left out
    std::string message;   // printer-state-message
};

enum class PrinterCondition { Ready, Printing, Stopped, Offline, OutOfPaper, NotAccepting };
[[nodiscard]] PrinterCondition conditionOf(const PrinterInfo& printer);
// "ready", "out of paper", "stopped: <CUPS's message>", ...
[[nodiscard]] std::string describePrinter(const PrinterInfo& printer);

// A job's state as the job and its printer report it. `ippJobState` is IPP job-state (3 pending
// .. 9 completed); `jobMessage` is job-printer-state-message or job-state-message when CUPS
// gave one.
[[nodiscard]] JobStatus jobStatusOf(int ippJobState, const std::vector<std::string>& jobReasons,
                                    const std::string& jobMessage, const PrinterInfo& printer);

} // namespace meetscan::core
