#pragma once
// A zip archive of in-memory files (minizip), written under `path.tmp` and renamed into place.
#include "meetscan/scanner/expected.hpp"

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace meetscan::core {

struct ZipEntry {
    std::string name; // path inside the archive, `/`-separated
    std::string bytes;
};

Status writeZipAtomically(const std::filesystem::path& path, const std::vector<ZipEntry>& entries);

} // namespace meetscan::core
