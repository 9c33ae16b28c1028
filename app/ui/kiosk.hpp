#pragma once
// The kiosk: a fullscreen touch app over the session worker and the scan loop.
#include "meetscan/scanner/expected.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace meetscan::ui {

struct KioskOptions {
    std::filesystem::path database;
    std::string source = "camera";           // SOURCE, as `meetscan scan --source`
    std::vector<std::string> syntheticTexts; // badges the `synthetic` source shows
    int syntheticWidth = 1280;               // frame size of the `synthetic` source
    int syntheticHeight = 720;
    bool windowed = false;                   // a 1920x1080 window instead of fullscreen
    bool sound = true;
    std::filesystem::path screenshotDir;     // where scripted screenshots go
    std::filesystem::path script;            // hidden: a scripted session (runner/script.hpp)
    std::filesystem::path timings;           // hidden: frame times for the benchmark
    int maxFrames = 0;                       // hidden: stop after this many frames (0: run on)
    std::string server;                      // sync server (conninfo or URI); empty: the station's own
                                             // login (station_login.hpp), else no sync
};

// Runs until quit from the admin panel, the window is closed, or the script ends. A database
// that does not exist yet is a kiosk of no event: it shows "Scan the station set-up code" and
// joins through the server when shown one (`meetscan station add --qr` at the office).
// Errors: no display, no OpenGL, a bad source or script, a database that cannot be opened.
Status runKiosk(const KioskOptions& options);

} // namespace meetscan::ui
