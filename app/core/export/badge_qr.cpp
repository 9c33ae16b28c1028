#include "core/export/badge_qr.hpp"

#include "meetscan/scanner/qr_matrix.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <cstring>
#include <memory>

namespace meetscan::core {

namespace {

std::uint32_t channel(double value) {
    return static_cast<std::uint32_t>(value * 255.0 + 0.5) & 0xFFU;
}

// The dark modules' colour as a CAIRO_FORMAT_RGB24 pixel.
std::uint32_t inkOf(cairo_t* cr) {
    double r = 0, g = 0, b = 0, a = 1;
    if (cairo_pattern_get_rgba(cairo_get_source(cr), &r, &g, &b, &a) != CAIRO_STATUS_SUCCESS)
        return 0;
    return channel(r) << 16U | channel(g) << 8U | channel(b);
}

} // namespace

void paintQr(cairo_t* cr, const std::vector<std::vector<bool>>& modules, double x, double y, double size) {
    if (modules.empty())
        return;
    constexpr std::uint32_t kPaper = 0xFFFFFFU;
    const std::uint32_t ink = inkOf(cr);
    const int count = static_cast<int>(modules.size());
    cairo_surface_t* image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, count, count);
    cairo_surface_flush(image);
    unsigned char* data = cairo_image_surface_get_data(image);
    const int stride = cairo_image_surface_get_stride(image);
    for (int row = 0; row < count; ++row) {
        const auto& dark = modules[static_cast<std::size_t>(row)];
        for (int col = 0; col < count; ++col) {
            const std::uint32_t pixel = dark[static_cast<std::size_t>(col)] ? ink : kPaper;
            std::memcpy(data + row * stride + col * 4, &pixel, sizeof pixel);
        }
    }
    cairo_surface_mark_dirty(image);
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, size / count, size / count);
    cairo_pattern_t* pattern = cairo_pattern_create_for_surface(image);
    cairo_pattern_set_filter(pattern, CAIRO_FILTER_NEAREST);
    cairo_set_source(cr, pattern);
    cairo_rectangle(cr, 0, 0, count, count);
    cairo_fill(cr);
    cairo_pattern_destroy(pattern);
    cairo_restore(cr); // the caller's source again
    cairo_surface_destroy(image);
}

Status writeQrPng(std::string_view text, const std::filesystem::path& out, int moduleSize) {
    const auto modules = scanner::encodeQr(text);
    if (modules.empty())
        return Error::badInput("the text is too long for a QR code");
    constexpr int kQuietZone = 4;
    const int side = (static_cast<int>(modules.size()) + 2 * kQuietZone) * moduleSize;
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, side, side), cairo_surface_destroy);
    std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), cairo_destroy);
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    cairo_set_source_rgb(cr.get(), 0, 0, 0);
    const double inset = kQuietZone * moduleSize;
    paintQr(cr.get(), modules, inset, inset, side - 2 * inset);
    cairo_surface_flush(surface.get());
    if (const auto status = cairo_surface_write_to_png(surface.get(), out.c_str()); status != CAIRO_STATUS_SUCCESS)
        return Error::world(fmt::format("cannot write {}: {}", out.string(), cairo_status_to_string(status)));
    return Done{};
}

} // namespace meetscan::core
