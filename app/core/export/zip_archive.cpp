#include "core/export/zip_archive.hpp"

#include "core/export/atomic_file.hpp"

#include <fmt/core.h>
#include <zip.h>

#include <ctime>

namespace meetscan::core {

Status writeZipAtomically(const std::filesystem::path& path, const std::vector<ZipEntry>& entries) {
    const auto temporary = temporaryPathFor(path);
    zipFile zip = zipOpen64(temporary.c_str(), APPEND_STATUS_CREATE);
    if (zip == nullptr)
        return Error::world(fmt::format("{}: cannot create the archive", temporary.string()));
    zip_fileinfo info{};
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    info.tmz_date = {static_cast<unsigned>(local.tm_sec),  static_cast<unsigned>(local.tm_min),
                     static_cast<unsigned>(local.tm_hour), static_cast<unsigned>(local.tm_mday),
                     static_cast<unsigned>(local.tm_mon),  static_cast<unsigned>(local.tm_year + 1900)};
    bool ok = true;
    for (const auto& entry : entries) {
        ok = zipOpenNewFileInZip64(zip, entry.name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                                   Z_DEFAULT_COMPRESSION, 0) == ZIP_OK &&
             zipWriteInFileInZip(zip, entry.bytes.data(), static_cast<unsigned>(entry.bytes.size())) == ZIP_OK &&
             zipCloseFileInZip(zip) == ZIP_OK;
        if (!ok)
            break;
    }
    ok = zipClose(zip, nullptr) == ZIP_OK && ok;
    if (!ok) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        return Error::world(fmt::format("{}: cannot write the archive (disk full?)", path.string()));
    }
    return commitTemporary(temporary, path);
}

} // namespace meetscan::core
