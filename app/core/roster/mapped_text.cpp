#include "core/roster/mapped_text.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace meetscan::core {

namespace {

// Closes the descriptor on every way out; the mapping outlives it.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : m_fd(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    [[nodiscard]] int get() const { return m_fd; }

private:
    int m_fd;
};

std::string reason() {
    return std::strerror(errno);
}

} // namespace

Expected<MappedText> MappedText::open(const std::filesystem::path& path) {
    const std::string name = path.string();
    std::error_code error;
    if (std::filesystem::is_directory(path, error))
        return Error::badInput(fmt::format("cannot open {}: it is a directory", name));
    FileDescriptor fd(::open(name.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0)
        return Error::badInput(fmt::format("cannot open {}: {}", name, reason()));
    struct stat status {};
    if (::fstat(fd.get(), &status) != 0)
        return Error::world(fmt::format("cannot read {}: {}", name, reason()));

    MappedText text;
    if (S_ISREG(status.st_mode) && status.st_size > 0) {
        const auto size = static_cast<std::size_t>(status.st_size);
        // MAP_POPULATE: the pages are mapped in this one call rather than one fault at a time.
        void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd.get(), 0);
        if (map != MAP_FAILED) {
            text.m_map = map;
            text.m_size = size;
            return text;
        }
    }
    // A pipe, a character device, an empty file or a file system that cannot map: read it, up to
    // a limit, since /dev/zero or a runaway pipe never ends.
    char buffer[65536];
    for (;;) {
        const ssize_t got = ::read(fd.get(), buffer, sizeof buffer);
        if (got == 0)
            break;
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return Error::world(fmt::format("cannot read {}: {}", name, reason()));
        }
        if (text.m_copy.size() + static_cast<std::size_t>(got) > kMaxStreamBytes)
            return Error::badInput(fmt::format("{}: more than {} MiB from a stream that is not a regular file; "
                                               "save it to a file first",
                                               name, kMaxStreamBytes >> 20U));
        text.m_copy.append(buffer, static_cast<std::size_t>(got));
    }
    return text;
}

MappedText::MappedText(MappedText&& other) noexcept
    : m_map(std::exchange(other.m_map, nullptr)), m_size(std::exchange(other.m_size, 0)),
      m_copy(std::move(other.m_copy)) {}

MappedText& MappedText::operator=(MappedText&& other) noexcept {
    if (this != &other) {
        if (m_map != nullptr)
            ::munmap(m_map, m_size);
        m_map = std::exchange(other.m_map, nullptr);
        m_size = std::exchange(other.m_size, 0);
        m_copy = std::move(other.m_copy);
    }
    return *this;
}

MappedText::~MappedText() {
    if (m_map != nullptr)
        ::munmap(m_map, m_size);
}

} // namespace meetscan::core
