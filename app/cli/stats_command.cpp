#include "cli/commands.hpp"

#include "core/store/stats.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

namespace meetscan::cli {

void addStatsCommand(CLI::App& app, CliContext& context) {
    auto json = std::make_shared<bool>(false);
    auto* command = app.add_subcommand("stats", "Counts: attendees, scans, connections, leads and more");
    command->add_flag("--json", *json, "One JSON object");
    command->callback([&context, json] {
        auto& store = context.store();
        const auto stats = core::collectStats(store, core::nowMs());
        const auto event = store.events().event();
        const auto station = store.events().station();
        if (*json) {
            nlohmann::json out{{"event", event.name},
                               {"station", station.name},
                               {"mode", std::string(core::toString(station.mode))},
                               {"attendees", stats.attendees},
                               {"walk_ins", stats.walkIns},
                               {"erased", stats.erased},
                               {"exhibitors", stats.exhibitors},
                               {"stations", stats.stations},
                               {"scans", stats.scans},
                               {"meetings", stats.meetings},
                               {"connections", stats.connections},
                               {"leads", stats.leads},
                               {"scans_by_outcome", stats.scansByOutcome},
                               {"scans_by_hour", stats.scansByHour}};
            fmt::print("{}\n", out.dump());
            return;
        }
        fmt::print("event        {}\nstation      {} ({} mode)\n", event.name, station.name, core::toString(station.mode));
        fmt::print("attendees    {} ({} walk-ins, {} erased)\nexhibitors   {}\nscans        {}\n", stats.attendees,
                   stats.walkIns, stats.erased, stats.exhibitors, stats.scans);
        fmt::print("connections  {} ({} meetings)\nleads        {}\n", stats.connections, stats.meetings, stats.leads);
        for (const auto& [outcome, count] : stats.scansByOutcome)
            fmt::print("  {:<18} {}\n", outcome, count);
    });
}

} // namespace meetscan::cli
