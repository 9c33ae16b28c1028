#include "ui/runner/screenshot.hpp"

#include <GL/gl.h>
#include <cairo.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <fstream>
#include <system_error>

namespace meetscan::ui {

Status saveScreenshot(const std::filesystem::path& directory, const std::string& name, int width, int height,
                      const ScreenRecord& record) {
    std::error_code error;
    std::filesystem::create_directories(directory, error);
    if (error)
        return Error::world("cannot create " + directory.string() + ": " + error.message());
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4U);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());

    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
    auto* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    for (int y = 0; y < height; ++y) {
        // GL rows run bottom to top.
        const std::uint8_t* source = pixels.data() + static_cast<std::size_t>(height - 1 - y) * static_cast<std::size_t>(width) * 4U;
        auto* target = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < width; ++x) {
            const std::uint8_t* p = source + static_cast<std::size_t>(x) * 4U;
            target[x] = 0xFF000000U | (std::uint32_t{p[0]} << 16U) | (std::uint32_t{p[1]} << 8U) | std::uint32_t{p[2]};
        }
    }
    cairo_surface_mark_dirty(surface);
    const std::filesystem::path png = directory / (name + ".png");
    cairo_status_t written = cairo_surface_write_to_png(surface, png.c_str());
    cairo_surface_destroy(surface);
    if (written != CAIRO_STATUS_SUCCESS)
        return Error::world("cannot write " + png.string() + ": " + cairo_status_to_string(written));

    nlohmann::json json{{"screen", record.screen}, {"overlay", record.overlay}, {"texts", record.texts},
                        {"buttons", record.buttons}, {"boxes", record.boxes}, {"width", width}, {"height", height}};
    std::ofstream out(directory / (name + ".json"));
    out << json.dump(2) << '\n';
    if (!out)
        return Error::world("cannot write " + (directory / (name + ".json")).string());
    return Done{};
}

} // namespace meetscan::ui
