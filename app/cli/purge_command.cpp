#include "cli/commands.hpp"

#include "cli/confirmation.hpp"

#include "core/store/purge.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

namespace meetscan::cli {

namespace {

constexpr const char* kPurgeFooter = R"help(What goes:
  - People with nothing recorded on or after DATE (roster row, scan, meeting, lead) are erased
    as by `meetscan erase`: names, contact details, badge codes, raw badge texts, lead notes.
  - Every scan before DATE loses its raw badge text; lead notes, tags and answers last changed
    before DATE are cleared.
  - The rows stay, anonymous: scans, meetings, connections and leads in `meetscan stats` keep
    their counts; erased people are counted as erased.
DATE is YYYY-MM-DD (the start of that day, UTC) or YYYY-MM-DDTHH:MM[:SS]Z, and not in the future.
On a terminal it asks first, with the counts; from a script or timer, --yes confirms.

Examples:
  meetscan purge --before 2026-09-01 --dry-run
  meetscan purge --yes --before "$(date -u -d '90 days ago' +%F)")help";

std::string counted(int count, const char* one, const char* many) {
    return fmt::format("{} {}", count, count == 1 ? one : many);
}

std::string describe(const core::PurgeReport& report) {
    return fmt::format("{} erased, {} blanked, {} and {} cleared",
                       counted(report.attendeesErased, "attendee", "attendees"),
                       counted(report.scansBlanked, "scan text", "scan texts"),
                       counted(report.leadsCleared, "lead note", "lead notes"),
                       counted(report.leadEditsCleared, "lead edit", "lead edits"));
}

} // namespace

void addPurgeCommand(CLI::App& app, CliContext& context) {
    struct Options {
        std::string before;
        bool dryRun = false;
        bool yes = false;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand(
        "purge", "Remove personal data recorded before DATE (the retention period), keeping anonymous counts");
    command->footer(kPurgeFooter);
    command->add_option("--before", options->before, "Remove personal data recorded before this date (UTC)")->required();
    command->add_flag("--dry-run", options->dryRun, "Only say what would be removed");
    command->add_flag("--yes", options->yes, "Do not ask first (needed where there is no terminal to ask on)");
    command->add_flag("--json", options->json, "One JSON object with the counts");
    command->callback([&context, options] {
        const core::TimeMs cutoff = orThrow(core::parsePurgeDate(options->before));
        if (cutoff > core::nowMs())
            throw CliError::badInput(fmt::format("--before {} is in the future: that would erase everyone", options->before));
        auto& store = context.officeStore("personal data is purged");
        const auto stationId = store.events().station().id;
        if (!options->dryRun && !options->yes) { // the counts are for the question only
            const auto planned = orThrow(core::purgeBefore(store.database(), cutoff, stationId, true));
            if (planned.attendeesErased + planned.scansBlanked + planned.leadsCleared + planned.leadEditsCleared > 0)
                confirmOrThrow(fmt::format("Remove the personal data recorded before {} ({}), for good?",
                                           core::formatIsoTime(cutoff), describe(planned)),
                               options->yes, "purge");
        }
        const auto report = orThrow(core::purgeBefore(store.database(), cutoff, stationId, options->dryRun));
        if (options->json) {
            nlohmann::json out{{"before", core::formatIsoTime(cutoff)},
                               {"dry_run", options->dryRun},
                               {"attendees_erased", report.attendeesErased},
                               {"scans_blanked", report.scansBlanked},
                               {"leads_cleared", report.leadsCleared},
                               {"lead_edits_cleared", report.leadEditsCleared}};
            fmt::print("{}\n", out.dump());
            return;
        }
        fmt::print("{} personal data recorded before {}:\n", options->dryRun ? "would remove" : "removed",
                   core::formatIsoTime(cutoff));
        fmt::print("  attendees erased    {}\n  scan texts blanked  {}\n  lead notes cleared  {}\n  lead edits cleared  {}\n",
                   report.attendeesErased, report.scansBlanked, report.leadsCleared, report.leadEditsCleared);
        fmt::print("anonymous counts kept (meetscan stats)\n");
    });
}

} // namespace meetscan::cli
