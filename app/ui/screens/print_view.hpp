#pragma once
// What the screens see of printing and what they may ask of it. The kiosk runner owns the
// core::PrintWorker; screens read its snapshot (copied once per frame) and set PrintCommands,
// which the runner carries out after the frame, so no screen waits on CUPS.
#include "core/print/print_worker.hpp"

#include <optional>
#include <string>

namespace meetscan::ui {

struct PrintCommands {
    std::optional<std::string> summaryFor; // print this attendee's summary
    bool testPage = false;
    std::optional<core::PrinterChoice> choose;
    std::optional<int> retry;
    std::optional<int> dismiss;
    bool refresh = false;
};

struct PrintView {
    core::PrintSnapshot snapshot;
    int summaryJob = 0;           // the job the Summary screen started (0: none)
    std::string summaryAttendee;  // whose summary that job prints
    int testJob = 0;              // the admin panel's last test page
    bool choosingPrinter = false; // the printer panel covers the admin panel
};

// The Summary screen's job, when it is this attendee's and was asked for on this showing.
[[nodiscard]] const core::PrintJob* summaryJobFor(const PrintView& view, const std::string& attendeeId,
                                                  core::TimeMs shownSince);
// "Printing your summary…", "Printer out of paper — please ask staff", ... for attendees.
[[nodiscard]] std::string attendeeMessage(const core::PrintJob& job);

// Carries out the frame's print commands; the runner calls it once per frame.
void applyPrintCommands(const PrintCommands& commands, core::PrintWorker& worker, PrintView& view);

} // namespace meetscan::ui
