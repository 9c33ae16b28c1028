#include "ui/textures/text_cache.hpp"

#include <GL/gl.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

namespace meetscan::ui {
namespace {

constexpr std::uint64_t kKeepFrames = 180; // about three seconds at 60 Hz

TextTexture render(const TextKey& key) {
    // Measure on a 1x1 surface, then draw on one of the right size.
    cairo_surface_t* probe = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
    cairo_t* probeCairo = cairo_create(probe);
    PangoLayout* layout = pango_cairo_create_layout(probeCairo);
    PangoFontDescription* font = pango_font_description_from_string(key.bold ? "Noto Sans Bold" : "Noto Sans");
    pango_font_description_set_absolute_size(font, key.pixelSize * PANGO_SCALE);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    pango_layout_set_text(layout, key.text.data(), static_cast<int>(key.text.size()));
    if (key.wrapWidth > 0) {
        pango_layout_set_width(layout, key.wrapWidth * PANGO_SCALE);
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
    } else {
        pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_NONE);
    }
    PangoRectangle ink{};
    PangoRectangle logical{};
    pango_layout_get_pixel_extents(layout, &ink, &logical);
    int width = std::max(1, logical.width);
    int height = std::max(1, logical.height);

    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
    cairo_t* cairo = cairo_create(surface);
    cairo_set_source_rgba(cairo, 1.0, 1.0, 1.0, 1.0);
    cairo_move_to(cairo, -logical.x, -logical.y);
    pango_cairo_update_layout(cairo, layout);
    pango_cairo_show_layout(cairo, layout);
    cairo_surface_flush(surface);

    // Premultiplied white: every channel equals the coverage, which becomes the alpha.
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    std::vector<std::uint8_t> rgba(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4U);
    for (int y = 0; y < height; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < width; ++x) {
            auto alpha = static_cast<std::uint8_t>(row[x] >> 24U);
            std::size_t at = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4U;
            rgba[at] = 255;
            rgba[at + 1] = 255;
            rgba[at + 2] = 255;
            rgba[at + 3] = alpha;
        }
    }
    g_object_unref(layout);
    cairo_destroy(cairo);
    cairo_surface_destroy(surface);
    cairo_destroy(probeCairo);
    cairo_surface_destroy(probe);

    TextTexture result;
    GLuint texture = 0;
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    result.texture = texture;
    result.width = static_cast<float>(width);
    result.height = static_cast<float>(height);
    return result;
}

} // namespace

std::size_t TextCache::KeyHash::operator()(const TextKey& key) const {
    std::size_t hash = std::hash<std::string>{}(key.text);
    hash ^= std::hash<int>{}(key.pixelSize * 2 + (key.bold ? 1 : 0)) + 0x9e3779b9U + (hash << 6U) + (hash >> 2U);
    hash ^= std::hash<int>{}(key.wrapWidth) + 0x9e3779b9U + (hash << 6U) + (hash >> 2U);
    return hash;
}

TextCache::~TextCache() {
    for (auto& [key, entry] : m_entries) {
        GLuint texture = entry.texture;
        glDeleteTextures(1, &texture);
    }
}

const TextTexture& TextCache::get(std::string_view text, float pixelSize, bool bold, float wrapWidth) {
    TextKey key{std::string(text), static_cast<int>(std::lround(pixelSize)), bold,
                static_cast<int>(std::lround(wrapWidth))};
    auto found = m_entries.find(key);
    if (found == m_entries.end())
        found = m_entries.emplace(key, render(key)).first;
    found->second.lastUsedFrame = m_frame;
    return found->second;
}

void TextCache::endFrame() {
    ++m_frame;
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (m_frame - it->second.lastUsedFrame > kKeepFrames) {
            GLuint texture = it->second.texture;
            glDeleteTextures(1, &texture);
            it = m_entries.erase(it);
        } else {
            ++it;
        }
    }
}

} // namespace meetscan::ui
