#include "cli/commands.hpp"

#include "core/session/badge_resolver.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

namespace meetscan::cli {

namespace {

void inspect(CliContext& context, const std::string& text, bool json) {
    auto& store = context.store();
    const auto station = store.events().station();
    core::BadgeResolver resolver(store);
    const auto r = resolver.resolve(text, station.mode, station.exhibitorId, false);
    nlohmann::json out{{"kind", std::string(scanner::toString(r.reading.kind))},
                       {"attendee", r.attendee ? nlohmann::json(r.attendee->id) : nlohmann::json()},
                       {"verdict", std::string(core::toString(r.verdict))},
                       {"reason", r.reason},
                       {"code", r.reading.code},
                       {"mode", std::string(core::toString(station.mode))},
                       {"walk_in", r.walkIn}};
    if (r.attendee)
        out["name"] = r.attendee->displayName();
    if (r.reading.contact)
        out["contact"] = {{"first_name", r.reading.contact->firstName}, {"last_name", r.reading.contact->lastName},
                          {"company", r.reading.contact->company},     {"title", r.reading.contact->title},
                          {"email", r.reading.contact->email},         {"phone", r.reading.contact->phone}};
    if (json) {
        fmt::print("{}\n", out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        return;
    }
    fmt::print("kind      {}\nverdict   {}\n", out["kind"].get<std::string>(), out["verdict"].get<std::string>());
    if (r.attendee)
        fmt::print("attendee  {} ({}){}\n", r.attendee->id, r.attendee->displayName(), r.walkIn ? " walk-in" : "");
    if (!r.reason.empty())
        fmt::print("reason    {}\n", r.reason);
}

} // namespace

void addBadgeCommand(CLI::App& app, CliContext& context) {
    auto* badge = app.add_subcommand("badge", "How a scanned text is read: badge inspect TEXT");
    badge->require_subcommand(1);
    auto text = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    auto* inspectCommand = badge->add_subcommand("inspect", "How a scanned text is read: kind, attendee, verdict");
    inspectCommand->add_option("TEXT", *text, "The text a badge holds")->required();
    inspectCommand->add_flag("--json", *json, "One JSON object: kind, attendee, verdict, reason, ...");
    inspectCommand->callback([&context, text, json] { inspect(context, *text, *json); });
}

} // namespace meetscan::cli
