#include "cli/commands.hpp"

#include "core/merge/database_merge.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

namespace meetscan::cli {

namespace {

// Table names as the organiser reads them in the summary.
constexpr std::pair<const char*, const char*> kLabels[] = {
    {"station", "stations"},   {"exhibitor", "exhibitors"},   {"attendee", "attendees"},
    {"attendee_code", "badge codes"}, {"trusted_key", "trusted keys"}, {"signing_key", "signing keys"},
    {"scan", "scans"},         {"meeting", "meetings"},       {"lead", "leads"},
    {"lead_edit", "lead edits"}, {"erasure", "erasures"},
};

} // namespace

void addMergeCommand(CLI::App& app, CliContext& context) {
    struct Options {
        std::vector<std::string> others;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand(
        "merge", "Fold other stations' databases of this event into this one");
    command->footer("Idempotent and in any order: merging the same database twice changes nothing the second time.");
    command->add_option("OTHER", options->others, "Another station's database file (read, never modified)")
        ->required();
    command->add_flag("--json", options->json, "One JSON object: added and updated rows per table");
    command->callback([&context, options] {
        auto& store = context.store();
        std::vector<std::filesystem::path> paths(options->others.begin(), options->others.end());
        const auto report = orThrow(core::mergeDatabases(store.database(), paths));
        for (const auto& warning : report.warnings)
            fmt::print(stderr, "meetscan: warning: {}\n", warning);
        if (options->json) {
            nlohmann::json added = nlohmann::json::object();
            nlohmann::json updated = nlohmann::json::object();
            for (const auto& [table, counts] : report.counts.tables) {
                added[table] = counts.added;
                updated[table] = counts.updated;
            }
            nlohmann::json out{{"databases", report.databases}, {"added", added}, {"updated", updated},
                               {"changed", report.counts.added() + report.counts.updated() > 0}};
            fmt::print("{}\n", out.dump());
            return;
        }
        fmt::print("merged {} database{} into {}\n", report.databases, report.databases == 1 ? "" : "s",
                   store.path().string());
        for (const auto& [table, label] : kLabels) {
            const auto found = report.counts.tables.find(table);
            const core::TableCounts counts = found == report.counts.tables.end() ? core::TableCounts{} : found->second;
            if (counts.updated > 0)
                fmt::print("  {:<14} +{} ({} updated)\n", label, counts.added, counts.updated);
            else
                fmt::print("  {:<14} +{}\n", label, counts.added);
        }
        if (report.counts.added() + report.counts.updated() == 0)
            fmt::print("nothing new: this database had everything already\n");
    });
}

} // namespace meetscan::cli
