#include "core/export/badge_document.hpp"

#include "core/export/badge_signing.hpp"

#include <fmt/core.h>

namespace meetscan::core {

namespace {

Expected<std::vector<Attendee>> selectAttendees(Store& store, const std::vector<std::string>& named) {
    if (named.empty()) {
        auto everyone = store.attendees().all(); // erased people are left out
        if (everyone.empty())
            return Error::badInput("the roster is empty: import one first (`meetscan import roster FILE`)");
        return everyone;
    }
    return store.attendees().named(named);
}

} // namespace

Expected<BadgeDocument> collectBadges(Store& store, const std::vector<std::string>& attendees,
                                      const BadgeSize& size, BadgeLayout layout) {
    auto keys = eventSigningKey(store.keys());
    if (!keys)
        return keys.error();
    auto selected = selectAttendees(store, attendees);
    if (!selected)
        return selected.error();
    const auto event = store.events().event();
    BadgeDocument document;
    document.eventName = event.name;
    document.accentColour = event.settings.accentColour;
    document.size = size;
    document.layout = layout;
    document.paper = findSheetPaper(event.settings.paper).value_or(kA4Sheet);
    for (const auto& attendee : *selected) {
        if (attendee.badgeCode.empty())
            return Error::badInput(fmt::format("attendee {} has no badge code to sign", attendee.id));
        document.badges.push_back({attendee.id, attendee.displayName(), attendee.company, attendee.title,
                                   attendee.role, signedBadgeText(attendee, *keys)});
    }
    return document;
}

} // namespace meetscan::core
