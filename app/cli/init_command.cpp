#include "cli/commands.hpp"

#include "core/domain/local_time.hpp"
#include "core/export/event_logo.hpp"
#include "core/merge/row_owners.hpp"
#include "core/stations/online_join.hpp"
#include "core/stations/station_pack.hpp"

#include <fmt/core.h>

namespace meetscan::cli {

namespace {

struct InitOptions {
    std::string event;
    std::string station;
    std::string mode;
    std::string exhibitor;
    std::string adminPin;
    std::string join;
    std::string setupCode;
    std::optional<std::string> timeZone; // "" back to the machine's zone
    std::optional<std::string> logo;     // "" for none
};

bool changesSettings(const InitOptions& options) { return options.timeZone || options.logo; }

// The event settings init takes, checked before anything is saved: a zone must be in the
// system's tzdata, a logo a readable PNG (kept as an absolute path: exports run from anywhere).
bool applySettings(core::EventSettings& settings, const InitOptions& options) {
    bool changed = false;
    if (options.timeZone) {
        if (!options.timeZone->empty())
            if (auto zone = core::TimeZone::named(*options.timeZone); !zone)
                throw CliError::badInput("--time-zone: " + zone.error().message);
        changed |= settings.timeZone != *options.timeZone;
        settings.timeZone = *options.timeZone;
    }
    if (options.logo) {
        std::string path;
        if (!options.logo->empty()) {
            std::error_code error;
            path = std::filesystem::absolute(*options.logo, error).lexically_normal().string();
            if (auto logo = core::readEventLogo(path); !logo)
                throw CliError::badInput("--logo: " + logo.error().message);
        }
        changed |= settings.logo != path;
        settings.logo = path;
    }
    return changed;
}

void printJoined(const core::JoinSummary& joined, const std::filesystem::path& target) {
    fmt::print("{} station \"{}\" ({} mode{}) of \"{}\" in {}: {} attendees, {} exhibitors\n",
               joined.updated ? "updated" : "joined", joined.station.name, core::toString(joined.station.mode),
               joined.station.exhibitorId.empty() ? "" : ", exhibitor " + joined.station.exhibitorId,
               joined.eventName, target.string(), joined.attendees, joined.exhibitors);
}

std::filesystem::path joinTarget(CliContext& context, const InitOptions& options) {
    if (!options.event.empty())
        throw CliError::badInput("a kiosk takes its event from the office: leave out --event");
    const auto target = context.databasePath();
    std::error_code ignored;
    if (target.has_parent_path())
        std::filesystem::create_directories(target.parent_path(), ignored);
    return target;
}

void joinPack(CliContext& context, const InitOptions& options) {
    const auto target = joinTarget(context, options);
    printJoined(orThrow(core::joinStationPack(options.join, target)), target);
}

void joinWithCode(CliContext& context, const InitOptions& options) {
    const auto target = joinTarget(context, options);
    const auto code = core::parseSetupCode(options.setupCode);
    if (!code)
        throw CliError::badInput("that is not a MeetScan station set-up code (the office makes one with `meetscan "
                                 "station add --server URL --qr FILE.png`)");
    printJoined(orThrow(core::joinThroughServer(*code, target)), target);
}

void configure(CliContext& context, const InitOptions& options) {
    if (!options.adminPin.empty())
        validateAdminPin(options.adminPin);
    auto& store = context.createOrOpenStore();
    auto event = store.events().event();
    const bool station = core::databaseRole(store.database()) == core::DatabaseRole::Station;
    if (station && changesSettings(options))
        throw CliError::badInput(fmt::format("this kiosk is a station of \"{}\": the event's settings are made at "
                                             "its office",
                                             event.name));
    bool changed = applySettings(event.settings, options);
    if (!options.event.empty() && options.event != event.name) {
        if (station)
            throw CliError::badInput(fmt::format("this kiosk is a station of \"{}\": the event is named at its office",
                                                 event.name));
        event.name = options.event;
        changed = true;
    }
    if (changed)
        orThrow(store.events().saveEvent(event));
    auto self = store.events().station();
    if (!options.station.empty())
        self.name = options.station;
    if (!options.mode.empty())
        self.mode = *core::parseMode(options.mode);
    if (!options.exhibitor.empty())
        self.exhibitorId = options.exhibitor;
    if (self.mode == core::Mode::Booth && self.exhibitorId.empty())
        throw CliError::badInput("booth mode needs --exhibitor ID (see `meetscan exhibitors list`)");
    if (!self.exhibitorId.empty() && !store.exhibitors().byId(self.exhibitorId))
        fmt::print(stderr, "meetscan: warning: exhibitor {} is not imported yet (meetscan import exhibitors FILE)\n",
                   self.exhibitorId);
    orThrow(store.events().saveStation(self));
    if (!options.adminPin.empty())
        storeAdminPin(store, options.adminPin);
    fmt::print("event \"{}\", {} \"{}\" ({} mode{}) in {}\n", event.name, station ? "station" : "office station",
               self.name, core::toString(self.mode), self.exhibitorId.empty() ? "" : ", exhibitor " + self.exhibitorId,
               store.path().string());
    if (options.timeZone)
        fmt::print("time zone: {}\n", event.settings.timeZone.empty() ? "the machine's" : event.settings.timeZone);
    if (options.logo)
        fmt::print("logo: {}\n", event.settings.logo.empty() ? "none" : event.settings.logo);
}

} // namespace

void addInitCommand(CLI::App& app, CliContext& context) {
    auto options = std::make_shared<InitOptions>();
    auto* command = app.add_subcommand("init", "Create the event's office database, or join a kiosk to an event");
    command->add_option("--event", options->event, "Event name (creates the event's office database)");
    command->add_option("--join", options->join, "A station pack from the office: make this kiosk's database from it "
                                                 "(or update it, for the same station)");
    command->add_option("--setup-code", options->setupCode,
                        "The text of a one-time set-up code from the office (`station add --qr`): join through the "
                        "server")
        ->excludes("--join");
    command->add_option("--station", options->station, "This station's name (default: the host name)");
    command->add_option("--mode", options->mode, "Kiosk mode")->check(CLI::IsMember({"meet", "booth", "summary"}));
    command->add_option("--exhibitor", options->exhibitor, "Exhibitor id (Booth mode)");
    command->add_option("--admin-pin", options->adminPin, "Admin panel PIN, 6 to 12 digits, not one digit repeated or a run (stored as a password hash)");
    command->add_option("--time-zone", options->timeZone,
                        "The event's time zone for every date and time people read (PDFs, receipts, CSV, XLSX): an "
                        "IANA name such as Europe/Berlin; \"\" for the machine's zone");
    command->add_option("--logo", options->logo, "A PNG printed at the top of every summary.pdf; \"\" for none");
    command->footer("The office's database owns the roster, exhibitors and keys; each kiosk is made from it with "
                    "`meetscan station add --out PACK` there and `meetscan init --join PACK` on the kiosk.");
    command->callback([&context, options] {
        if (!options->join.empty() || !options->setupCode.empty()) {
            if (options->join.empty())
                joinWithCode(context, *options);
            else
                joinPack(context, *options);
            if (options->station.empty() && options->mode.empty() && options->exhibitor.empty() &&
                options->adminPin.empty() && !changesSettings(*options))
                return;
        } else if (options->event.empty() && !std::filesystem::exists(context.databasePath())) {
            throw CliError::badInput("init needs --event NAME to create an event's office database, or --join PACK "
                                     "to make a kiosk from the office's station pack");
        }
        configure(context, *options);
    });
}

} // namespace meetscan::cli
