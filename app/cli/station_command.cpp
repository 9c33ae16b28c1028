// `meetscan station add|pack|list`: the office sets up the kiosks of its event. Each kiosk is
// made from a station pack (`init --join PACK`), so every station of the event has its own id.
#include "cli/commands.hpp"

#include "core/stations/setup_qr.hpp"
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
    std::string qr;
    bool json = false;
};

void printPack(const core::PackSummary& pack, const StationOptions& options) {
    fmt::print("station \"{}\" ({} mode{}) of \"{}\"\n", pack.station.name, core::toString(pack.station.mode),
               pack.station.exhibitorId.empty() ? "" : ", exhibitor " + pack.station.exhibitorId, pack.eventName);
    if (!options.out.empty()) {
        fmt::print("  pack written to {}: {} attendees, {} exhibitors, {} trusted keys; no signing secret, no admin "
                   "PIN\n",
                   options.out, pack.attendees, pack.exhibitors, pack.trustedKeys);
        if (pack.login)
            fmt::print("  the pack holds the station's own sync login: keep it as safe as a password\n");
        fmt::print("on the kiosk: meetscan --db KIOSK.db init --join {}\n", options.out);
    }
    if (!options.qr.empty()) {
        fmt::print("  one-time set-up code written to {} (it works once)\n", options.qr);
        fmt::print("on the kiosk: start `meetscan kiosk` on a new database and show it the code\n");
    }
}

// The pack and the set-up code of one station, as the options ask.
void writeStation(core::Store& store, core::PackRequest request, const StationOptions& options) {
    if (options.out.empty() && options.qr.empty())
        throw CliError::badInput("nothing to write: give --out PACK, or --qr FILE.png with --server");
    if (!options.qr.empty() && options.server.empty())
        throw CliError::badInput("a set-up code (--qr) needs the server the kiosk joins through (--server URL)");
    request.out = options.out;
    request.server = options.server;
    const auto pack = orThrow(core::writeStationPack(store.database(), request));
    if (!options.qr.empty())
        orThrow(core::writeSetupQr(store.database(), options.server, pack.station, *pack.login, options.qr));
    printPack(pack, options);
}

void addStation(CliContext& context, const StationOptions& options) {
    auto& store = context.officeStore("stations are added");
    core::PackRequest request;
    request.station.name = options.name;
    request.station.mode = *core::parseMode(options.mode);
    request.station.exhibitorId = options.exhibitor;
    writeStation(store, request, options);
}

void packStation(CliContext& context, const StationOptions& options) {
    auto& store = context.officeStore("station packs are made");
    for (const auto& station : store.events().allStations()) {
        if (station.id != options.station && station.name != options.station)
            continue;
        if (station.id == store.events().station().id)
            throw CliError::badInput("that is the office's own station; packs are for kiosks");
        writeStation(store, core::PackRequest{station, {}, {}}, options);
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
    add->add_option("--out", options->out, "The station pack to write (a file)");
    add->add_option("--server", options->server,
                    "Sync server (libpq conninfo or postgresql:// URI, as the office reaches it): the pack carries "
                    "the station's own login there");
    add->add_option("--qr", options->qr,
                    "With --server: a one-time set-up code as a PNG; a new kiosk shown it joins through the server");
    add->footer("The pack holds the event, its settings, the roster, the exhibitors and the trusted public keys, and "
                "the new station's id and mode; never the badge-signing secret. On the kiosk: meetscan --db KIOSK.db "
                "init --join PACK. Online, --server and --qr instead make the station's login and a one-time set-up code: a "
                "kiosk started on a new database shows \"Scan the station set-up code\" and joins through the "
                "server; the code carries a single-use token, never a password.");
    add->callback([&context, options] { addStation(context, *options); });

    auto* pack = station->add_subcommand("pack", "Write a fresh pack for an existing kiosk (roster changes, offline)");
    pack->add_option("STATION", options->station, "Station id or name (meetscan station list)")->required();
    pack->add_option("--out", options->out, "The station pack to write (a file)");
    pack->add_option("--server", options->server, "Sync server: a new login for the station (the old password stops working)");
    pack->add_option("--qr", options->qr, "With --server: a new one-time set-up code as a PNG");
    pack->footer("On the kiosk, `meetscan init --join PACK` on its database brings the office's changes in.");
    pack->callback([&context, options] { packStation(context, *options); });

    auto* list = station->add_subcommand("list", "The stations of this event");
    list->add_flag("--json", options->json, "One object a line: id, name, mode, exhibitor, this");
    list->callback([&context, options] { listStations(context, options->json); });
}

} // namespace meetscan::cli
