#pragma once
// The kiosk's frame loop: drains the scan loop into the session worker, turns decisions into
// screens, draws the current screen and carries out what it asked for.
#include "core/session/session_worker.hpp"
#include "core/stations/online_join.hpp"
#include "core/sync/sync_worker.hpp"
#include "core/system/service_notifier.hpp"
#include "meetscan/scanner/scan_loop.hpp"
#include "meetscan/scanner/sound_player.hpp"
#include "ui/fonts.hpp"
#include "ui/kiosk.hpp"
#include "ui/runner/frame_timings.hpp"
#include "ui/runner/script.hpp"
#include "ui/runner/screenshot.hpp"
#include "ui/runner/window.hpp"
#include "ui/screens/screens.hpp"
#include "ui/textures/preview_texture.hpp"
#include "ui/textures/text_cache.hpp"
#include "ui/theme.hpp"
#include "ui/ui_state.hpp"

#include <chrono>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace meetscan::ui {

// Injected input for the current frame, from the script player.
struct FakeInput {
    std::optional<ImVec2> mousePos;
    bool mouseDown = false;
    bool enter = false;
    std::string chars;
};

class KioskApp {
public:
    static Expected<std::unique_ptr<KioskApp>> create(const KioskOptions& options);
    Status run();

private:
    KioskApp(const KioskOptions& options, std::unique_ptr<Window> window, std::unique_ptr<core::SessionWorker> worker);
    Status openSource(const std::string& spec);
    Status startServices(); // sync and printing, once the kiosk belongs to an event
    void takeSetupCodes();
    void pollJoin(core::TimeMs now);
    void frame(core::TimeMs now);
    void takeScans(core::TimeMs now);
    void takeDecisions(core::TimeMs now);
    void onDecision(const core::Decision& decision, core::TimeMs now);
    void closeLead();
    void checkTimeouts(core::TimeMs now);
    void collectWedge(core::TimeMs now);
    void pollPin(core::TimeMs now);
    void pollPinSave(core::TimeMs now); // ChoosePin: the kiosk's first PIN stored
    void apply(const Commands& commands, core::TimeMs now);
    void applyLeadCommands(const LeadCommands& commands, core::TimeMs now);
    void adminGesture(Painter& paint, core::TimeMs now);
    void stepScript(core::TimeMs now);
    void applyFakeInput();
    PreviewView previewView() const;

    KioskOptions m_options;
    std::unique_ptr<Window> m_window;
    std::unique_ptr<core::SessionWorker> m_worker; // null until a new kiosk has joined its event
    std::optional<std::future<Expected<core::JoinSummary>>> m_joining;
    std::unique_ptr<scanner::ScanLoop> m_loop;
    scanner::SoundPlayer m_sound;
    FontAtlas m_fonts;
    Theme m_theme;
    TextCache m_texts;
    PreviewTexture m_preview;
    UiState m_state;
    core::SessionSnapshot m_snapshot;
    std::unique_ptr<core::SyncWorker> m_sync; // only when a sync server is configured
    core::SyncStatus m_syncStatus;
    std::unique_ptr<core::PrintWorker> m_printer; // null when printing could not start
    PrintView m_print;
    std::unique_ptr<core::LeadDeliveryWorker> m_delivery; // null when it could not start
    LeadsView m_leads;
    core::TimeMs m_leadsRefreshedAt = 0;
    bool m_quit = false;
    core::ServiceNotifier m_notifier = core::ServiceNotifier::fromEnvironment(); // systemd READY/WATCHDOG

    // Script playback.
    std::vector<ScriptStep> m_script;
    std::size_t m_step = 0;
    core::TimeMs m_stepWaitUntil = 0;
    int m_decisionsSeen = 0;
    int m_awaitDecisions = 0; // a scripted scan waits for its decision
    core::TimeMs m_awaitUntil = 0;
    int m_tapPhase = 0;       // 0 none, 1 pressed, 2 released
    core::TimeMs m_tapWaitUntil = 0; // a tap waiting for its button to appear
    FakeInput m_fake;
    std::string m_pendingScreenshot;
    std::map<std::string, ButtonRect, std::less<>> m_lastButtons;
    ScreenRecord m_lastRecord;

    // Timings for the benchmark.
    FrameTimings m_timings;
    double m_startupMs = 0.0;
    std::chrono::steady_clock::time_point m_startedAt;
    bool m_firstFrameDone = false;
};

} // namespace meetscan::ui
