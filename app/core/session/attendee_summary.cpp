#include "core/session/attendee_summary.hpp"

namespace meetscan::core {

AttendeeSummary summarizeAttendee(Store& store, const Attendee& attendee) {
    AttendeeSummary summary;
    summary.attendee = attendee;
    const auto connections = store.meetings().connectionsOf(attendee.id);
    std::vector<std::string> otherIds;
    otherIds.reserve(connections.size());
    for (const auto& connection : connections)
        otherIds.push_back(connection.otherId);
    const auto others = store.attendees().byIds(otherIds);
    for (const auto& connection : connections) {
        const auto found = others.find(connection.otherId);
        const Attendee* other = found == others.end() ? nullptr : &found->second;
        MetPerson person;
        person.id = connection.otherId;
        person.firstAt = connection.firstAt;
        person.lastAt = connection.lastAt;
        person.meetings = connection.meetings;
        if (other && !other->erased) {
            person.name = other->displayName();
            person.company = other->company;
            person.title = other->title;
            // Every connection comes from a mutual scan in Meet mode: agreement between the two.
            person.email = other->email;
            person.phone = other->phone;
        }
        summary.people.push_back(std::move(person));
    }
    for (const auto& lead : store.leads().forAttendee(attendee.id)) {
        VisitedBooth booth;
        booth.exhibitorId = lead.exhibitorId;
        booth.firstAt = lead.firstScanAt;
        if (auto exhibitor = store.exhibitors().byId(lead.exhibitorId)) {
            booth.name = exhibitor->name;
            booth.booth = exhibitor->booth;
            booth.website = exhibitor->contact.website;
            booth.followUp = exhibitor->contact.followUp;
        } else {
            booth.name = lead.exhibitorId;
        }
        summary.booths.push_back(std::move(booth));
    }
    return summary;
}

} // namespace meetscan::core
