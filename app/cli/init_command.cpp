#include "cli/commands.hpp"

#include <fmt/core.h>

namespace meetscan::cli {

void addInitCommand(CLI::App& app, CliContext& context) {
    struct Options {
        std::string event;
        std::string station;
        std::string mode;
        std::string exhibitor;
        std::string adminPin;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("init", "Create or rename the event and configure this station");
    command->add_option("--event", options->event, "Event name")->required();
    command->add_option("--station", options->station, "Station name (default: the host name)");
    command->add_option("--mode", options->mode, "Kiosk mode")->check(CLI::IsMember({"meet", "booth", "summary"}));
    command->add_option("--exhibitor", options->exhibitor, "Exhibitor id (Booth mode)");
    command->add_option("--admin-pin", options->adminPin, "Admin panel PIN, 4 to 12 digits (stored as a password hash)");
    command->callback([&context, options] {
        if (!options->adminPin.empty())
            validateAdminPin(options->adminPin);
        auto& store = context.store();
        auto event = store.events().event();
        event.name = options->event;
        orThrow(store.events().saveEvent(event));
        auto station = store.events().station();
        if (!options->station.empty())
            station.name = options->station;
        if (!options->mode.empty())
            station.mode = *core::parseMode(options->mode);
        if (!options->exhibitor.empty())
            station.exhibitorId = options->exhibitor;
        if (station.mode == core::Mode::Booth && station.exhibitorId.empty())
            throw CliError::badInput("booth mode needs --exhibitor ID (see `meetscan exhibitors list`)");
        if (!station.exhibitorId.empty() && !store.exhibitors().byId(station.exhibitorId))
            fmt::print(stderr, "meetscan: warning: exhibitor {} is not imported yet (meetscan import exhibitors FILE)\n",
                       station.exhibitorId);
        orThrow(store.events().saveStation(station));
        if (!options->adminPin.empty())
            storeAdminPin(store, options->adminPin);
        fmt::print("event \"{}\", station \"{}\" ({} mode{}) in {}\n", event.name, station.name,
                   core::toString(station.mode),
                   station.exhibitorId.empty() ? "" : ", exhibitor " + station.exhibitorId, store.path().string());
    });
}

} // namespace meetscan::cli
