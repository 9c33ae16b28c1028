// meetscan report --out FILE.pdf [--exhibitor ID] [--server URL]
#include "cli/commands.hpp"

#include "core/export/atomic_file.hpp"
#include "core/report/report_pdf.hpp"

#include <fmt/core.h>

namespace meetscan::cli {

namespace {

struct ReportOptions {
    std::string out;
    std::string exhibitor;
    std::string server;
};

void writeReport(CliContext& context, const ReportOptions& options) {
    auto& store = context.storeOrServer(options.server);
    const core::ReportPaper paper = core::reportPaperFor(store.events().event().settings.paper);
    const core::TimeMs now = core::nowMs();
    std::string pdf;
    std::string what;
    if (options.exhibitor.empty()) {
        pdf = orThrow(core::eventReportPdf(orThrow(core::collectEventReport(store, now)), paper));
        what = "the event's report";
    } else {
        const auto report = orThrow(core::collectExhibitorReport(store, options.exhibitor, now));
        pdf = orThrow(core::exhibitorReportPdf(report, paper));
        what = fmt::format("the report for {}", report.exhibitorName);
    }
    orThrow(core::writeFileAtomically(options.out, pdf));
    fmt::print("{} written to {}\n", what, options.out);
}

} // namespace

void addReportCommand(CLI::App& app, CliContext& context) {
    auto options = std::make_shared<ReportOptions>();
    auto* command = app.add_subcommand("report", "The event at a glance as a PDF of charts, or one page for a sponsor");
    command->add_option("--out", options->out, "The PDF to write (written whole or not at all)")->required();
    command->add_option("--exhibitor", options->exhibitor,
                        "One page for this exhibitor: their leads over time, by rating, tag and answer, against the "
                        "event's median booth");
    command->add_option("--server", options->server, "The whole event from this sync server (conninfo or URI)");
    command->footer("The event's report: scans per hour for each station, the busiest hours, badges turned away, "
                    "leads per exhibitor by rating and connections per attendee. Counts only: no attendee is named. "
                    "Run it on one station, on a merged database, or with --server for the whole event.\n\n"
                    "Examples:\n"
                    "  meetscan report --out summit-report.pdf\n"
                    "  meetscan report --exhibitor acme --out acme.pdf");
    command->callback([&context, options] { writeReport(context, *options); });
}

} // namespace meetscan::cli
