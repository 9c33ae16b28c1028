#pragma once
// Steps of a kiosk script (`meetscan kiosk --script FILE`, one JSON object per line), so the
// screenshot tests read as what a person does at the kiosk.
#include "core/demo/demo_event.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace meetscan::test {

inline std::string scan(const std::string& badgeText) { return nlohmann::json{{"scan", badgeText}}.dump(); }
inline std::string tap(const std::string& label) { return nlohmann::json{{"tap", label}}.dump(); }
inline std::string wait(int ms) { return nlohmann::json{{"wait_ms", ms}}.dump(); }
// A short wait first, so the screen has settled after the step before.
inline std::string shot(const std::string& name) {
    return wait(300) + "\n" + nlohmann::json{{"screenshot", name}}.dump();
}

// Taps `pin` on the PIN pad, then OK. Without a PIN: the demo event's own (kDemoAdminPin).
inline std::vector<std::string> pinTaps(const std::string& pin = core::kDemoAdminPin) {
    std::vector<std::string> taps;
    for (const char digit : pin)
        taps.push_back(tap(std::string(1, digit)));
    taps.push_back(tap("OK"));
    return taps;
}

} // namespace meetscan::test
