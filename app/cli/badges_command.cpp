// meetscan badges --out FILE.pdf [--attendee ID]... [--size NAME] [--layout sheet|single]
// [--paper a4|letter]: printable badges with a signed MS1 QR code, from the roster and the event
// signing key, on sheets of the event's paper unless --paper says otherwise.
#include "cli/commands.hpp"
#include "core/export/atomic_file.hpp"
#include "core/export/badge_document.hpp"

#include <fmt/core.h>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace meetscan::cli {

namespace {

struct BadgesOptions {
    std::string out;
    std::vector<std::string> attendees;
    std::string size = "a6";
    std::string layout = "sheet";
    std::string paper; // empty: the event's setting
};

std::string sizeNames() {
    std::string names;
    for (const auto& size : core::badgeSizes())
        names += (names.empty() ? "" : ", ") + std::string(size.name);
    return names;
}

void printBadges(CliContext& context, const BadgesOptions& options) {
    const auto size = core::findBadgeSize(options.size);
    if (!size)
        throw CliError::badInput(fmt::format("--size: '{}' is not one of {}", options.size, sizeNames()));
    const auto layout = core::parseBadgeLayout(options.layout);
    if (!layout)
        throw CliError::badInput(fmt::format("--layout: '{}' is not sheet or single", options.layout));
    std::optional<core::SheetPaper> paper;
    if (!options.paper.empty()) {
        paper = core::findSheetPaper(options.paper);
        if (!paper)
            throw CliError::badInput(fmt::format("--paper: '{}' is not a4 or letter", options.paper));
    }
    auto document = orThrow(core::collectBadges(context.officeStore("badges are printed"), options.attendees, *size, *layout));
    if (paper)
        document.paper = *paper;
    const auto pdf = orThrow(core::badgesPdf(document));
    if (auto status = core::writeFileAtomically(options.out, pdf); !status)
        throw CliError::from(status.error());
    const auto count = document.badges.size();
    const auto perPage = static_cast<std::size_t>(core::pageGrid(document).perSheet());
    const auto pages = (count + perPage - 1) / perPage;
    const auto on = *layout == core::BadgeLayout::Sheet
                        ? fmt::format("{} sheet{}", document.paper.label, pages == 1 ? "" : "s")
                        : fmt::format("page{}", pages == 1 ? "" : "s");
    fmt::print("{} badge{} ({}, {}) on {} {} written to {}\n", count, count == 1 ? "" : "s", size->name,
               options.layout, pages, on, options.out);
}

} // namespace

void addBadgesCommand(CLI::App& app, CliContext& context) {
    auto options = std::make_shared<BadgesOptions>();
    auto* command = app.add_subcommand("badges", "Printable badges (PDF) with signed MS1 QR codes");
    command->add_option("--out", options->out, "The PDF to write")->required();
    command->add_option(
        "--attendee", options->attendees,
        "Only this attendee (id, badge code or e-mail; repeatable). Default: the whole roster");
    std::string sizes;
    for (const auto& size : core::badgeSizes())
        sizes += fmt::format("\n  {:<6} {}", size.name, size.description);
    command->add_option("--size", options->size, "Badge size (default a6):" + sizes);
    command->add_option("--layout", options->layout,
                        "sheet: sheets with cut lines and crop marks (default); single: one badge a page, "
                        "the page the badge's size");
    command->add_option("--paper", options->paper,
                        "Sheet paper: a4 or letter (default: the event's paper setting, as summary.pdf)");
    command->footer(
        "The QR codes are signed with the event signing key (`meetscan keys generate`); every station "
        "that trusts its public half accepts them.");
    command->callback([&context, options] { printBadges(context, *options); });
}

} // namespace meetscan::cli
