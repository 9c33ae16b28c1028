#include "ui/screens/print_view.hpp"

namespace meetscan::ui {

const core::PrintJob* summaryJobFor(const PrintView& view, const std::string& attendeeId, core::TimeMs shownSince) {
    if (view.summaryJob == 0 || view.summaryAttendee != attendeeId)
        return nullptr;
    const core::PrintJob* job = core::findJob(view.snapshot, view.summaryJob);
    return job != nullptr && job->askedAt >= shownSince ? job : nullptr;
}

std::string attendeeMessage(const core::PrintJob& job) {
    using core::JobState;
    switch (job.status.state) {
    case JobState::Queued: return "Sending your summary to the printer…";
    case JobState::Printing: return "Printing your summary…";
    case JobState::Done: return "Printed — please take it from the printer";
    case JobState::OutOfPaper: return "The printer is out of paper — please ask staff";
    case JobState::PrinterOffline: return "The printer is offline — please ask staff";
    case JobState::PrinterStopped:
    case JobState::Held: return "Your summary is waiting at the printer — please ask staff";
    case JobState::Cancelled:
    case JobState::Aborted:
    case JobState::Failed: return "Sorry, printing failed — please ask staff";
    }
    return "";
}

void applyPrintCommands(const PrintCommands& commands, core::PrintWorker& worker, PrintView& view) {
    if (commands.summaryFor) {
        view.summaryJob = worker.printSummary(*commands.summaryFor);
        view.summaryAttendee = *commands.summaryFor;
    }
    if (commands.testPage)
        view.testJob = worker.printTestPage();
    if (commands.choose)
        worker.choosePrinter(*commands.choose);
    if (commands.retry)
        worker.retry(*commands.retry);
    if (commands.dismiss)
        worker.dismiss(*commands.dismiss);
    if (commands.refresh)
        worker.refreshPrinters();
    // The worker's own snapshot arrives next frame; until then, show the new job right away.
    if (commands.summaryFor || commands.testPage || commands.retry || commands.dismiss || commands.choose)
        view.snapshot = worker.snapshot();
}

} // namespace meetscan::ui
