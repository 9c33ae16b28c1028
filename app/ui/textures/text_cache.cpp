#include "ui/textures/text_cache.hpp"

#include <GL/gl.h>

#include <cmath>
#include <functional>

namespace meetscan::ui {
namespace {

constexpr std::uint64_t kKeepFrames = 180; // about three seconds at 60 Hz

// Loads the fallback fonts for the scripts a roster has (Latin, Cyrillic, Greek, CJK, Arabic)
// before the first badge is scanned, so the first non-Latin name costs no more than any other.
constexpr const char* kWarmUp = "Aa Жж Ωω 漢字 かな 한글 مرحبا";

std::uint32_t upload(const TextPixels& pixels) {
    GLuint texture = 0;
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, pixels.width, pixels.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels.rgba.data());
    return texture;
}

void release(std::uint32_t texture) {
    if (texture == 0)
        return;
    GLuint name = texture;
    glDeleteTextures(1, &name);
}

} // namespace

std::size_t TextCache::KeyHash::operator()(const TextKey& key) const {
    std::size_t hash = std::hash<std::string>{}(key.text);
    hash ^= std::hash<int>{}(key.pixelSize * 2 + (key.bold ? 1 : 0)) + 0x9e3779b9U + (hash << 6U) + (hash >> 2U);
    hash ^= std::hash<int>{}(key.wrapWidth) + 0x9e3779b9U + (hash << 6U) + (hash >> 2U);
    return hash;
}

TextCache::TextCache() {
    m_worker = std::jthread([this](std::stop_token stop) { work(std::move(stop)); });
}

TextCache::~TextCache() {
    m_worker.request_stop();
    if (m_worker.joinable())
        m_worker.join();
    for (auto& [key, entry] : m_entries)
        release(entry.texture);
}

void TextCache::work(std::stop_token stop) {
    while (true) {
        TextKey key;
        {
            std::unique_lock lock(m_mutex);
            if (!m_jobsReady.wait(lock, stop, [this] { return !m_jobs.empty(); }))
                return;
            key = std::move(m_jobs.front());
            m_jobs.pop_front();
            m_rendering = true;
        }
        TextPixels pixels = rasteriseText(key);
        {
            std::lock_guard lock(m_mutex);
            m_done.push_back({std::move(key), std::move(pixels)});
            m_rendering = false;
        }
        m_doneReady.notify_one();
    }
}

TextKey TextCache::makeKey(std::string_view text, float pixelSize, bool bold, float wrapWidth) {
    return TextKey{std::string(text), static_cast<int>(std::lround(pixelSize)), bold, static_cast<int>(std::lround(wrapWidth))};
}

TextTexture& TextCache::lookup(TextKey key) {
    auto found = m_entries.find(key);
    if (found == m_entries.end()) {
        found = m_entries.emplace(key, TextTexture{}).first;
        {
            std::lock_guard lock(m_mutex);
            m_jobs.push_back(std::move(key));
        }
        m_jobsReady.notify_one();
    }
    found->second.lastUsedFrame = m_frame;
    return found->second;
}

const TextTexture& TextCache::get(std::string_view text, float pixelSize, bool bold, float wrapWidth) {
    TextTexture& entry = lookup(makeKey(text, pixelSize, bold, wrapWidth));
    if (!entry.ready())
        ++m_misses;
    return entry;
}

void TextCache::prefetch(std::string_view text, float pixelSize, bool bold, float wrapWidth) {
    lookup(makeKey(text, pixelSize, bold, wrapWidth));
}

void TextCache::pump() {
    std::vector<Done> done;
    {
        std::lock_guard lock(m_mutex);
        done.swap(m_done);
    }
    for (Done& item : done) {
        auto found = m_entries.find(item.key);
        if (found == m_entries.end() || found->second.ready())
            continue; // dropped meanwhile (the warm-up strings, or gone from screen)
        found->second.texture = upload(item.pixels);
        found->second.width = static_cast<float>(item.pixels.width);
        found->second.height = static_cast<float>(item.pixels.height);
    }
}

void TextCache::waitForWork(std::chrono::milliseconds limit) {
    std::unique_lock lock(m_mutex);
    m_doneReady.wait_for(lock, limit, [this] { return !m_done.empty() || (m_jobs.empty() && !m_rendering); });
}

void TextCache::endFrame() {
    if (++m_frame == 1) {
        // After the first frame's own strings, which must not wait behind it.
        {
            std::lock_guard lock(m_mutex);
            m_jobs.push_back(TextKey{kWarmUp, 36, false, 0});
            m_jobs.push_back(TextKey{kWarmUp, 36, true, 0});
        }
        m_jobsReady.notify_one();
    }
    m_misses = 0;
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        // Pending entries stay: their pixels are on the way and pump() fills them in.
        if (it->second.ready() && m_frame - it->second.lastUsedFrame > kKeepFrames) {
            release(it->second.texture);
            it = m_entries.erase(it);
        } else {
            ++it;
        }
    }
}

} // namespace meetscan::ui
