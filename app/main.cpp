// meetscan: wires the subcommands together and turns failures into one stderr line and an exit code.
#include "cli/commands.hpp"

#include <fmt/core.h>

#include <exception>
#include <string_view>
#include <utility>

namespace {

constexpr const char* kExamples = R"(Examples:
  meetscan demo                                          a demo event on this screen
  export MEETSCAN_DB=~/events/summit.db                  or --db PATH on every command
  meetscan init --event "Open Source Summit"             the event's office database
  meetscan import roster pretix-orders.csv               says which column fed each field
  meetscan station add --name "Lounge 1" --mode meet --out lounge-1.pack
  meetscan --db kiosk.db init --join lounge-1.pack       on the kiosk, then: meetscan --db kiosk.db kiosk
  meetscan merge lounge-1.db && meetscan send packets --dry-run preview/
  meetscan report --out report.pdf                       the event at a glance, in charts
Each command's options and examples: meetscan COMMAND --help. Exit status: 0 done, 2 bad usage or
input, 1 the world failed (disk, camera, printer, network).)";

// Each command's place in the week of an event; --help lists the groups in this order.
constexpr std::pair<std::string_view, std::string_view> kGroups[] = {
    {"demo", "Try it"},
    {"init", "Set up, at the office"},
    {"import", "Set up, at the office"},
    {"attendees", "Set up, at the office"},
    {"exhibitors", "Set up, at the office"},
    {"keys", "Set up, at the office"},
    {"badges", "Set up, at the office"},
    {"station", "Set up, at the office"},
    {"server", "Set up, at the office"},
    {"admin", "Set up, on each kiosk"},
    {"doctor", "Set up, on each kiosk"},
    {"kiosk", "Run the event"},
    {"scan", "Run the event"},
    {"print", "Run the event"},
    {"sync", "Run the event"},
    {"merge", "After the event"},
    {"stats", "After the event"},
    {"export", "After the event"},
    {"send", "After the event"},
    {"report", "After the event"},
    {"erase", "After the event"},
    {"purge", "After the event"},
    {"badge", "Look inside"},
    {"decode", "Look inside"},
};

void groupCommands(CLI::App& app) {
    for (const auto& [name, group] : kGroups)
        app.get_subcommand(std::string(name))->group(std::string(group));
}

} // namespace

int main(int argc, char** argv) {
    using namespace meetscan::cli;
    CLI::App app{"MeetScan: conference kiosk for badge scanning, connections and leads", "meetscan"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "meetscan 0.1.0");
    CliContext context;
    app.add_option("--db", context.dbOption,
                   "Event database (default: $MEETSCAN_DB, else $XDG_DATA_HOME/meetscan/meetscan.db)");

    // In the order of an event, so that --help reads as the organiser's week: set up, run, after.
    addDemoCommand(app);
    addInitCommand(app, context);
    addImportCommands(app, context);
    addListCommands(app, context);
    addKeysCommand(app, context);
    addBadgesCommand(app, context);
    addStationCommands(app, context);
    addServerCommand(app);
    addAdminCommand(app, context);
    addDoctorCommand(app, context);
    addKioskCommand(app, context);
    addScanCommand(app, context);
    addPrintCommands(app, context);
    addSyncCommand(app, context);
    addMergeCommand(app, context);
    addStatsCommand(app, context);
    addExportCommands(app, context);
    addSendCommands(app, context);
    addReportCommand(app, context);
    addEraseCommand(app, context);
    addPurgeCommand(app, context);
    addBadgeCommand(app, context);
    addDecodeCommand(app, context);
    groupCommands(app);
    app.footer(kExamples);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        fmt::print(stderr, "meetscan: error: {}\n", e.what());
        return 2;
    } catch (const CliError& e) {
        fmt::print(stderr, "meetscan: error: {}\n", e.what());
        return e.exitCode();
    } catch (const std::exception& e) {
        fmt::print(stderr, "meetscan: error: {}\n", e.what());
        return 1;
    }
    return 0;
}
