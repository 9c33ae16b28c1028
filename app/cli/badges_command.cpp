// meetscan badges --out FILE.pdf [--attendee ID]... [--size NAME] [--layout sheet|single]:
// printable badges with a signed MS1 QR code, from the roster and the event signing key.
#include "cli/commands.hpp"
#include "core/export/atomic_file.hpp"
#include "core/export/badge_document.hpp"

#include <fmt/core.h>
#include <memory>
#include <string>
#include <vector>

namespace meetscan::cli {

namespace {

struct BadgesOptions {
    std::string out;
    std::vector<std::string> attendees;
    std::string size = "a6";
    std::string layout = "sheet";
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
    const auto document = orThrow(core::collectBadges(context.store(), options.attendees, *size, *layout));
    const auto pdf = orThrow(core::badgesPdf(document));
    if (auto status = core::writeFileAtomically(options.out, pdf); !status)
        throw CliError::from(status.error());
    const auto count = document.badges.size();
    const auto perPage =
        *layout == core::BadgeLayout::Sheet
            ? static_cast<std::size_t>(
                  core::sheetGrid(*size, core::kA4SheetWidth, core::kA4SheetHeight).perSheet())
            : 1U;
    fmt::print("{} badge{} ({}, {}) on {} page{} written to {}\n", count, count == 1 ? "" : "s", size->name,
               options.layout, (count + perPage - 1) / perPage,
               (count + perPage - 1) / perPage == 1 ? "" : "s", options.out);
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
                        "sheet: A4 sheets with cut lines and crop marks (default); single: one badge a page, "
                        "the page the badge's size");
    command->footer(
        "The QR codes are signed with the event signing key (`meetscan keys generate`); every station "
        "that trusts its public half accepts them.");
    command->callback([&context, options] { printBadges(context, *options); });
}

} // namespace meetscan::cli
