#include "cli/commands.hpp"

#include "cli/interrupt_scope.hpp"
#include "core/domain/local_time.hpp"

#include "core/export/lead_columns.hpp"
#include "core/export/lead_list_csv.hpp"
#include "core/export/lead_list_xlsx.hpp"
#include "core/export/packet_writer.hpp"

#include <fmt/core.h>

#include <memory>
#include <string>
#include <vector>

namespace meetscan::cli {

namespace {

struct LeadOptions {
    std::string exhibitor;
    std::string format;
    std::string preset = "plain";
    std::string delimiter = ",";
    std::string out;
    std::string server;
};

// The event's zone for the lead list's times; one warning, and UTC, for a setting that no
// longer loads (the headers then say UTC, so no time is ambiguous).
core::TimeZone eventZone(core::Store& store) {
    auto zone = core::TimeZone::forSetting(store.events().event().settings.timeZone);
    if (zone)
        return std::move(zone).value();
    fmt::print(stderr, "meetscan: warning: time_zone setting: {}; times are in UTC\n", zone.error().message);
    return {};
}

void exportLeads(CliContext& context, const LeadOptions& options) {
    const auto preset = core::parseLeadPreset(options.preset);
    if (!preset)
        throw CliError::badInput(fmt::format("--preset: '{}' is not plain, salesforce or hubspot", options.preset));
    if (options.delimiter != "," && options.delimiter != ";")
        throw CliError::badInput(fmt::format("--delimiter: '{}' is not ',' or ';'", options.delimiter));
    auto& store = context.storeOrServer(options.server);
    auto list = orThrow(core::collectLeadList(store, options.exhibitor));
    const auto table = core::leadTable(list, *preset, eventZone(store));
    const auto status = options.format == "xlsx" ? core::writeLeadListXlsx(table, options.out)
                                                 : core::writeLeadListCsv(table, options.out, options.delimiter[0]);
    if (!status)
        throw CliError::from(status.error());
    fmt::print("{} leads of {} written to {}\n", table.rows.size(), list.exhibitor.name, options.out);
}

struct PacketOptions {
    std::string out;
    bool zip = false;
    std::vector<std::string> attendees;
    unsigned threads = 0;
    std::string server;
};

void exportPackets(CliContext& context, const PacketOptions& options) {
    core::PacketExportOptions run;
    run.outDir = options.out;
    run.zip = options.zip;
    run.attendees = options.attendees;
    run.threads = options.threads;
    // Counts what the summary counts: attendees examined, and packets written for them.
    run.progress = [](const core::PacketProgress& at) {
        fmt::print(stderr, "attendees examined: {}/{} ({}%), packets written: {}\n", at.examined, at.total,
                   at.total == 0 ? 100 : at.examined * 100 / at.total, at.written);
    };
    auto& store = context.storeOrServer(options.server);
    if (options.attendees.empty())
        fmt::print(stderr, "packets: every attendee with at least one connection or booth visit\n");
    const InterruptScope interrupt;
    run.stop = &interrupt.flag();
    const auto summary = orThrow(core::exportPackets(store, run));
    for (const auto& warning : summary.warnings)
        fmt::print(stderr, "meetscan: warning: {}\n", warning);
    if (summary.interrupted)
        throw CliError(130, fmt::format("interrupted: {} packets written this run; index.csv lists the {} complete "
                                        "packets in {}",
                                        summary.written, summary.listed, options.out));
    fmt::print("attendees examined: {}, packets written: {} to {}{} (index.csv lists the {} there)\n",
               summary.considered, summary.written, options.out,
               summary.removed == 0 ? "" : fmt::format(", {} earlier packets removed", summary.removed),
               summary.listed);
}

void addPacketsCommand(CLI::App& exportApp, CliContext& context) {
    auto options = std::make_shared<PacketOptions>();
    auto* command = exportApp.add_subcommand("packets", "A follow-up packet per attendee: PDF, vCards, CSV, JSON");
    command->add_option("--out", options->out, "Output folder (created when missing)")->required();
    command->add_flag("--zip", options->zip, "One DIR/<folder>.zip per attendee instead of a folder");
    command->add_option("--attendee", options->attendees,
                        "Only this attendee (id, badge code or e-mail; repeatable). Default: everyone with at "
                        "least one connection or booth visit");
    command->add_option("--threads", options->threads, "Worker threads (default: every core)");
    command->add_option("--server", options->server, "Export the whole event from this sync server (conninfo or URI)");
    command->footer("Packets are built under *.tmp names and swapped in when complete, so a re-export never leaves a "
                    "packet missing; Ctrl-C stops after the packets in progress (exit 130). index.csv always lists "
                    "exactly the packets in DIR: erased people's go, and a whole-event run also removes the "
                    "packets of people who now have nothing to show. Nothing else in DIR is touched.");
    command->callback([&context, options] { exportPackets(context, *options); });
}

void addLeadsCommand(CLI::App& exportApp, CliContext& context) {
    auto options = std::make_shared<LeadOptions>();
    auto* command = exportApp.add_subcommand("leads", "One exhibitor's leads as CSV or XLSX, ready for a CRM import");
    command->add_option("--exhibitor", options->exhibitor, "Exhibitor id (see `exhibitors list`)")->required();
    command->add_option("--format", options->format, "csv | xlsx")
        ->required()
        ->check(CLI::IsMember({"csv", "xlsx"}));
    command->add_option("--preset", options->preset, "Column names: plain | salesforce | hubspot (default plain)");
    command->add_option("--delimiter", options->delimiter, "CSV field separator: ',' (default) or ';'");
    command->add_option("--out", options->out, "Output file; written whole or not at all")->required();
    command->add_option("--server", options->server, "Export the whole event from this sync server (conninfo or URI)");
    command->footer("Times are in the event's time zone (init --time-zone), which the time columns' headers name; a "
                    "CSV time also carries its UTC offset and an XLSX time is a date-time cell. CSV cells starting "
                    "with = + - @ tab CR or LF get a leading ' so no spreadsheet runs them as formulas, except phone "
                    "numbers (+44 20 7946 0958), which CRMs then import unchanged.");
    command->callback([&context, options] { exportLeads(context, *options); });
}

} // namespace

void addExportCommands(CLI::App& app, CliContext& context) {
    auto* exportApp = app.add_subcommand("export", "Lead lists and follow-up packets");
    exportApp->require_subcommand(1);
    addLeadsCommand(*exportApp, context);
    addPacketsCommand(*exportApp, context);
}

} // namespace meetscan::cli
