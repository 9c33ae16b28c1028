#pragma once
// A whole file as text, mapped into memory instead of copied. A 100,000-row export is 13 MB:
// reading it into a buffer costs a fresh page of memory for every 4 KiB (on a virtual machine
// each costs about as much as writing a page to disk), while mapping shares the pages the kernel
// already holds. Anything that cannot be mapped (a pipe, an empty file) is read instead.
#include "meetscan/scanner/expected.hpp"

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace meetscan::core {

class MappedText {
public:
    // A pipe or device gives at most this much (a regular file is mapped, whatever its size).
    static constexpr std::size_t kMaxStreamBytes = std::size_t{256} << 20U;

    // Bad input when the file cannot be opened ("cannot open FILE: reason") or is a stream longer
    // than kMaxStreamBytes; a world error when it cannot be read.
    [[nodiscard]] static Expected<MappedText> open(const std::filesystem::path& path);

    MappedText(MappedText&& other) noexcept;
    MappedText& operator=(MappedText&& other) noexcept;
    MappedText(const MappedText&) = delete;
    MappedText& operator=(const MappedText&) = delete;
    ~MappedText();

    // Valid while this object lives. Reading a mapped file that another program shortens meanwhile
    // (or whose disk goes away) raises SIGBUS, as with any mapping: the command line's importer
    // turns that into an error message (app/cli/sigbus_guard.hpp).
    [[nodiscard]] std::string_view text() const {
        return m_map != nullptr ? std::string_view(static_cast<const char*>(m_map), m_size) : m_copy;
    }

private:
    MappedText() = default;

    void* m_map = nullptr;
    std::size_t m_size = 0;
    std::string m_copy; // when not mapped
};

} // namespace meetscan::core
