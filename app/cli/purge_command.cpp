#include "cli/commands.hpp"

#include "core/store/purge.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

namespace meetscan::cli {

namespace {

constexpr const char* kPurgeHelp = R"(Remove personal data recorded before DATE (the organiser's retention period), keeping anonymous counts.
  - People with nothing recorded on or after DATE (roster row, scan, meeting, lead) are erased
    as by `meetscan erase`: names, contact details, badge codes, raw badge texts, lead notes.
  - Every scan before DATE loses its raw badge text; lead notes, tags and answers last changed
    before DATE are cleared.
  - The rows stay, anonymous: scans, meetings, connections and leads in `meetscan stats` keep
    their counts; erased people are counted as erased.
DATE is YYYY-MM-DD (the start of that day, UTC) or YYYY-MM-DDTHH:MM[:SS]Z, and not in the future.)";

} // namespace

void addPurgeCommand(CLI::App& app, CliContext& context) {
    struct Options {
        std::string before;
        bool dryRun = false;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("purge", kPurgeHelp);
    command->add_option("--before", options->before, "Remove personal data recorded before this date (UTC)")->required();
    command->add_flag("--dry-run", options->dryRun, "Only say what would be removed");
    command->add_flag("--json", options->json, "One JSON object with the counts");
    command->callback([&context, options] {
        const core::TimeMs cutoff = orThrow(core::parsePurgeDate(options->before));
        if (cutoff > core::nowMs())
            throw CliError::badInput(fmt::format("--before {} is in the future: that would erase everyone", options->before));
        auto& store = context.officeStore("personal data is purged");
        const auto report =
            orThrow(core::purgeBefore(store.database(), cutoff, store.events().station().id, options->dryRun));
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
