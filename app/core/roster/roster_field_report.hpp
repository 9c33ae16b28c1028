#pragma once
// What an import understood of a roster export's header row, for the organiser to check before
// the event: which column each field came from, which fields the file lacks and what they then
// are, and which unused columns look like a field, with the --map that would take them.
#include "core/roster/roster_import.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace meetscan::core {

struct RosterFieldSource {
    std::string field;                // badge_code, email, ...
    std::vector<std::string> columns; // as in the header; the first non-empty value wins
};

struct RosterFieldDefault {
    std::string field;
    std::string value; // what every attendee gets instead: "empty", "yes for everyone", ...
};

struct RosterColumnHint {
    std::string column;
    std::string field;
    std::string map; // the option that takes it: --map consent_exhibitors="May exhibitors ..."
};

struct RosterFieldReport {
    RosterPreset preset = RosterPreset::Generic;
    std::vector<RosterFieldSource> found;
    std::vector<RosterFieldDefault> missing;
    std::vector<RosterColumnHint> hints;
};

// Reads the header row only. Fails as the import would on a bad header or mapping.
[[nodiscard]] Expected<RosterFieldReport> rosterFieldReport(std::string_view content, const std::string& file,
                                                           const RosterImportOptions& options);

} // namespace meetscan::core
