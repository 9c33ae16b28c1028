#pragma once
// The leads of one exhibitor, joined with what a lead list shows of each visitor.
#include "core/domain/attendee.hpp"
#include "core/domain/exhibitor.hpp"
#include "core/domain/lead.hpp"
#include "core/store/store.hpp"
#include "meetscan/scanner/expected.hpp"

#include <string>
#include <vector>

namespace meetscan::core {

struct LeadRow {
    Lead lead;
    Attendee attendee;
    std::string staffName;   // empty when unknown or erased
    std::string stationName; // the station id when the station is not known here
};

struct LeadList {
    Exhibitor exhibitor;
    std::vector<LeadRow> rows; // first scan first
};

// Unknown exhibitor: a BadInput error. Visitors who did not consent to exhibitor scans and
// erased people are left out, whatever the lead table holds (a merged database may carry leads
// recorded before a roster update withdrew consent).
[[nodiscard]] Expected<LeadList> collectLeadList(Store& store, const std::string& exhibitorId);

} // namespace meetscan::core
