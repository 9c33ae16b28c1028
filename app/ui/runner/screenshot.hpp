#pragma once
// Saves what the kiosk shows: NAME.png (the whole framebuffer) and NAME.json (the screen's id,
// any overlay, and every string drawn that frame) for tests and the headless demo.
#include "meetscan/scanner/expected.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace meetscan::ui {

struct ScreenRecord {
    std::string screen;
    std::string overlay;
    std::vector<std::string> texts;
    std::vector<std::string> buttons;
};

// Reads the current GL framebuffer (call after rendering, before the buffer swap).
Status saveScreenshot(const std::filesystem::path& directory, const std::string& name, int width, int height,
                      const ScreenRecord& record);

} // namespace meetscan::ui
