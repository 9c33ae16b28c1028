#pragma once
// An exhibitor's leads taken away at the booth (the admin panel's "Export my leads" and "E-mail
// my leads now"): the lead list written onto a drive, and how many leads are new since the last
// export and since the last e-mail that carried the list.
// Errors: Expected values; BadInput for an unknown exhibitor, World for a drive or database that
// fails.
#include "core/domain/local_time.hpp"
#include "core/store/store.hpp"
#include "meetscan/scanner/expected.hpp"

#include <cstddef>
#include <filesystem>
#include <string>

namespace meetscan::core {

struct LeadDeliveryCounts {
    std::size_t leads = 0;          // on the exhibitor's lead list now
    std::size_t newSinceExport = 0; // on no list written to a drive from this kiosk
    std::size_t newSinceMail = 0;   // on no lead list e-mail that was sent
    TimeMs lastExportAt = 0;        // 0: never
    TimeMs lastMailAt = 0;          // 0: never
};

[[nodiscard]] Expected<LeadDeliveryCounts> leadDeliveryCounts(Store& store, const std::string& exhibitorId);

struct DriveExport {
    std::filesystem::path folder; // where the files are
    std::string xlsxName;         // <exhibitor-id>-leads-YYYY-MM-DD-HHMM.xlsx, in the event's time zone
    std::string csvName;          // the same stem, .csv
    std::size_t leads = 0;
    std::size_t newLeads = 0;     // of them, not on the list exported before
};

// The lead list's file name stem for `at`: "<exhibitor-id>-leads-2026-03-14-1005", with
// characters a FAT drive or a shell would trip on replaced by '-'.
[[nodiscard]] std::string leadFileStem(const std::string& exhibitorId, TimeMs at, const TimeZone& zone);

// Writes the exhibitor's lead list (plain preset) as XLSX and CSV into `folder`, each file
// appearing only when complete (atomic_file.hpp), and records the export.
[[nodiscard]] Expected<DriveExport> exportLeadsToFolder(Store& store, const std::string& exhibitorId,
                                                        const std::filesystem::path& folder, TimeMs at);

} // namespace meetscan::core
