#pragma once
// `meetscan demo`: a demo event in its own folder, then the kiosk on it — live with a camera (or
// the synthetic badge source), or headless as a scripted tour of every mode with screenshots.
#include "meetscan/scanner/expected.hpp"

#include <filesystem>
#include <string>

namespace meetscan::ui {

struct DemoRunOptions {
    std::filesystem::path directory = "meetscan-demo";
    bool headless = false;
    std::filesystem::path executable; // this program, re-run under xvfb-run when headless
};

// Prints what it does on stdout. Everything it writes stays under `directory`.
Status runDemo(const DemoRunOptions& options);

} // namespace meetscan::ui
