#pragma once
// The whole event as the server holds it, in a SQLite database of its own, so the exporters that
// run on one station run unchanged on the event.
#include "core/store/store.hpp"

#include <filesystem>
#include <memory>
#include <string>

namespace meetscan::core {

// Creates `path` (which must not exist yet) and fills it from the server: roster, exhibitors,
// stations, scans, meetings, leads (as the server merged them), edits and erasures.
Expected<std::unique_ptr<Store>> downloadEvent(const std::string& server, const std::filesystem::path& path);

// A download into a fresh temporary folder, removed with everything in it when this goes away:
// what `meetscan export ... --server URL` runs the exporters on.
class DownloadedEvent {
public:
    static Expected<std::unique_ptr<DownloadedEvent>> fetch(const std::string& server);
    ~DownloadedEvent();
    DownloadedEvent(const DownloadedEvent&) = delete;
    DownloadedEvent& operator=(const DownloadedEvent&) = delete;

    Store& store() { return *m_store; }

private:
    DownloadedEvent(std::filesystem::path folder, std::unique_ptr<Store> store);
    std::filesystem::path m_folder;
    std::unique_ptr<Store> m_store;
};

} // namespace meetscan::core
