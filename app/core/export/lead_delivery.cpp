#include "core/export/lead_delivery.hpp"

#include "core/export/lead_columns.hpp"
#include "core/export/lead_list.hpp"
#include "core/export/lead_list_csv.hpp"
#include "core/export/lead_list_xlsx.hpp"

#include <fmt/format.h>

#include <set>

namespace meetscan::core {

namespace {

std::size_t notCarried(const LeadList& list, const std::set<std::string>& carried) {
    std::size_t count = 0;
    for (const auto& row : list.rows)
        count += carried.count(row.attendee.id) == 0 ? 1U : 0U;
    return count;
}

std::set<std::string> exportedBefore(Store& store, const std::string& exhibitorId, TimeMs* lastAt) {
    std::set<std::string> carried;
    for (const auto& entry : store.leadExports().entriesFor(exhibitorId)) {
        carried.insert(entry.contents.begin(), entry.contents.end());
        if (lastAt != nullptr)
            *lastAt = std::max(*lastAt, entry.exportedAt);
    }
    return carried;
}

} // namespace

Expected<LeadDeliveryCounts> leadDeliveryCounts(Store& store, const std::string& exhibitorId) {
    auto list = collectLeadList(store, exhibitorId);
    if (!list)
        return list.error();
    try {
        LeadDeliveryCounts counts;
        counts.leads = list->rows.size();
        counts.newSinceExport = notCarried(*list, exportedBefore(store, exhibitorId, &counts.lastExportAt));
        // As `send leads` tells news: the leads no sent list carried (send_runs.cpp).
        std::set<std::string> mailed;
        for (const auto& entry : store.mailOutbox().entriesFor(MailKind::Leads, exhibitorId)) {
            if (entry.state != MailState::Sent)
                continue;
            mailed.insert(entry.contents.begin(), entry.contents.end());
            counts.lastMailAt = std::max(counts.lastMailAt, entry.updatedAt);
        }
        counts.newSinceMail = notCarried(*list, mailed);
        return counts;
    } catch (const SQLite::Exception& e) {
        return Error::world(fmt::format("cannot read what was delivered: {}", e.what()));
    }
}

std::string leadFileStem(const std::string& exhibitorId, TimeMs at, const TimeZone& zone) {
    std::string id;
    for (const char c : exhibitorId) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                           c == '-' || c == '.';
        id += plain ? c : '-';
    }
    if (id.empty() || id[0] == '.')
        id.insert(0, "exhibitor");
    const LocalDateTime local = toLocal(at, zone);
    return fmt::format("{}-leads-{:04}-{:02}-{:02}-{:02}{:02}", id, local.year, local.month, local.day, local.hour,
                       local.minute);
}

Expected<DriveExport> exportLeadsToFolder(Store& store, const std::string& exhibitorId,
                                          const std::filesystem::path& folder, TimeMs at) {
    auto list = collectLeadList(store, exhibitorId);
    if (!list)
        return list.error();
    const TimeZone zone = TimeZone::forSettingOrUtc(store.events().event().settings.timeZone);
    const LeadTable table = leadTable(*list, LeadPreset::Plain, zone);
    DriveExport done;
    done.folder = folder;
    const std::string stem = leadFileStem(exhibitorId, at, zone);
    done.xlsxName = stem + ".xlsx";
    done.csvName = stem + ".csv";
    done.leads = list->rows.size();
    if (auto written = writeLeadListXlsx(table, folder / done.xlsxName); !written)
        return written.error();
    if (auto written = writeLeadListCsv(table, folder / done.csvName, ','); !written)
        return written.error();

    LeadExportEntry entry;
    entry.exhibitorId = exhibitorId;
    entry.destination = folder.string();
    entry.files = {done.xlsxName, done.csvName};
    entry.exportedAt = at;
    try {
        done.newLeads = notCarried(*list, exportedBefore(store, exhibitorId, nullptr));
    } catch (const SQLite::Exception& e) {
        return Error::world(fmt::format("cannot read what was exported before: {}", e.what()));
    }
    for (const auto& row : list->rows)
        entry.contents.push_back(row.attendee.id);
    if (auto recorded = store.leadExports().record(entry); !recorded)
        return recorded.error();
    return done;
}

} // namespace meetscan::core
