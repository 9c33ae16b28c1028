#pragma once
// Saves what the kiosk shows: NAME.png (the whole framebuffer) and NAME.json (the screen's id,
// any overlay, every string drawn that frame, and where its buttons and fields are) for tests and the headless demo.
#include "meetscan/scanner/expected.hpp"

#include <array>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace meetscan::ui {

struct ScreenRecord {
    std::string screen;
    std::string overlay;
    std::vector<std::string> texts;
    std::vector<std::string> buttons;
    // Where every button and text field was: label -> {left, top, right, bottom} in pixels.
    std::map<std::string, std::array<float, 4>, std::less<>> boxes;
};

// Reads the current GL framebuffer (call after rendering, before the buffer swap).
Status saveScreenshot(const std::filesystem::path& directory, const std::string& name, int width, int height,
                      const ScreenRecord& record);

} // namespace meetscan::ui
