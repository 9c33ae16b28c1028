#include "core/export/atomic_file.hpp"

#include <fmt/core.h>

#include <fcntl.h> // AT_FDCWD
#include <stdio.h> // renameat2, RENAME_EXCHANGE (glibc 2.28+)

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace meetscan::core {

std::filesystem::path temporaryPathFor(const std::filesystem::path& path) {
    auto temporary = path;
    temporary += ".tmp";
    return temporary;
}

Status writeWholeFile(const std::filesystem::path& path, std::string_view bytes) {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (file == nullptr)
        return Error::world(fmt::format("{}: cannot create: {}", path.string(), std::strerror(errno)));
    const bool written = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
    const bool closed = std::fclose(file) == 0;
    if (!written || !closed) {
        std::error_code ignored;
        std::filesystem::remove(path, ignored);
        return Error::world(fmt::format("{}: cannot write (disk full?)", path.string()));
    }
    return Done{};
}

Status writeFileAtomically(const std::filesystem::path& path, std::string_view bytes) {
    const auto temporary = temporaryPathFor(path);
    if (auto status = writeWholeFile(temporary, bytes); !status)
        return status;
    return commitTemporary(temporary, path);
}

Status commitTemporary(const std::filesystem::path& temporary, const std::filesystem::path& path) {
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error) {
        std::filesystem::remove(temporary, error);
        return Error::world(fmt::format("{}: cannot rename into place: {}", path.string(), error.message()));
    }
    return Done{};
}

Status replaceFolder(const std::filesystem::path& temporary, const std::filesystem::path& path) {
    std::error_code error;
    if (::renameat2(AT_FDCWD, temporary.c_str(), AT_FDCWD, path.c_str(), RENAME_EXCHANGE) == 0) {
        std::filesystem::remove_all(temporary, error); // the old packet, swapped out
        if (error)
            return Error::world(fmt::format("{}: cannot remove the packet it replaced: {}", temporary.string(),
                                            error.message()));
        return Done{};
    }
    const int failure = errno;
    if (failure == ENOENT && std::filesystem::exists(temporary, error))
        return commitTemporary(temporary, path); // nothing to replace
    if (failure != EINVAL && failure != ENOSYS && failure != ENOTSUP)
        return Error::world(fmt::format("{}: cannot move into place: {}", path.string(), std::strerror(failure)));

    auto aside = path;
    aside += ".old";
    std::filesystem::remove_all(aside, error);
    std::filesystem::rename(path, aside, error);
    if (error)
        return Error::world(fmt::format("{}: cannot move aside: {}", path.string(), error.message()));
    std::filesystem::rename(temporary, path, error);
    if (error) {
        std::error_code ignored;
        std::filesystem::rename(aside, path, ignored); // the old packet back rather than none
        return Error::world(fmt::format("{}: cannot move into place: {}", path.string(), error.message()));
    }
    std::filesystem::remove_all(aside, error);
    return Done{};
}

} // namespace meetscan::core
