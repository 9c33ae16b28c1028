#pragma once
// Text as textures rendered by Pango: every script (Latin, Cyrillic, Greek, CJK, Arabic with
// shaping and right-to-left order) through fontconfig's fallback, which ImGui's own font atlas
// cannot do. A string is rendered once and kept while it stays on screen.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace meetscan::ui {

struct TextTexture {
    std::uint32_t texture = 0; // GL texture name (white glyphs, coverage in alpha)
    float width = 0.0F;
    float height = 0.0F;
    std::uint64_t lastUsedFrame = 0;
};

struct TextKey {
    std::string text;
    int pixelSize = 0;
    bool bold = false;
    int wrapWidth = 0; // 0: one line
    bool operator==(const TextKey&) const = default;
};

class TextCache {
public:
    TextCache() = default;
    ~TextCache();
    TextCache(const TextCache&) = delete;
    TextCache& operator=(const TextCache&) = delete;

    // The texture for `text` (rendered now if it is new). Valid until the next endFrame().
    const TextTexture& get(std::string_view text, float pixelSize, bool bold, float wrapWidth = 0.0F);
    // Drops textures not used for a while (result screens come and go; names must not pile up).
    void endFrame();

private:
    struct KeyHash {
        std::size_t operator()(const TextKey& key) const;
    };
    std::unordered_map<TextKey, TextTexture, KeyHash> m_entries;
    std::uint64_t m_frame = 0;
};

} // namespace meetscan::ui
