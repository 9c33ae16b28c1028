#include "core/export/lead_list.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <map>

namespace meetscan::core {

Expected<LeadList> collectLeadList(Store& store, const std::string& exhibitorId) {
    auto exhibitor = store.exhibitors().byId(exhibitorId);
    if (!exhibitor)
        return Error::badInput(fmt::format("unknown exhibitor '{}' (see `meetscan exhibitors list`)", exhibitorId));
    LeadList list;
    list.exhibitor = std::move(*exhibitor);

    std::map<std::string, std::string> stationNames;
    for (const auto& station : store.events().allStations())
        stationNames[station.id] = station.name;
    std::map<std::string, std::string> staffNames;

    for (auto& lead : store.leads().forExhibitor(exhibitorId)) {
        auto attendee = store.attendees().byId(lead.attendeeId);
        if (!attendee || attendee->erased || !attendee->consentExhibitors)
            continue;
        LeadRow row;
        if (!lead.staffId.empty()) {
            auto known = staffNames.find(lead.staffId);
            if (known == staffNames.end()) {
                auto staff = store.attendees().byId(lead.staffId);
                known = staffNames.emplace(lead.staffId, staff && !staff->erased ? staff->displayName() : "").first;
            }
            row.staffName = known->second;
        }
        const auto station = stationNames.find(lead.stationId);
        row.stationName = station != stationNames.end() ? station->second : lead.stationId;
        row.attendee = std::move(*attendee);
        row.lead = std::move(lead);
        list.rows.push_back(std::move(row));
    }
    std::stable_sort(list.rows.begin(), list.rows.end(),
                     [](const LeadRow& a, const LeadRow& b) { return a.lead.firstScanAt < b.lead.firstScanAt; });
    return list;
}

} // namespace meetscan::core
