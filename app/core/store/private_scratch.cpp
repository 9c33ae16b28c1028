#include "core/store/private_scratch.hpp"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <string>

namespace meetscan::core {

namespace {

// Scratch folders are named "<pid>-XXXXXX"; a folder whose process is gone is left over.
bool leftOver(const std::filesystem::path& folder) {
    const std::string name = folder.filename().string();
    const auto dash = name.find('-');
    if (dash == std::string::npos || dash == 0)
        return false;
    char* end = nullptr;
    const long pid = std::strtol(name.c_str(), &end, 10);
    if (end != name.c_str() + dash || pid <= 0)
        return false;
    return pid != static_cast<long>(getpid()) && kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

void sweep(const std::filesystem::path& root) {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(root, error))
        if (entry.is_directory(error) && leftOver(entry.path()))
            std::filesystem::remove_all(entry.path(), error);
}

} // namespace

std::filesystem::path scratchRoot(const std::filesystem::path& folder) { return folder / ".meetscan-scratch"; }

void sweepLeftOverScratch(const std::filesystem::path& database) {
    const auto root = scratchRoot(database.has_parent_path() ? database.parent_path() : std::filesystem::path("."));
    std::error_code error;
    if (!std::filesystem::is_directory(root, error))
        return;
    sweep(root);
    rmdir(root.c_str()); // gone when nothing of a live process is left in it
}

Expected<PrivateScratch> PrivateScratch::create(const std::filesystem::path& nextTo) {
    const auto folder = nextTo.has_parent_path() ? nextTo.parent_path() : std::filesystem::path(".");
    const auto root = scratchRoot(folder);
    std::error_code ignored;
    std::filesystem::create_directories(folder, ignored); // a kiosk's first database may be its folder's first file
    if (mkdir(root.c_str(), 0700) != 0 && errno != EEXIST)
        return Error::world(fmt::format("cannot create {}: {}", root.string(), std::strerror(errno)));
    // In a shared folder (/tmp) someone else may have made the root first: use only our own.
    struct stat info {};
    if (lstat(root.c_str(), &info) != 0 || !S_ISDIR(info.st_mode) || info.st_uid != geteuid() ||
        (info.st_mode & 077) != 0)
        return Error::world(fmt::format("{} is not a private folder of this user; remove it", root.string()));
    sweep(root);
    std::string pattern = (root / fmt::format("{}-XXXXXX", getpid())).string();
    if (mkdtemp(pattern.data()) == nullptr) // mkdtemp makes it 0700
        return Error::world(fmt::format("cannot create a private folder in {}: {}", root.string(), std::strerror(errno)));
    return PrivateScratch(std::filesystem::path(pattern));
}

PrivateScratch::PrivateScratch(PrivateScratch&& other) noexcept : m_path(std::move(other.m_path)) {
    other.m_path.clear();
}

PrivateScratch::~PrivateScratch() {
    if (m_path.empty())
        return;
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
    // The root goes too once nothing else of ours is in it (rmdir fails while it is not empty).
    rmdir(m_path.parent_path().c_str());
}

} // namespace meetscan::core
