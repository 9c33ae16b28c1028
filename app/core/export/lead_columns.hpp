#pragma once
// The columns of a lead list, per preset. `plain` is ours; `salesforce` and `hubspot` name the
// columns those CRMs' import wizards map automatically:
// - Salesforce, "Field Mapping for Importing Leads" (Data Import Wizard): First Name, Last Name,
//   Company, Title, Email, Phone, Country, Rating (Hot/Warm/Cold, the standard picklist),
//   Lead Source ("Trade Show", a standard picklist value), Description (our note).
// - HubSpot, contact import properties: First Name, Last Name, Email, Phone Number,
//   Company Name, Job Title, Country/Region.
// What neither CRM has (scan times, tags, question answers, staff, station) follows under
// plain names, for the wizard to map onto custom fields or skip.
#include "core/export/lead_list.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meetscan::core {

enum class LeadPreset { Plain, Salesforce, Hubspot };

[[nodiscard]] std::optional<LeadPreset> parseLeadPreset(std::string_view text);

// A lead list as text cells; every cell is a string (no number or date guessing downstream).
// Times are ISO 8601 UTC text (formatIsoTime).
struct LeadTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};

[[nodiscard]] LeadTable leadTable(const LeadList& list, LeadPreset preset);

} // namespace meetscan::core
