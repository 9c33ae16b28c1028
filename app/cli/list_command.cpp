#include "cli/commands.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

namespace meetscan::cli {

namespace {

nlohmann::json attendeeJson(const core::Attendee& a) {
    return {{"id", a.id},       {"first_name", a.firstName}, {"last_name", a.lastName},
            {"company", a.company}, {"title", a.title},      {"email", a.email},
            {"phone", a.phone},  {"role", a.role},            {"consent_exhibitors", a.consentExhibitors},
            {"consent_networking", a.consentNetworking}, {"country", a.country}, {"ticket_type", a.ticketType},
            {"exhibitor", a.exhibitorId}};
}

void listAttendees(CliContext& context, bool json) {
    for (const auto& a : context.store().attendees().all()) {
        if (json)
            fmt::print("{}\n", attendeeJson(a).dump());
        else
            fmt::print("{}  {}{}{}\n", a.id, a.displayName(), a.company.empty() ? "" : " — ", a.company);
    }
}

void listExhibitors(CliContext& context, bool json) {
    for (const auto& e : context.store().exhibitors().all()) {
        if (json) {
            nlohmann::json questions = nlohmann::json::array();
            for (const auto& q : e.questions)
                questions.push_back({{"id", q.id}, {"text", q.text}, {"options", q.options}});
            fmt::print("{}\n", nlohmann::json{{"id", e.id}, {"name", e.name}, {"booth", e.booth}, {"tags", e.tags},
                                              {"questions", questions}}.dump());
        } else {
            fmt::print("{}  {}{}{}\n", e.id, e.name, e.booth.empty() ? "" : "  booth ", e.booth);
        }
    }
}

} // namespace

void addListCommands(CLI::App& app, CliContext& context) {
    auto json = std::make_shared<bool>(false);
    auto* attendees = app.add_subcommand("attendees", "List the roster: attendees list");
    attendees->require_subcommand(1);
    auto* attendeesList = attendees->add_subcommand("list", "List attendees (erased people are left out)");
    attendeesList->add_flag("--json", *json, "One JSON object a line");
    attendeesList->callback([&context, json] { listAttendees(context, *json); });

    auto* exhibitors = app.add_subcommand("exhibitors", "List the exhibitors: exhibitors list");
    exhibitors->require_subcommand(1);
    auto* exhibitorsList = exhibitors->add_subcommand("list", "List exhibitors");
    exhibitorsList->add_flag("--json", *json, "One JSON object a line");
    exhibitorsList->callback([&context, json] { listExhibitors(context, *json); });
}

} // namespace meetscan::cli
