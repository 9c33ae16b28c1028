#pragma once
// Files appear under their final name only when complete: an export stopped half-way (Ctrl-C,
// full disk) leaves at most a `NAME.tmp`, never a truncated file that looks finished.
#include "meetscan/scanner/expected.hpp"

#include <filesystem>
#include <string_view>

namespace meetscan::core {

// The temporary name beside `path` that is renamed onto it when the content is complete.
[[nodiscard]] std::filesystem::path temporaryPathFor(const std::filesystem::path& path);

// Writes `bytes` to `path` directly: for files inside a folder that is itself renamed into place.
Status writeWholeFile(const std::filesystem::path& path, std::string_view bytes);

// Writes `bytes` to `path.tmp`, flushes it, and renames it onto `path`.
Status writeFileAtomically(const std::filesystem::path& path, std::string_view bytes);

// Renames a completed temporary file onto its final name.
Status commitTemporary(const std::filesystem::path& temporary, const std::filesystem::path& path);

// Puts the completed folder `temporary` in place of the folder `path`, whole, so that `path` is
// never missing or half-written, whatever stops the program: the two are swapped in one step
// (Linux's renameat2 RENAME_EXCHANGE) and the old one, now under the temporary name, is deleted
// after. Where the file system cannot swap, the old folder is renamed aside (`path.old`) first,
// the new one moved in, and the old deleted, or put back if the move failed.
Status replaceFolder(const std::filesystem::path& temporary, const std::filesystem::path& path);

} // namespace meetscan::core
