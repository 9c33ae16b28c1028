// meetscan: wires the subcommands together and turns failures into one stderr line and an exit code.
#include "cli/commands.hpp"

#include <fmt/core.h>

#include <exception>

int main(int argc, char** argv) {
    using namespace meetscan::cli;
    CLI::App app{"MeetScan: conference kiosk for badge scanning, connections and leads", "meetscan"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "meetscan 0.1.0");
    CliContext context;
    app.add_option("--db", context.dbOption,
                   "Event database (default: $MEETSCAN_DB, else $XDG_DATA_HOME/meetscan/meetscan.db)");

    addInitCommand(app, context);
    addStationCommands(app, context);
    addImportCommands(app, context);
    addListCommands(app, context);
    addStatsCommand(app, context);
    addEraseCommand(app, context);
    addKeysCommand(app, context);
    addBadgeCommand(app, context);
    addScanCommand(app, context);
    addKioskCommands(app, context);
    addDecodeCommand(app, context);
    addExportCommands(app, context);
    addSendCommands(app, context);
    addMergeCommand(app, context);
    addSyncCommands(app, context);
    addBadgesCommand(app, context);
    addDoctorCommand(app, context);
    addPurgeCommand(app, context);
    addAdminCommand(app, context);
    addPrintCommands(app, context);

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
