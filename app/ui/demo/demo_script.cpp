#include "ui/demo/demo_script.hpp"

#include "core/demo/demo_event.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <string_view>

namespace meetscan::ui {
namespace {

class ScriptWriter {
public:
    void step(const char* key, const nlohmann::json& value) { m_text += nlohmann::json{{key, value}}.dump() + "\n"; }
    void scan(const std::string& text) { step("scan", text); }
    void tap(const std::string& label) { step("tap", label); }
    void wait(int ms) { step("wait_ms", ms); }
    void shot(const std::string& name) {
        wait(350);
        step("screenshot", name);
    }
    void openAdmin() {
        for (int i = 0; i < 5; ++i)
            tap("admin-corner");
        wait(300);
    }
    void unlock() {
        for (const char digit : std::string_view(core::kDemoAdminPin))
            tap(std::string(1, digit));
        tap("OK");
        wait(1500);
    }
    [[nodiscard]] const std::string& text() const { return m_text; }

private:
    std::string m_text;
};

// The same badge with its signature altered: a forgery the kiosk must refuse.
std::string forge(std::string badge) {
    if (!badge.empty())
        badge[badge.size() - 3] = badge[badge.size() - 3] == 'A' ? 'B' : 'A';
    return badge;
}

} // namespace

std::string buildDemoScript(const core::DemoEvent& demo, const core::Exhibitor& exhibitor) {
    ScriptWriter script;
    const auto& badges = demo.badgeTexts;
    auto badge = [&](std::size_t i) { return badges[i % badges.size()]; };
    script.wait(1500);
    script.shot("01-idle-meet");
    // Meet: a pair, the same pair again, the same badge twice, an unknown and a forged badge.
    script.scan(badge(0));
    script.shot("02-meet-first-badge");
    script.scan(badge(1));
    script.shot("03-meet-connected");
    script.wait(1000);
    script.scan(badge(2));
    script.scan(badge(2));
    script.shot("04-meet-same-badge");
    script.scan(badge(3));
    script.wait(800);
    script.scan(badge(0));
    script.scan(badge(1));
    script.shot("05-meet-already-connected");
    for (std::size_t i = 4; i < 12; i += 2) {
        script.scan(badge(i));
        script.scan(badge(i + 1));
        script.scan(badge(0));
        script.scan(badge(i));
    }
    script.scan("TICKET-THAT-IS-NOT-ON-THE-LIST");
    script.shot("06-unknown-badge");
    script.scan(forge(badge(5)));
    script.shot("07-refused-badge");
    // Admin: the gesture, the PIN, Booth mode.
    script.openAdmin();
    script.shot("08-admin-pin");
    script.unlock();
    script.shot("09-admin");
    script.tap("Booth");
    script.wait(800);
    script.tap("Close");
    script.wait(500);
    script.shot("10-idle-booth");
    // Booth: staff sign in, two leads rated, tagged and qualified, one reopened.
    auto staff = demo.staffBadges.find(exhibitor.id);
    if (staff != demo.staffBadges.end() && !staff->second.empty()) {
        script.scan(staff->second.front());
        script.shot("11-booth-staff-signed-in");
        script.wait(500);
    }
    for (std::size_t visitor = 20; visitor < 23; ++visitor) {
        script.scan(badge(visitor));
        script.wait(300);
        script.tap(visitor == 21 ? "Warm" : "Hot");
        if (!exhibitor.tags.empty())
            script.tap(exhibitor.tags[visitor % exhibitor.tags.size()]);
        for (const auto& question : exhibitor.questions)
            if (!question.options.empty())
                script.tap(question.options[visitor % question.options.size()]);
        if (visitor == 20)
            script.shot("12-booth-lead");
        script.tap("Done");
        script.wait(400);
    }
    script.scan(badge(0)); // so the summary below has a booth to show
    script.tap("Hot");
    script.tap("Done");
    script.wait(400);
    script.scan(badge(20));
    script.shot("13-booth-lead-reopened");
    script.tap("Done");
    script.wait(400);
    // Summary: an attendee who met several people and visited the booth.
    script.openAdmin();
    script.unlock();
    script.tap("My summary");
    script.wait(800);
    script.tap("Close");
    script.wait(500);
    script.scan(badge(0));
    script.shot("14-summary");
    script.step("quit", true);
    return script.text();
}

} // namespace meetscan::ui
