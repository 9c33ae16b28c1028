#pragma once
// A private X server for a test that must keep a hand on the kiosk process itself (kill it,
// change its limits): xvfb-run would put a shell between the test and the kiosk.
#include "support/child_process.hpp"

#include <memory>
#include <string>

namespace meetscan::test {

class XvfbDisplay {
public:
    XvfbDisplay(); // 1920x1080x24 on the first free display number
    ~XvfbDisplay();
    XvfbDisplay(const XvfbDisplay&) = delete;
    XvfbDisplay& operator=(const XvfbDisplay&) = delete;

    // ":N", or empty when the server could not be started.
    [[nodiscard]] const std::string& display() const { return m_display; }

    static bool available();

private:
    std::unique_ptr<ChildProcess> m_server;
    std::string m_display;
};

} // namespace meetscan::test
