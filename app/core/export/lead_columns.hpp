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
#include "core/domain/local_time.hpp"
#include "core/export/lead_list.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meetscan::core {

enum class LeadPreset { Plain, Salesforce, Hubspot };

[[nodiscard]] std::optional<LeadPreset> parseLeadPreset(std::string_view text);

// One cell: text, or a moment. A moment's text is its local time with the UTC offset
// ("2026-03-14 10:05 +01:00"), which a CSV carries and a CRM reads unambiguously; an XLSX
// writes the moment as a real date-time cell instead.
struct LeadCell {
    std::string text;
    std::optional<TimeMs> at;
};

// A lead list, typed: text stays text (no number or date guessing downstream), times are
// moments shown in the event's zone, whose name the time columns' headers carry
// ("First scan (Europe/Berlin)").
struct LeadTable {
    std::vector<std::string> header;
    std::vector<std::vector<LeadCell>> rows;
    TimeZone zone;
};

[[nodiscard]] LeadTable leadTable(const LeadList& list, LeadPreset preset, const TimeZone& zone);

} // namespace meetscan::core
