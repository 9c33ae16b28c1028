#pragma once
// `meetscan report` as PDF pages: the event at a glance for the organiser's team, and one
// page for a sponsor. Charts are drawn (chart_canvas.hpp) from the counts of event_report.hpp;
// no attendee is named on any page.
#include "core/report/event_report.hpp"

#include <string>
#include <string_view>

namespace meetscan::core {

struct ReportPaper {
    double width = 595.28; // A4
    double height = 841.89;
};

// The event's `paper` setting (a4 | letter); A4 for anything else.
[[nodiscard]] ReportPaper reportPaperFor(std::string_view paperSetting);

[[nodiscard]] Expected<std::string> eventReportPdf(const EventReport& report, ReportPaper paper);
[[nodiscard]] Expected<std::string> exhibitorReportPdf(const ExhibitorReport& report, ReportPaper paper);

} // namespace meetscan::core
