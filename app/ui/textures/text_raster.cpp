#include "ui/textures/text_raster.hpp"

#include <pango/pangocairo.h>

#include <algorithm>
#include <cstddef>

namespace meetscan::ui {

TextPixels rasteriseText(const TextKey& key) {
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
    TextPixels pixels;
    pixels.width = std::max(1, logical.width);
    pixels.height = std::max(1, logical.height);

    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pixels.width, pixels.height);
    cairo_t* cairo = cairo_create(surface);
    cairo_set_source_rgba(cairo, 1.0, 1.0, 1.0, 1.0);
    cairo_move_to(cairo, -logical.x, -logical.y);
    pango_cairo_update_layout(cairo, layout);
    pango_cairo_show_layout(cairo, layout);
    cairo_surface_flush(surface);

    // Premultiplied white: every channel equals the coverage, which becomes the alpha.
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    const auto width = static_cast<std::size_t>(pixels.width);
    pixels.rgba.resize(width * static_cast<std::size_t>(pixels.height) * 4U);
    for (int y = 0; y < pixels.height; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        std::uint8_t* out = pixels.rgba.data() + static_cast<std::size_t>(y) * width * 4U;
        for (std::size_t x = 0; x < width; ++x) {
            out[x * 4U] = 255;
            out[x * 4U + 1] = 255;
            out[x * 4U + 2] = 255;
            out[x * 4U + 3] = static_cast<std::uint8_t>(row[x] >> 24U);
        }
    }
    g_object_unref(layout);
    cairo_destroy(cairo);
    cairo_surface_destroy(surface);
    cairo_destroy(probeCairo);
    cairo_surface_destroy(probe);
    return pixels;
}

} // namespace meetscan::ui
