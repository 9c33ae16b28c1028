#include "core/print/print_status.hpp"

#include <algorithm>

namespace meetscan::core {

namespace {

// printer-state-reasons keywords carry a severity suffix (RFC 8011 5.4.12); "media-empty-error"
// and "media-empty" mean the same to the person at the kiosk.
std::string_view withoutSeverity(std::string_view reason) {
    for (std::string_view suffix : {"-error", "-warning", "-report"}) {
        if (reason.size() > suffix.size() && reason.substr(reason.size() - suffix.size()) == suffix)
            return reason.substr(0, reason.size() - suffix.size());
    }
    return reason;
}

bool hasReason(const std::vector<std::string>& reasons, std::initializer_list<std::string_view> wanted) {
    return std::any_of(reasons.begin(), reasons.end(), [&](const std::string& reason) {
        const auto bare = withoutSeverity(reason);
        return std::find(wanted.begin(), wanted.end(), bare) != wanted.end();
    });
}

std::string withMessage(std::string text, const std::string& message) {
    if (!message.empty())
        text += " (" + message + ")";
    return text;
}

} // namespace

std::string_view toString(JobState state) {
    switch (state) {
    case JobState::Queued: return "queued";
    case JobState::Printing: return "printing";
    case JobState::Done: return "done";
    case JobState::Held: return "held";
    case JobState::PrinterStopped: return "printer stopped";
    case JobState::PrinterOffline: return "printer offline";
    case JobState::OutOfPaper: return "out of paper";
    case JobState::Cancelled: return "cancelled";
    case JobState::Aborted: return "aborted";
    case JobState::Failed: return "failed";
    }
    return "failed";
}

bool isFinal(JobState state) {
    return state == JobState::Done || state == JobState::Cancelled || state == JobState::Aborted ||
           state == JobState::Failed;
}

bool needsAttention(JobState state) {
    return state != JobState::Queued && state != JobState::Printing && state != JobState::Done;
}

PrinterCondition conditionOf(const PrinterInfo& printer) {
    // Paper first: a printer that stopped because it ran out says both, and paper is the fix.
    if (hasReason(printer.reasons, {"media-empty", "media-needed"}))
        return PrinterCondition::OutOfPaper;
    if (hasReason(printer.reasons, {"offline", "shutdown", "timed-out", "connecting-to-device"}) &&
        printer.ippState != 4)
        return PrinterCondition::Offline;
    if (printer.ippState == 5 || hasReason(printer.reasons, {"paused"}))
        return PrinterCondition::Stopped;
    if (!printer.accepting)
        return PrinterCondition::NotAccepting;
    if (printer.ippState == 4)
        return PrinterCondition::Printing;
    return PrinterCondition::Ready;
}

std::string describePrinter(const PrinterInfo& printer) {
    switch (conditionOf(printer)) {
    case PrinterCondition::Ready: return "ready";
    case PrinterCondition::Printing: return "printing";
    case PrinterCondition::OutOfPaper: return "out of paper";
    case PrinterCondition::Offline: return withMessage("offline", printer.message);
    case PrinterCondition::Stopped: return withMessage("stopped", printer.message);
    case PrinterCondition::NotAccepting: return withMessage("not accepting jobs", printer.message);
    }
    return "ready";
}

JobStatus jobStatusOf(int ippJobState, const std::vector<std::string>& jobReasons, const std::string& jobMessage,
                      const PrinterInfo& printer) {
    const std::string& name = printer.name;
    switch (ippJobState) {
    case 9: return {JobState::Done, "printed on " + name};
    case 7: return {JobState::Cancelled, withMessage("cancelled on " + name, jobMessage)};
    case 8: return {JobState::Aborted, withMessage("aborted by the print service on " + name, jobMessage)};
    case 4:
        return {JobState::Held, hasReason(jobReasons, {"job-hold-until-specified"})
                                    ? "held on " + name + " until staff release it"
                                    : withMessage("held on " + name, jobMessage)};
    default: break;
    }
    // Pending (3), processing (5) or stopped (6): the printer's own trouble is the news.
    switch (conditionOf(printer)) {
    case PrinterCondition::OutOfPaper: return {JobState::OutOfPaper, name + " is out of paper"};
    case PrinterCondition::Offline: return {JobState::PrinterOffline, withMessage(name + " is offline", printer.message)};
    case PrinterCondition::Stopped:
        return {JobState::PrinterStopped, withMessage("printer " + name + " is stopped", printer.message)};
    default: break;
    }
    if (ippJobState == 6)
        return {JobState::PrinterStopped, withMessage("the job stopped on " + name, jobMessage)};
    if (ippJobState == 5)
        return {JobState::Printing, "printing on " + name};
    return {JobState::Queued, "queued on " + name};
}

} // namespace meetscan::core
