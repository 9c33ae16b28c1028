#pragma once
// The whole event as the server holds it, in a SQLite database of its own, so the exporters that
// run on one station run unchanged on the event.
#include "core/store/private_scratch.hpp"
#include "core/store/store.hpp"

#include <filesystem>
#include <memory>
#include <string>

namespace meetscan::core {

// Creates `path` (which must not exist yet) and fills it with the event `eventId` from its schema
// on the server: roster, exhibitors, stations, scans, meetings, every station's lead visits, edits
// and erasures, folded with the merge engine exactly as `meetscan merge` folds station files (so
// the leads are the event-wide ones).
Expected<std::unique_ptr<Store>> downloadEvent(const std::string& server, const std::string& eventId,
                                               const std::filesystem::path& path);

// A download into a private scratch folder beside `nextTo` (this station's database), never in
// /tmp, removed with everything in it when this goes away and swept by the next command if the
// process is killed: what `meetscan export ... --server URL` runs the exporters on.
class DownloadedEvent {
public:
    static Expected<std::unique_ptr<DownloadedEvent>> fetch(const std::string& server, const std::string& eventId,
                                                            const std::filesystem::path& nextTo);
    ~DownloadedEvent();
    DownloadedEvent(const DownloadedEvent&) = delete;
    DownloadedEvent& operator=(const DownloadedEvent&) = delete;

    Store& store() { return *m_store; }

private:
    DownloadedEvent(PrivateScratch scratch, std::unique_ptr<Store> store);
    PrivateScratch m_scratch;
    std::unique_ptr<Store> m_store; // closed before the scratch folder goes (declared after it)
};

} // namespace meetscan::core
