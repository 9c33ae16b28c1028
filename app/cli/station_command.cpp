// `meetscan station add|pack|list`: the office sets up the kiosks of its event. Each kiosk is
// made from a station pack (`init --join PACK`), so every station of the event has its own id.
#include "cli/commands.hpp"

#include "core/stations/station_pack.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

namespace meetscan::cli {

namespace {

struct StationOptions {
    std::string name;
    std::string mode = "meet";
    std::string exhibitor;
    std::string out;
    std::string station; // `station pack`: an existing station's id
    std::string server;
    bool json = false;
};

void printPack(const core::PackSummary& pack, const std::string& out) {
    fmt::print("station \"{}\" ({} mode{}) of \"{}\": pack written to {}\n", pack.station.name,
               core::toString(pack.station.mode),
               pack.station.exhibitorId.empty() ? "" : ", exhibitor " + pack.station.exhibitorId, pack.eventName, out);
    fmt::print("  {} attendees, {} exhibitors, {} trusted keys; no signing secret, no admin PIN\n", pack.attendees,
               pack.exhibitors, pack.trustedKeys);
    if (pack.login)
        fmt::print("  the station's own sync login (keep the pack as safe as a password)\n");
    fmt::print("on the kiosk: meetscan --db KIOSK.db init --join {}\n", out);
}

void addStation(CliContext& context, const StationOptions& options) {
    auto& store = context.officeStore("stations are added");
    core::PackRequest request;
    request.station.name = options.name;
    request.station.mode = *core::parseMode(options.mode);
    request.station.exhibitorId = options.exhibitor;
    request.out = options.out;
    request.server = options.server;
    printPack(orThrow(core::writeStationPack(store.database(), request)), options.out);
}

void packStation(CliContext& context, const StationOptions& options) {
    auto& store = context.officeStore("station packs are made");
    for (const auto& station : store.events().allStations()) {
        if (station.id != options.station && station.name != options.station)
            continue;
        if (station.id == store.events().station().id)
            throw CliError::badInput("that is the office's own station; packs are for kiosks");
        core::PackRequest request{station, options.out, options.server};
        printPack(orThrow(core::writeStationPack(store.database(), request)), options.out);
        return;
    }
    throw CliError::badInput(fmt::format("no station {} in this event (meetscan station list)", options.station));
}

void listStations(CliContext& context, bool json) {
    auto& store = context.store();
    const auto self = store.events().station().id;
    for (const auto& station : store.events().allStations()) {
        if (json) {
            fmt::print("{}\n", nlohmann::json{{"id", station.id},
                                              {"name", station.name},
                                              {"mode", core::toString(station.mode)},
                                              {"exhibitor", station.exhibitorId},
                                              {"this", station.id == self}}
                                   .dump());
            continue;
        }
        fmt::print("{}  {:<24} {:<8} {}{}\n", station.id, station.name, core::toString(station.mode),
                   station.exhibitorId, station.id == self ? "  (this database)" : "");
    }
}

} // namespace

void addStationCommands(CLI::App& app, CliContext& context) {
    auto options = std::make_shared<StationOptions>();
    auto* station = app.add_subcommand("station", "The kiosks of this event, set up from the office");
    station->require_subcommand(1);

    auto* add = station->add_subcommand("add", "Add a kiosk to the event and write its station pack");
    add->add_option("--name", options->name, "The kiosk's name, as staff and reports show it")->required();
    add->add_option("--mode", options->mode, "meet | booth | summary (default meet)")
        ->check(CLI::IsMember({"meet", "booth", "summary"}));
    add->add_option("--exhibitor", options->exhibitor, "Exhibitor id (booth mode)");
    add->add_option("--out", options->out, "The station pack to write (a file)")->required();
    add->add_option("--server", options->server,
                    "Sync server (libpq conninfo or postgresql:// URI, as the office reaches it): the pack carries "
                    "the station's own login there");
    add->footer("The pack holds the event, its settings, the roster, the exhibitors and the trusted public keys, and "
                "the new station's id and mode; never the badge-signing secret. On the kiosk: meetscan --db KIOSK.db "
                "init --join PACK.");
    add->callback([&context, options] { addStation(context, *options); });

    auto* pack = station->add_subcommand("pack", "Write a fresh pack for an existing kiosk (roster changes, offline)");
    pack->add_option("STATION", options->station, "Station id or name (meetscan station list)")->required();
    pack->add_option("--out", options->out, "The station pack to write (a file)")->required();
    pack->add_option("--server", options->server, "Sync server: a new login for the station (the old password stops working)");
    pack->footer("On the kiosk, `meetscan init --join PACK` on its database brings the office's changes in.");
    pack->callback([&context, options] { packStation(context, *options); });

    auto* list = station->add_subcommand("list", "The stations of this event");
    list->add_flag("--json", options->json, "One object a line: id, name, mode, exhibitor, this");
    list->callback([&context, options] { listStations(context, options->json); });
}

} // namespace meetscan::cli
