#pragma once
// A private folder for temporary copies of an event database (a merge's snapshots, a pack in
// the making, a server download). It lies next to the database, never in /tmp, is readable by
// its owner only, and is removed with everything in it when the object goes away. A process
// killed on the spot leaves it behind: the next one made beside the same database sweeps every
// folder whose process is gone, so personal data never outlives the next command.
#include "meetscan/scanner/expected.hpp"

#include <filesystem>

namespace meetscan::core {

class PrivateScratch {
public:
    // `nextTo`: the database file the copies are made from or for.
    static Expected<PrivateScratch> create(const std::filesystem::path& nextTo);
    ~PrivateScratch();
    PrivateScratch(PrivateScratch&& other) noexcept;
    PrivateScratch& operator=(PrivateScratch&&) = delete;
    PrivateScratch(const PrivateScratch&) = delete;
    PrivateScratch& operator=(const PrivateScratch&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

private:
    explicit PrivateScratch(std::filesystem::path path) : m_path(std::move(path)) {}
    std::filesystem::path m_path;
};

// The folder that holds the scratch folders of databases in `folder`.
[[nodiscard]] std::filesystem::path scratchRoot(const std::filesystem::path& folder);

// Removes the scratch folders beside `database` whose process is gone (Store::open calls it, so
// any next command clears what a killed one left).
void sweepLeftOverScratch(const std::filesystem::path& database);

} // namespace meetscan::core
