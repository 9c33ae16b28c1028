#include "core/export/packet_folders.hpp"

#include <algorithm>

namespace meetscan::core {

namespace {

bool endsWith(const std::string& text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool stripSuffix(std::string& text, std::string_view suffix) {
    if (!endsWith(text, suffix))
        return false;
    text.resize(text.size() - suffix.size());
    return true;
}

// packetFolderName's slug: lower-case ASCII letters, digits and single inner dashes.
bool isSlug(std::string_view slug) {
    return !slug.empty() && slug.front() != '-' && slug.back() != '-' &&
           std::all_of(slug.begin(), slug.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

// The attendee whose packet `stem` (a name without .zip/.tmp/.old) would be.
std::optional<Attendee> ownerOf(Store& store, const std::string& stem) {
    if (auto whole = store.attendees().byId(stem))
        return whole;
    const auto cut = stem.rfind('_');
    if (cut == std::string::npos || !isSlug(std::string_view(stem).substr(0, cut)))
        return std::nullopt;
    return store.attendees().byId(stem.substr(cut + 1));
}

} // namespace

std::vector<PacketEntry> ourPacketEntries(Store& store, const std::filesystem::path& dir) {
    std::vector<PacketEntry> entries;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
        const auto name = entry.path().filename().string();
        std::string stem = name;
        const bool leftover = stripSuffix(stem, ".tmp") || stripSuffix(stem, ".old");
        const bool zip = stripSuffix(stem, ".zip");
        std::error_code ignored;
        const bool folder = entry.is_directory(ignored) && !entry.is_symlink(ignored);
        const bool file = entry.is_regular_file(ignored) && !entry.is_symlink(ignored);
        // A finished folder always holds its packet.json: without one it is not something we wrote.
        const bool shaped = leftover ? (folder || file)
                            : zip    ? file
                                     : folder && std::filesystem::is_regular_file(entry.path() / "packet.json", ignored);
        if (!shaped || stem.empty())
            continue;
        if (auto attendee = ownerOf(store, stem))
            entries.push_back({name, std::move(*attendee), leftover});
    }
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return entries;
}

} // namespace meetscan::core
