#pragma once
// Text as textures rendered by Pango: every script (Latin, Cyrillic, Greek, CJK, Arabic with
// shaping and right-to-left order) through fontconfig's fallback, which ImGui's own font atlas
// cannot do. A string is rendered once and kept while it stays on screen.
//
// Rendering a new string (shaping, font fallback, rasterising) takes milliseconds, tens of them
// for a script whose font is not loaded yet, so it never happens on the UI thread: a miss queues
// the string for a worker thread and get() answers "not ready" (size 0, no texture) until the
// pixels are back; pump() uploads them to GL on the UI thread at the start of a frame.
#include "ui/textures/text_raster.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

namespace meetscan::ui {

struct TextTexture {
    std::uint32_t texture = 0; // GL texture name (white glyphs, coverage in alpha); 0: not ready
    float width = 0.0F;
    float height = 0.0F;
    std::uint64_t lastUsedFrame = 0;
    [[nodiscard]] bool ready() const { return texture != 0; }
};

class TextCache {
public:
    TextCache();
    ~TextCache(); // stops the worker; needs the GL context still current
    TextCache(const TextCache&) = delete;
    TextCache& operator=(const TextCache&) = delete;

    // The texture for `text`, or a not-ready one (queued now if it is new). Valid until the next
    // endFrame(). Each miss is counted for the frame (see missesThisFrame).
    const TextTexture& get(std::string_view text, float pixelSize, bool bold, float wrapWidth = 0.0F);
    // Queues `text` ahead of need (the next second of a countdown), without counting a miss.
    void prefetch(std::string_view text, float pixelSize, bool bold, float wrapWidth = 0.0F);

    // Uploads what the worker finished since the last call. Call at the start of a frame.
    void pump();
    // Waits, at most `limit`, until the worker has something to upload (a frame held back for
    // its text sleeps here instead of spinning).
    void waitForWork(std::chrono::milliseconds limit);
    [[nodiscard]] int missesThisFrame() const { return m_misses; }
    // Drops textures not used for a while (result screens come and go; names must not pile up).
    void endFrame();

private:
    struct KeyHash {
        std::size_t operator()(const TextKey& key) const;
    };
    struct Done {
        TextKey key;
        TextPixels pixels;
    };
    static TextKey makeKey(std::string_view text, float pixelSize, bool bold, float wrapWidth);
    TextTexture& lookup(TextKey key);
    void work(std::stop_token stop);

    std::unordered_map<TextKey, TextTexture, KeyHash> m_entries; // UI thread only
    std::uint64_t m_frame = 0;
    int m_misses = 0;

    std::mutex m_mutex; // guards the two queues
    std::condition_variable_any m_jobsReady;
    std::condition_variable m_doneReady;
    std::deque<TextKey> m_jobs;
    std::vector<Done> m_done;
    bool m_rendering = false; // the worker holds a job outside the lock
    std::jthread m_worker; // last: started after, and stopped before, everything above
};

} // namespace meetscan::ui
