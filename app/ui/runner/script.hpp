#pragma once
// A scripted kiosk session (hidden `--script FILE`, for screenshot tests and the headless demo):
// JSON lines of timed steps, fed through the same input paths a person and a scanner use.
//   {"scan":"TEXT"} {"tap":"LABEL"} {"type":"TEXT"} {"key":"Enter"} {"wait_ms":N}
//   {"screenshot":"NAME"} {"quit":true}
//   {"close":true}: a window-close request, as Alt+F4 or the compositor sends it
#include "meetscan/scanner/expected.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace meetscan::ui {

struct ScriptStep {
    enum class Kind { Scan, Tap, Type, Key, WaitMs, Screenshot, Quit, Close };
    Kind kind = Kind::WaitMs;
    std::string text; // scan text, tap label, typed text, key name, screenshot name
    int milliseconds = 0;
};

// Parses a script file; a bad line is Error::badInput naming the line.
Expected<std::vector<ScriptStep>> loadScript(const std::filesystem::path& path);

} // namespace meetscan::ui
