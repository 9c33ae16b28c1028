#include "core/export/badge_qr.hpp"

namespace meetscan::core {

void paintQr(cairo_t* cr, const std::vector<std::vector<bool>>& modules, double x, double y, double size) {
    if (modules.empty())
        return;
    const int count = static_cast<int>(modules.size());
    cairo_surface_t* image = cairo_image_surface_create(CAIRO_FORMAT_A8, count, count);
    cairo_surface_flush(image);
    unsigned char* data = cairo_image_surface_get_data(image);
    const int stride = cairo_image_surface_get_stride(image);
    for (int row = 0; row < count; ++row)
        for (int col = 0; col < count; ++col)
            data[row * stride + col] =
                modules[static_cast<std::size_t>(row)][static_cast<std::size_t>(col)] ? 255 : 0;
    cairo_surface_mark_dirty(image);
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, size / count, size / count);
    cairo_pattern_t* pattern = cairo_pattern_create_for_surface(image);
    cairo_pattern_set_filter(pattern, CAIRO_FILTER_NEAREST);
    cairo_mask(cr, pattern);
    cairo_pattern_destroy(pattern);
    cairo_restore(cr);
    cairo_surface_destroy(image);
}

} // namespace meetscan::core
