#pragma once
// Lays out and rasterises one string with Pango and Cairo into white RGBA pixels (coverage in
// alpha). Pure CPU work with no GL: the text cache runs it on its own worker thread, and
// Pango's default font map is per thread, so all of the kiosk's text shaping happens there.
#include <cstdint>
#include <string>
#include <vector>

namespace meetscan::ui {

struct TextKey {
    std::string text;
    int pixelSize = 0;
    bool bold = false;
    int wrapWidth = 0; // 0: one line
    bool operator==(const TextKey&) const = default;
};

struct TextPixels {
    int width = 1;
    int height = 1;
    std::vector<std::uint8_t> rgba; // width * height * 4, rows top to bottom
};

[[nodiscard]] TextPixels rasteriseText(const TextKey& key);

} // namespace meetscan::ui
