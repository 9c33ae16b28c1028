#include "cli/commands.hpp"

#include "cli/confirmation.hpp"

#include "core/store/erasure.hpp"

#include <fmt/core.h>

namespace meetscan::cli {

void addEraseCommand(CLI::App& app, CliContext& context) {
    auto attendee = std::make_shared<std::string>();
    auto yes = std::make_shared<bool>(false);
    auto* command = app.add_subcommand("erase", "Erase an attendee's personal data everywhere (GDPR), keeping counts");
    command->add_option("ATTENDEE", *attendee, "Attendee id, badge code or e-mail")->required();
    command->add_flag("--yes", *yes, "Do not ask first (needed where there is no terminal to ask on)");
    command->callback([&context, attendee, yes] {
        auto& store = context.officeStore("people are erased");
        auto found = store.attendees().find(*attendee);
        if (!found)
            throw CliError::badInput(fmt::format("no attendee {} (see `meetscan attendees list`)", *attendee));
        if (found->erased) {
            fmt::print("{} was erased already\n", found->id);
            return;
        }
        confirmOrThrow(fmt::format("Erase {} ({}): name, contact details, badge codes and notes, for good?",
                                   found->displayName(), found->id),
                       *yes, "erase");
        orThrow(core::eraseAttendee(store.database(), found->id, store.events().station().id));
        fmt::print("erased {} ({}): personal data removed, anonymous counts kept\n", found->id, found->displayName());
    });
}

} // namespace meetscan::cli
