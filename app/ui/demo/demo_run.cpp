#include "ui/demo/demo_run.hpp"

#include "core/demo/demo_event.hpp"
#include "core/session/admin_lock.hpp"
#include "core/store/stats.hpp"
#include "core/store/store.hpp"
#include "ui/demo/demo_script.hpp"
#include "ui/kiosk.hpp"

#include <fmt/core.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <vector>

namespace meetscan::ui {
namespace {

bool hasDisplay() {
    const char* x11 = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (x11 != nullptr && *x11 != '\0') || (wayland != nullptr && *wayland != '\0');
}

bool hasCamera() {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator("/dev", error))
        if (entry.path().filename().string().rfind("video", 0) == 0)
            return true;
    return false;
}

std::filesystem::path findInPath(const std::string& program) {
    const char* path = std::getenv("PATH");
    std::string paths = path != nullptr ? path : "/usr/bin:/bin";
    std::size_t start = 0;
    while (start <= paths.size()) {
        std::size_t end = paths.find(':', start);
        std::filesystem::path candidate = std::filesystem::path(paths.substr(start, end - start)) / program;
        if (access(candidate.c_str(), X_OK) == 0)
            return candidate;
        if (end == std::string::npos)
            break;
        start = end + 1;
    }
    return {};
}

// Runs a program and waits for it; returns its exit status (-1 when it could not run).
int runAndWait(const std::vector<std::string>& argv) {
    std::vector<char*> args;
    for (const auto& arg : argv)
        args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    pid_t child = fork();
    if (child < 0)
        return -1;
    if (child == 0) {
        execv(args[0], args.data());
        _exit(127);
    }
    int status = 0;
    if (waitpid(child, &status, 0) < 0)
        return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

Status writeFile(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path);
    out << text;
    if (!out)
        return Error::world("cannot write " + path.string());
    return Done{};
}

} // namespace

Status runDemo(const DemoRunOptions& options) {
    std::error_code error;
    std::filesystem::create_directories(options.directory, error);
    if (error)
        return Error::world("cannot create " + options.directory.string() + ": " + error.message());
    const std::filesystem::path directory = std::filesystem::absolute(options.directory);
    const std::filesystem::path database = directory / "meetscan.db";
    core::DemoEvent demo;
    core::Exhibitor exhibitor;
    {
        auto store = core::Store::open(database);
        if (!store)
            return store.error();
        auto created = core::createDemoEvent(**store, core::DemoOptions{});
        if (!created)
            return created.error();
        demo = std::move(created).value();
        if (demo.badgeTexts.size() < 24 || demo.exhibitorIds.empty())
            return Error::world("the demo event is too small to tour");
        if (auto found = (*store)->exhibitors().byId(demo.exhibitorIds.front()))
            exhibitor = *found;
        core::Station station = (*store)->events().station();
        station.mode = core::Mode::Meet;
        station.exhibitorId = exhibitor.id; // the admin panel switches to Booth for this exhibitor
        if (auto saved = (*store)->events().saveStation(station); !saved)
            return saved.error();
    }
    std::string badges;
    for (const auto& text : demo.badgeTexts)
        badges += text + "\n";
    if (auto written = writeFile(directory / "badges.txt", badges); !written)
        return written;
    fmt::print("demo event with {} attendees and {} exhibitors in {}\n", demo.attendeeIds.size(), demo.exhibitorIds.size(),
               database.string());
    fmt::print("signed badge texts: {}\n", (directory / "badges.txt").string());

    const bool headless = options.headless || !hasDisplay();
    if (!headless) {
        KioskOptions kiosk;
        kiosk.database = database;
        kiosk.source = hasCamera() ? "camera" : "synthetic";
        kiosk.syntheticTexts.assign(demo.badgeTexts.begin(), demo.badgeTexts.begin() + 12);
        fmt::print("opening the kiosk with the {} source (admin: tap the top-right corner five times, PIN {})\n",
                   kiosk.source, core::kDemoAdminPin);
        std::fflush(stdout);
        return runKiosk(kiosk);
    }

    const std::filesystem::path script = directory / "demo-script.jsonl";
    if (auto written = writeFile(script, buildDemoScript(demo, exhibitor)); !written)
        return written;
    const std::filesystem::path screenshots = directory / "screenshots";
    std::filesystem::path xvfbRun = findInPath("xvfb-run");
    if (xvfbRun.empty())
        return Error::world("no display, and xvfb-run is not installed to run the kiosk headless (apt install xvfb)");
    fmt::print("{}: running a scripted session headless on a virtual X server (xvfb-run, software OpenGL)\n",
               options.headless ? "--headless" : "no display ($DISPLAY and $WAYLAND_DISPLAY are unset)");
    std::fflush(stdout);
    int status = runAndWait({xvfbRun.string(), "-a", "-s", "-screen 0 1920x1080x24", options.executable.string(), "--db",
                             database.string(), "kiosk", "--windowed", "--mute", "--source", "synthetic", "--badges",
                             (directory / "badges.txt").string(), "--script", script.string(), "--screenshot-dir",
                             screenshots.string()});
    if (status != 0)
        return Error::world("the headless kiosk session failed (exit status " + std::to_string(status) + ")");
    auto store = core::Store::open(database);
    if (!store)
        return store.error();
    core::EventStats stats = core::collectStats(**store, core::nowMs());
    int shots = 0;
    for (const auto& entry : std::filesystem::directory_iterator(screenshots, error))
        shots += entry.path().extension() == ".png" ? 1 : 0;
    fmt::print("recorded {} scans, {} meetings, {} connections and {} leads\n", stats.scans, stats.meetings,
               stats.connections, stats.leads);
    fmt::print("{} screenshots (1920x1080) in {}\n", shots, screenshots.string());
    return Done{};
}

} // namespace meetscan::ui
