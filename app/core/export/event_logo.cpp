#include "core/export/event_logo.hpp"

#include <cairo.h>
#include <fmt/core.h>

#include <algorithm>
#include <cstring>
#include <fstream>

namespace meetscan::core {

namespace {

constexpr std::size_t kMaxLogoBytes = 5 << 20; // a logo, not a poster
constexpr int kMaxLogoSide = 4096;
constexpr char kPngSignature[] = "\x89PNG\r\n\x1a\n";

struct PngReader {
    const std::string* bytes;
    std::size_t at = 0;
};

cairo_status_t readPng(void* closure, unsigned char* data, unsigned int length) {
    auto* reader = static_cast<PngReader*>(closure);
    if (reader->bytes->size() - reader->at < length)
        return CAIRO_STATUS_READ_ERROR;
    std::memcpy(data, reader->bytes->data() + reader->at, length);
    reader->at += length;
    return CAIRO_STATUS_SUCCESS;
}

struct SurfaceDeleter {
    void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;

// Null when the bytes are not a PNG that cairo (libpng) decodes.
Surface decode(const std::string& png) {
    if (png.compare(0, sizeof kPngSignature - 1, kPngSignature) != 0)
        return nullptr;
    PngReader reader{&png};
    Surface surface(cairo_image_surface_create_from_png_stream(readPng, &reader));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        return nullptr;
    return surface;
}

} // namespace

Expected<std::shared_ptr<const EventLogo>> readEventLogo(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::error_code error;
    if (!in || std::filesystem::is_directory(path, error))
        return Error::world(fmt::format("logo {}: cannot read it", path.string()));
    auto logo = std::make_shared<EventLogo>();
    logo->png.resize(kMaxLogoBytes + 1);
    in.read(logo->png.data(), static_cast<std::streamsize>(logo->png.size()));
    logo->png.resize(static_cast<std::size_t>(in.gcount()));
    if (logo->png.size() > kMaxLogoBytes)
        return Error::badInput(fmt::format("logo {}: larger than {} MB", path.string(), kMaxLogoBytes >> 20));
    const auto surface = decode(logo->png);
    if (!surface)
        return Error::badInput(fmt::format("logo {}: not a PNG image", path.string()));
    logo->width = cairo_image_surface_get_width(surface.get());
    logo->height = cairo_image_surface_get_height(surface.get());
    if (logo->width < 1 || logo->height < 1 || logo->width > kMaxLogoSide || logo->height > kMaxLogoSide)
        return Error::badInput(fmt::format("logo {}: {}x{} pixels; at most {} on a side", path.string(), logo->width,
                                           logo->height, kMaxLogoSide));
    return std::shared_ptr<const EventLogo>(std::move(logo));
}

Expected<std::shared_ptr<const EventLogo>> eventLogo(const EventSettings& settings) {
    if (settings.logo.empty())
        return std::shared_ptr<const EventLogo>();
    return readEventLogo(settings.logo);
}

double drawEventLogo(cairo_t* cr, const EventLogo& logo, double x, double y, double maxWidth, double maxHeight) {
    const auto decoded = decode(logo.png);
    if (!decoded || logo.width < 1 || logo.height < 1)
        return 0.0;
    // Flattened onto white: an image with an alpha channel becomes a PDF soft mask, and a soft
    // mask makes the PostScript that CUPS prints from rasterise the whole page.
    const Surface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, logo.width, logo.height));
    cairo_t* flat = cairo_create(surface.get());
    cairo_set_source_rgb(flat, 1, 1, 1);
    cairo_paint(flat);
    cairo_set_source_surface(flat, decoded.get(), 0, 0);
    cairo_paint(flat);
    cairo_destroy(flat);
    const double scale = std::min({maxWidth / logo.width, maxHeight / logo.height, 1.0});
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, scale, scale);
    cairo_set_source_surface(cr, surface.get(), 0, 0);
    cairo_rectangle(cr, 0, 0, logo.width, logo.height);
    cairo_fill(cr);
    cairo_restore(cr);
    return logo.height * scale;
}

} // namespace meetscan::core
