#include "support/xvfb_display.hpp"

#include <csignal>
#include <filesystem>

namespace meetscan::test {

namespace {
constexpr const char* kXvfb = "/usr/bin/Xvfb";
}

bool XvfbDisplay::available() { return std::filesystem::exists(kXvfb); }

XvfbDisplay::XvfbDisplay() {
    if (!available())
        return;
    // -displayfd: the server picks a free display and writes its number once it accepts clients.
    m_server = std::make_unique<ChildProcess>(
        std::vector<std::string>{kXvfb, "-displayfd", "1", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"});
    if (m_server->waitFor([&] { return !m_server->outLines().empty(); }, std::chrono::seconds(10)))
        m_display = ":" + m_server->outLines().front();
}

XvfbDisplay::~XvfbDisplay() {
    if (m_server) {
        m_server->kill(SIGTERM); // lets it remove its lock file and socket
        m_server->wait();
    }
}

} // namespace meetscan::test
