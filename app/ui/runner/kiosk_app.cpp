#include "ui/runner/kiosk_app.hpp"

#include "core/sync/sync_client.hpp"
#include "core/system/environment.hpp"

#include <GLFW/glfw3.h>
#include <fmt/core.h>
#include <imgui.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

namespace meetscan::ui {
namespace {

constexpr int kInteractiveSeconds = 90; // lead editor and admin panel: idle time before they close
constexpr int kScriptDecisionTimeoutMs = 8000;
constexpr int kScriptTapWaitMs = 1500; // a tap waits this long for its button to appear
// How long a frame may be held back while its new strings are rendered (see run()).
constexpr auto kMaxHold = std::chrono::milliseconds(100);
constexpr auto kMaxHoldAtStart = std::chrono::milliseconds(800);

std::vector<std::string> listCameras() {
    std::vector<std::string> cameras;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator("/dev", error)) {
        std::string name = entry.path().filename().string();
        if (name.rfind("video", 0) == 0)
            cameras.push_back(entry.path().string());
    }
    std::sort(cameras.begin(), cameras.end());
    return cameras;
}

void appendUtf8(std::string& out, unsigned codepoint) {
    if (codepoint < 0x80) {
        out += static_cast<char>(codepoint);
    } else if (codepoint < 0x800) {
        out += static_cast<char>(0xC0U | (codepoint >> 6U));
        out += static_cast<char>(0x80U | (codepoint & 0x3FU));
    } else {
        out += static_cast<char>(0xE0U | (codepoint >> 12U));
        out += static_cast<char>(0x80U | ((codepoint >> 6U) & 0x3FU));
        out += static_cast<char>(0x80U | (codepoint & 0x3FU));
    }
}

} // namespace

Expected<std::unique_ptr<KioskApp>> KioskApp::create(const KioskOptions& options) {
    auto startedAt = std::chrono::steady_clock::now();
    // A file-size limit reached fails the write (the disk-full banner), instead of killing us.
    std::signal(SIGXFSZ, SIG_IGN);
    std::vector<ScriptStep> script;
    if (!options.script.empty()) {
        auto loaded = loadScript(options.script);
        if (!loaded)
            return loaded.error();
        script = std::move(loaded).value();
    }
    // No database yet: a kiosk of no event, which joins one with the office's set-up code.
    std::error_code missing;
    const bool joined = std::filesystem::exists(options.database, missing);
    std::unique_ptr<core::SessionWorker> worker;
    if (joined) {
        auto started = core::SessionWorker::start(options.database);
        if (!started)
            return started.error();
        worker = std::move(started).value();
    }
    auto window = Window::open(options.windowed);
    if (!window)
        return window.error();
    std::unique_ptr<KioskApp> app(new KioskApp(options, std::move(window).value(), std::move(worker)));
    app->m_startedAt = startedAt;
    app->m_script = std::move(script);
    if (joined) {
        if (auto started = app->startServices(); !started)
            return started.error();
    } else {
        showScreen(app->m_state, ScreenId::StationSetup, core::nowMs(), 0);
    }
    if (auto opened = app->openSource(options.source); !opened)
        return opened.error();
    return app;
}

Status KioskApp::startServices() {
    auto server = core::syncServerFor(m_options.database, m_options.server);
    if (!server)
        return server.error();
    if (!server->empty()) {
        // Sync runs on its own thread: an unreachable server shows in the admin panel, never in a scan.
        core::SyncWorkerOptions syncOptions;
        syncOptions.server = *server;
        syncOptions.database = m_options.database;
        auto sync = core::SyncWorker::start(std::move(syncOptions));
        if (!sync)
            return sync.error();
        m_sync = std::move(sync).value();
    }
    // Leads onto a USB stick or by e-mail, from the admin panel, on a thread of their own. The
    // SMTP settings come from the environment, read once here, and are never stored in the
    // database; MEETSCAN_REMOVABLE_ROOT names a folder whose subfolders stand for the mounted
    // drives (tests, unusual automounters).
    core::LeadDeliveryOptions deliveryOptions;
    deliveryOptions.database = m_options.database;
    deliveryOptions.removableRoot = core::environmentValue("MEETSCAN_REMOVABLE_ROOT");
    deliveryOptions.mail = core::kioskMailFrom(
        core::environmentValue("MEETSCAN_SMTP_URL"), core::environmentValue("MEETSCAN_SMTP_FROM"),
        core::environmentValue("MEETSCAN_SMTP_USER"), core::environmentValue("MEETSCAN_SMTP_PASSWORD"));
    m_leads.mailReady = deliveryOptions.mail.server.has_value();
    m_leads.mailProblem = deliveryOptions.mail.problem;
    if (!deliveryOptions.mail.problem.empty())
        fmt::print(stderr, "meetscan: warning: e-mail is off: {}\n", deliveryOptions.mail.problem);
    if (auto delivery = core::LeadDeliveryWorker::start(std::move(deliveryOptions)); delivery)
        m_delivery = std::move(delivery).value();
    else
        fmt::print(stderr, "meetscan: warning: lead export is off: {}\n", delivery.error().message);
    // Printing on its own thread too; a kiosk that cannot print still scans.
    if (auto printer = core::PrintWorker::start(m_options.database); printer)
        m_printer = std::move(printer).value();
    else
        fmt::print(stderr, "meetscan: warning: printing is off: {}\n", printer.error().message);
    return Done{};
}

void KioskApp::takeSetupCodes() {
    for (auto& code : m_loop->takeResults()) {
        if (!m_script.empty() && code.format != "Keyboard")
            continue; // as in takeScans: a scripted session owns the input
        if (m_joining)
            continue; // one code at a time
        const auto setup = core::parseSetupCode(code.text);
        if (!setup) {
            m_state.setup = {false, "That is not a station set-up code. The event's office prints one for this kiosk.",
                             true};
            ++m_decisionsSeen;
            continue;
        }
        m_state.setup = {true, "", false};
        // The join talks to the server: off the UI thread, so the screen keeps turning.
        m_joining = std::async(std::launch::async, [setup = *setup, database = m_options.database]() -> Expected<core::JoinSummary> {
            // Whatever the server answers, an exception must not reach the UI thread's get().
            try {
                return core::joinThroughServer(setup, database);
            } catch (const std::exception& e) {
                return Error::world(fmt::format("cannot join the event: {}", e.what()));
            }
        });
    }
}

void KioskApp::pollJoin(core::TimeMs now) {
    if (!m_joining || m_joining->wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return;
    auto joined = m_joining->get();
    m_joining.reset();
    ++m_decisionsSeen;
    m_state.setup.joining = false;
    std::error_code missing;
    // A join whose first download failed keeps its database and login: the kiosk starts, and its
    // sync finishes the download.
    if (!joined && !std::filesystem::exists(m_options.database, missing)) {
        std::string message = joined.error().message;
        if (!message.empty() && message[0] >= 'a' && message[0] <= 'z')
            message[0] = static_cast<char>(message[0] - 'a' + 'A'); // a sentence on screen, a line in the log
        m_state.setup = {false, std::move(message), true};
        return;
    }
    auto worker = core::SessionWorker::start(m_options.database);
    if (!worker) {
        m_state.setup = {false, worker.error().message, true};
        return;
    }
    m_worker = std::move(worker).value();
    m_snapshot = m_worker->snapshot();
    if (auto started = startServices(); !started)
        fmt::print(stderr, "meetscan: warning: {}\n", started.error().message);
    // There is no default PIN: the staff member who just set this kiosk up chooses its own.
    showScreen(m_state, m_snapshot.hasAdminPin ? ScreenId::Idle : ScreenId::ChoosePin, now, 0);
    m_state.toast = joined ? "Joined " + joined->eventName + " as " + joined->station.name
                           : "Joined; the event is still downloading";
    m_state.toastUntil = now + 6000;
}

KioskApp::KioskApp(const KioskOptions& options, std::unique_ptr<Window> window, std::unique_ptr<core::SessionWorker> worker)
    : m_options(options), m_window(std::move(window)), m_worker(std::move(worker)), m_sound(options.sound) {
    m_fonts.load(30.0F);
    if (m_worker)
        m_snapshot = m_worker->snapshot();
    m_theme.accent = parseColour(m_snapshot.event.settings.accentColour, m_theme.accent);
    applyImGuiStyle(m_theme);
}

Status KioskApp::openSource(const std::string& spec) {
    scanner::SourceOptions sourceOptions;
    sourceOptions.syntheticTexts = m_options.syntheticTexts;
    sourceOptions.syntheticWidth = m_options.syntheticWidth;
    sourceOptions.syntheticHeight = m_options.syntheticHeight;
    auto source = scanner::openFrameSource(spec, sourceOptions);
    if (!source)
        return source.error();
    if (m_loop)
        m_loop->stop();
    scanner::ScanLoopOptions loopOptions;
    loopOptions.debounce = std::chrono::milliseconds(std::max(0, m_snapshot.event.settings.debounceMs));
    m_loop = std::make_unique<scanner::ScanLoop>(std::move(source).value(), loopOptions);
    m_loop->start();
    m_state.sourceSpec = spec;
    return Done{};
}

Status KioskApp::run() {
    int frames = 0;
    // When the screen started holding an incomplete frame; time_point::min() while it holds none
    // (an optional here drew a false "may be used uninitialized" from GCC at -O1 and above).
    constexpr auto kNotHolding = std::chrono::steady_clock::time_point::min();
    auto holdingSince = kNotHolding;
    while (!m_quit) {
        if (m_window->shouldClose()) {
            // Fullscreen, nothing but the admin panel's Quit (behind the PIN) leaves the kiosk:
            // Alt+F4 and the compositor's close request are refused. --windowed closes normally.
            if (m_options.windowed)
                break;
            glfwSetWindowShouldClose(m_window->handle(), GLFW_FALSE);
        }
        m_timings.begin();
        m_window->beginFrame();
        applyFakeInput();
        ImGui::NewFrame();
        m_timings.mark(Phase::Input);
        m_texts.pump();
        m_timings.mark(Phase::TextUpload);
        core::TimeMs now = core::nowMs();
        frame(now);
        m_notifier.frameAlive(now); // a UI loop that stops turning stops feeding the watchdog
        ImGui::Render();

        // A frame whose new strings are still being rendered is not shown: the screen keeps the
        // last complete frame for a moment rather than flash a layout with holes in it.
        const bool complete = m_texts.missesThisFrame() == 0;
        const auto wallNow = std::chrono::steady_clock::now();
        if (!complete && holdingSince == kNotHolding)
            holdingSince = wallNow;
        const auto holdLimit = m_firstFrameDone ? kMaxHold : kMaxHoldAtStart;
        if (!complete && wallNow - holdingSince < holdLimit) {
            m_timings.mark(Phase::Render);
            m_timings.end(false, 0.0);
            m_texts.endFrame();
            m_texts.waitForWork(std::chrono::milliseconds(8));
            continue;
        }
        holdingSince = kNotHolding;
        m_window->render();
        m_timings.mark(Phase::Render);
        if (!m_pendingScreenshot.empty() && complete) {
            int width = 0;
            int height = 0;
            m_window->framebufferSize(width, height);
            if (auto saved = saveScreenshot(m_options.screenshotDir, m_pendingScreenshot, width, height, m_lastRecord); !saved)
                fmt::print(stderr, "meetscan: warning: {}\n", saved.error().message);
            m_pendingScreenshot.clear();
        }
        if (!m_firstFrameDone) {
            m_startupMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_startedAt).count();
            m_firstFrameDone = true;
            m_notifier.ready();
        }
        m_timings.skip(); // the screenshot above is not part of any phase
        auto swapStart = std::chrono::steady_clock::now();
        m_window->present();
        m_timings.mark(Phase::Swap);
        m_timings.end(true, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - swapStart).count());
        m_texts.endFrame();
        if (m_options.maxFrames > 0 && ++frames >= m_options.maxFrames)
            break;
    }
    m_notifier.stopping();
    if (m_state.lead && m_state.lead->dirty)
        m_worker->submitLeadEdit(m_state.lead->lead);
    if (m_loop)
        m_loop->stop();
    if (!m_options.timings.empty())
        m_timings.write(m_options.timings, m_startupMs);
    return Done{};
}

void KioskApp::applyFakeInput() {
    ImGuiIO& io = ImGui::GetIO();
    if (m_fake.mousePos) {
        io.MousePos = *m_fake.mousePos;
        io.MouseDown[0] = m_fake.mouseDown;
    }
    if (!m_fake.chars.empty()) {
        io.AddInputCharactersUTF8(m_fake.chars.c_str());
        m_fake.chars.clear();
    }
    io.KeysDown[GLFW_KEY_ENTER] = m_fake.enter || glfwGetKey(m_window->handle(), GLFW_KEY_ENTER) == GLFW_PRESS;
    m_fake.enter = false;
}

void KioskApp::frame(core::TimeMs now) {
    stepScript(now);
    collectWedge(now);
    if (m_worker) {
        takeScans(now);
        takeDecisions(now);
    } else {
        takeSetupCodes();
        pollJoin(now);
    }
    m_timings.mark(Phase::Drain);
    if (auto preview = m_loop->takePreview())
        m_preview.upload(*preview);
    m_timings.mark(Phase::Preview);
    if (m_worker)
        m_snapshot = m_worker->snapshot();
    if (m_sync)
        m_syncStatus = m_sync->status();
    if (m_printer)
        m_print.snapshot = m_printer->snapshot();
    if (m_state.screen != ScreenId::Admin)
        m_print.choosingPrinter = false;
    if (m_delivery) {
        if (m_state.screen != ScreenId::Admin)
            m_leads.open = false;
        m_leads.status = m_delivery->status();
        // While the Leads page is up, sticks come and go and leads arrive: look again now and then.
        if (m_leads.open && m_snapshot.exhibitor && now - m_leadsRefreshedAt >= 1500) {
            m_delivery->refresh(m_snapshot.exhibitor->id);
            m_leadsRefreshedAt = now;
        }
    }
    m_theme.accent = parseColour(m_snapshot.event.settings.accentColour, m_theme.accent);
    if (ImGui::GetIO().MouseClicked[0])
        m_state.lastTouchAt = now;
    checkTimeouts(now);
    pollPin(now);
    pollPinSave(now);
    m_timings.mark(Phase::Drain);

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::Begin("##kiosk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    Painter paint(*ImGui::GetWindowDrawList(), m_texts, m_theme);
    Commands commands;
    PreviewView preview = previewView();
    ScreenContext context{paint, m_state, m_snapshot, commands, preview, viewport->Size, now,
                          m_sync ? &m_syncStatus : nullptr, m_printer ? &m_print : nullptr,
                          m_delivery ? &m_leads : nullptr};
    paint.drawList().AddRectFilled(ImVec2(0, 0), viewport->Size, m_theme.background);
    switch (m_state.screen) {
    case ScreenId::Idle: drawIdle(context); break;
    case ScreenId::MeetFirstBadge:
    case ScreenId::MeetConnected:
    case ScreenId::MeetAlreadyConnected:
    case ScreenId::MeetSameBadge:
    case ScreenId::MeetWindowExpired: drawMeetResult(context); break;
    case ScreenId::UnknownBadge:
    case ScreenId::RefusedBadge:
    case ScreenId::NoConsent:
    case ScreenId::NotConfigured:
    case ScreenId::NotSaved: drawNotice(context); break;
    case ScreenId::BoothStaffSignedIn: drawBoothSignedIn(context); break;
    case ScreenId::BoothLead:
        if (m_state.lead)
            drawBoothLead(context);
        break;
    case ScreenId::Summary: drawSummary(context); break;
    case ScreenId::AdminPin: drawAdminPin(context); break;
    case ScreenId::Admin: drawAdmin(context); break;
    case ScreenId::StationSetup: drawStationSetup(context); break;
    case ScreenId::ChoosePin: drawChoosePin(context); break;
    }
    const char* overlay = drawOverlays(context);
    if (now < m_state.toastUntil && !m_state.toast.empty()) {
        ImVec2 size = paint.measure(m_state.toast, m_theme.bodySize, true);
        ImVec2 min((viewport->Size.x - size.x) / 2.0F - 40.0F, viewport->Size.y - 170.0F);
        paint.card(min, ImVec2(min.x + size.x + 80.0F, min.y + size.y + 40.0F), m_theme.success, 24.0F);
        paint.text(ImVec2(viewport->Size.x / 2.0F, min.y + 20.0F), m_state.toast, m_theme.bodySize, m_theme.text, Align::Centre, true);
    }
    if (m_worker) // the admin panel is the event's: a kiosk of no event has none yet
        adminGesture(paint, now);
    ImGui::End();

    m_lastButtons = paint.buttons();
    m_lastRecord.screen = screenName(m_state.screen);
    m_lastRecord.overlay = overlay != nullptr ? overlay : "";
    m_lastRecord.texts = paint.textsDrawn();
    m_lastRecord.buttons.clear();
    m_lastRecord.boxes.clear();
    for (const auto& [label, rect] : m_lastButtons) {
        m_lastRecord.buttons.push_back(label);
        m_lastRecord.boxes[label] = {rect.min.x, rect.min.y, rect.max.x, rect.max.y};
    }
    for (const auto& [id, rect] : paint.fields())
        m_lastRecord.boxes["field:" + id] = {rect.min.x, rect.min.y, rect.max.x, rect.max.y};
    m_timings.mark(Phase::Build);
    apply(commands, now);
    m_timings.mark(Phase::Drain);
}

PreviewView KioskApp::previewView() const {
    PreviewView view;
    if (m_preview.texture() != 0) {
        view.texture = reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(m_preview.texture()));
        view.width = static_cast<float>(m_preview.width());
        view.height = static_cast<float>(m_preview.height());
    }
    view.status = m_loop->status();
    view.problem = m_loop->sourceProblem();
    if (auto outline = m_loop->lastOutline();
        outline && outline->frameWidth > 0 && outline->frameHeight > 0 &&
        std::chrono::steady_clock::now() - outline->seenAt < std::chrono::milliseconds(500)) {
        view.hasOutline = true;
        for (int i = 0; i < 4; ++i)
            view.outline[i] = ImVec2(static_cast<float>(outline->corners[static_cast<std::size_t>(i)].x) / static_cast<float>(outline->frameWidth),
                                     static_cast<float>(outline->corners[static_cast<std::size_t>(i)].y) / static_cast<float>(outline->frameHeight));
    }
    return view;
}

void KioskApp::collectWedge(core::TimeMs now) {
    ImGuiIO& io = ImGui::GetIO();
    // A USB barcode scanner types like a keyboard; when no text field has the focus, what is
    // typed before Enter is a badge.
    if (io.WantTextInput)
        return;
    if (!io.InputQueueCharacters.empty()) {
        if (now - m_state.wedgeLastAt > 3000)
            m_state.wedgeBuffer.clear();
        for (ImWchar c : io.InputQueueCharacters)
            appendUtf8(m_state.wedgeBuffer, c);
        m_state.wedgeLastAt = now;
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_ENTER, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_ENTER, false)) {
        if (!m_state.wedgeBuffer.empty())
            m_loop->inject(m_state.wedgeBuffer);
        m_state.wedgeBuffer.clear();
    }
}

void KioskApp::takeScans(core::TimeMs now) {
    for (auto& code : m_loop->takeResults()) {
        // Until the kiosk has its admin PIN, no badge is taken: nobody could stop a mistake.
        if (m_state.screen == ScreenId::ChoosePin)
            continue;
        // A scripted session owns the input: only its injected badges count, so what the live
        // source happens to show cannot change the script's course.
        if (!m_script.empty() && code.format != "Keyboard")
            continue;
        // The open lead is saved before the next visitor's scan (the worker keeps the order).
        if (m_state.lead && m_state.screen == ScreenId::BoothLead) {
            closeLead();
            showScreen(m_state, ScreenId::Idle, now, 0);
        }
        m_worker->submitScan({std::move(code.text), code.format});
    }
}

void KioskApp::takeDecisions(core::TimeMs now) {
    for (const auto& decision : m_worker->takeDecisions()) {
        ++m_decisionsSeen;
        onDecision(decision, now);
    }
    if (m_worker->takeExpired() &&
        (m_state.screen == ScreenId::MeetFirstBadge || m_state.screen == ScreenId::MeetSameBadge)) {
        showScreen(m_state, ScreenId::MeetWindowExpired, now, 4);
        m_sound.play(scanner::Tone::Notice);
    }
}

void KioskApp::onDecision(const core::Decision& decision, core::TimeMs now) {
    // Scans are not taken while staff use the admin panel.
    if (m_state.screen == ScreenId::Admin || m_state.screen == ScreenId::AdminPin)
        return;
    using core::Outcome;
    const auto& settings = m_snapshot.event.settings;
    const int result = std::max(2, settings.resultSeconds);
    m_state.decision = decision;
    if (!decision.saved && !decision.error.empty()) {
        showScreen(m_state, ScreenId::NotSaved, now, result * 2);
        m_sound.play(scanner::Tone::Refused);
        return;
    }
    scanner::Tone tone = scanner::Tone::Refused;
    switch (decision.outcome) {
    case Outcome::FirstBadge:
        showScreen(m_state, ScreenId::MeetFirstBadge, now, settings.pairingWindowSeconds + 2);
        tone = scanner::Tone::Notice;
        break;
    case Outcome::Connected:
        showScreen(m_state, ScreenId::MeetConnected, now, result);
        tone = scanner::Tone::Success;
        break;
    case Outcome::AlreadyConnected:
        showScreen(m_state, ScreenId::MeetAlreadyConnected, now, result);
        tone = scanner::Tone::Success;
        break;
    case Outcome::SameBadge:
        showScreen(m_state, ScreenId::MeetSameBadge, now, settings.pairingWindowSeconds + 2);
        tone = scanner::Tone::Notice;
        break;
    case Outcome::StaffSignedIn:
        showScreen(m_state, ScreenId::BoothStaffSignedIn, now, std::min(result, 4));
        tone = scanner::Tone::Success;
        break;
    case Outcome::LeadCaptured:
    case Outcome::LeadReopened:
        if (decision.lead && decision.person) {
            LeadEditor editor;
            editor.lead = *decision.lead;
            editor.visitor = *decision.person;
            editor.reopened = decision.outcome == Outcome::LeadReopened;
            editor.note = editor.lead.note;
            for (const auto& [question, answer] : editor.lead.answers)
                editor.freeText[question] = answer;
            m_state.lead = std::move(editor);
            m_state.lastTouchAt = now;
            showScreen(m_state, ScreenId::BoothLead, now, kInteractiveSeconds);
        } else {
            showScreen(m_state, ScreenId::BoothStaffSignedIn, now, result);
        }
        tone = scanner::Tone::Success;
        break;
    case Outcome::SummaryShown:
        showScreen(m_state, ScreenId::Summary, now, std::max(5, settings.summarySeconds));
        tone = scanner::Tone::Success;
        break;
    case Outcome::NoConsent: showScreen(m_state, ScreenId::NoConsent, now, result); break;
    case Outcome::UnknownBadge:
    case Outcome::Malformed: showScreen(m_state, ScreenId::UnknownBadge, now, result); break;
    case Outcome::BadSignature: showScreen(m_state, ScreenId::RefusedBadge, now, result); break;
    case Outcome::NotConfigured: showScreen(m_state, ScreenId::NotConfigured, now, result); break;
    }
    m_sound.play(tone);
}

void KioskApp::closeLead() {
    if (!m_state.lead)
        return;
    if (m_state.lead->dirty) {
        m_state.lead->lead.note = m_state.lead->note;
        m_worker->submitLeadEdit(m_state.lead->lead);
    }
    m_state.lead.reset();
}

void KioskApp::checkTimeouts(core::TimeMs now) {
    const bool interactive = m_state.screen == ScreenId::BoothLead || m_state.screen == ScreenId::Admin ||
                             m_state.screen == ScreenId::AdminPin;
    if (interactive && m_state.lastTouchAt > m_state.screenSince)
        m_state.screenUntil = std::max(m_state.screenUntil, m_state.lastTouchAt + kInteractiveSeconds * 1000);
    if (m_state.screenUntil != 0 && now >= m_state.screenUntil) {
        if (m_state.screen == ScreenId::BoothLead)
            closeLead();
        m_state.decision.reset();
        showScreen(m_state, ScreenId::Idle, now, 0);
    }
    // Nothing stays on screen once the result is gone.
    if (m_state.screen == ScreenId::Idle)
        m_state.decision.reset();
}

void KioskApp::pollPinSave(core::TimeMs now) {
    AdminState& admin = m_state.admin;
    if (!admin.pinSave || admin.pinSave->wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return;
    const Status saved = admin.pinSave->get();
    admin.pinSave.reset();
    if (!saved) {
        admin.pinMessage = saved.error().message;
        return;
    }
    admin.pinMessage.clear();
    showScreen(m_state, ScreenId::Idle, now, 0);
    m_state.toast = "Admin PIN set: the kiosk is ready";
    m_state.toastUntil = now + 4000;
}

void KioskApp::pollPin(core::TimeMs now) {
    AdminState& admin = m_state.admin;
    if (!admin.pinCheck || admin.pinCheck->wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return;
    core::AdminLock::Answer answer = admin.pinCheck->get();
    admin.pinCheck.reset();
    switch (answer.result) {
    case core::AdminLock::Result::Unlocked:
        admin.pinMessage.clear();
        admin.stationName = m_snapshot.station.name;
        admin.cameras = listCameras();
        admin.choosingExhibitor = false;
        admin.boothAfterChoice = false;
        m_state.lastTouchAt = now;
        showScreen(m_state, ScreenId::Admin, now, kInteractiveSeconds);
        break;
    case core::AdminLock::Result::Wrong: admin.pinMessage = "Wrong PIN"; break;
    case core::AdminLock::Result::Wait:
        admin.pinMessage = "Wrong PIN";
        admin.retryAt = now + static_cast<core::TimeMs>(answer.waitSeconds) * 1000;
        break;
    case core::AdminLock::Result::NoPin: admin.pinMessage = "This kiosk has no admin PIN yet"; break;
    case core::AdminLock::Result::LockedOut: admin.pinMessage = "Locked: too many wrong PINs. Staff unlock it by setting the PIN again (meetscan admin set-pin)."; break;
    }
}

void KioskApp::adminGesture(Painter& paint, core::TimeMs now) {
    // Five taps within three seconds on the top-right corner: deliberate, never by accident.
    ImVec2 size(150.0F, 110.0F);
    if (!paint.hotspot("admin-corner", ImVec2(ImGui::GetMainViewport()->Size.x - size.x, 0), size))
        return;
    auto& taps = m_state.cornerTaps;
    taps.push_back(now);
    while (!taps.empty() && now - taps.front() > 3000)
        taps.pop_front();
    if (taps.size() >= 5 && m_state.screen != ScreenId::Admin) {
        taps.clear();
        if (m_state.screen == ScreenId::BoothLead)
            closeLead();
        m_state.admin.pin.clear();
        m_state.admin.pinMessage.clear();
        m_state.lastTouchAt = now;
        showScreen(m_state, ScreenId::AdminPin, now, 30);
    }
}

void KioskApp::apply(const Commands& commands, core::TimeMs now) {
    if (commands.syncNow && m_sync)
        m_sync->syncNow();
    if (m_printer)
        applyPrintCommands(commands.print, *m_printer, m_print);
    applyLeadCommands(commands.leads, now);
    if (commands.saveLead && m_state.lead) {
        m_state.lead->lead = *commands.saveLead;
        m_state.lead->dirty = true;
    }
    if (commands.closeLead) {
        bool saved = m_state.lead && m_state.lead->dirty;
        closeLead();
        m_state.decision.reset();
        showScreen(m_state, ScreenId::Idle, now, 0);
        if (saved) {
            m_state.toast = "Lead saved";
            m_state.toastUntil = now + 2500;
        }
    }
    if (commands.signOutStaff)
        m_worker->submitStaffSignOut();
    if (commands.station)
        m_worker->submitStation(*commands.station);
    if (commands.pin)
        m_state.admin.pinCheck = m_worker->checkAdminPin(*commands.pin);
    if (commands.newPin)
        m_state.admin.pinSave = m_worker->setAdminPin(*commands.newPin);
    if (commands.source) {
        if (auto opened = openSource(*commands.source); !opened)
            m_state.admin.pinMessage = opened.error().message;
    }
    if (commands.quit)
        m_quit = true;
}

void KioskApp::applyLeadCommands(const LeadCommands& commands, core::TimeMs now) {
    if (!m_delivery || !m_snapshot.exhibitor)
        return;
    const std::string& exhibitorId = m_snapshot.exhibitor->id;
    if (commands.open) {
        m_delivery->clearOutcomes();
        m_delivery->refresh(exhibitorId);
        m_leadsRefreshedAt = now;
        m_leads.chosenDrive.clear();
    }
    if (commands.exportTo)
        m_delivery->exportTo(exhibitorId, *commands.exportTo);
    if (commands.mail)
        m_delivery->sendMail(exhibitorId);
}

void KioskApp::stepScript(core::TimeMs now) {
    // A tap presses for one frame and releases on the next, like a finger.
    if (m_tapPhase == 1) {
        m_fake.mouseDown = false;
        m_tapPhase = 2;
        return;
    }
    if (m_tapPhase == 2) {
        m_tapPhase = 0;
        m_fake.mousePos = ImVec2(-1000.0F, -1000.0F);
        return;
    }
    // A screenshot waits for a complete frame; the script waits for the screenshot.
    if (!m_pendingScreenshot.empty())
        return;
    if (m_awaitDecisions > 0) {
        if (m_decisionsSeen < m_awaitDecisions && now < m_awaitUntil)
            return;
        if (m_decisionsSeen < m_awaitDecisions)
            fmt::print(stderr, "meetscan: warning: script: no decision for a scanned badge\n");
        m_awaitDecisions = 0;
    }
    if (now < m_stepWaitUntil || m_step >= m_script.size())
        return;
    const ScriptStep& step = m_script[m_step++];
    switch (step.kind) {
    case ScriptStep::Kind::Scan:
        m_loop->inject(step.text);
        m_awaitDecisions = m_decisionsSeen + 1;
        m_awaitUntil = now + kScriptDecisionTimeoutMs;
        break;
    case ScriptStep::Kind::Tap: {
        auto found = m_lastButtons.find(step.text);
        if (found == m_lastButtons.end() && m_tapWaitUntil == 0) {
            // The screen that has it may still be on its way (a tap that opened it, a decision).
            m_tapWaitUntil = now + kScriptTapWaitMs;
            --m_step;
            break;
        }
        if (found == m_lastButtons.end() && now < m_tapWaitUntil) {
            --m_step;
            break;
        }
        m_tapWaitUntil = 0;
        if (found == m_lastButtons.end()) {
            fmt::print(stderr, "meetscan: warning: script: no button \"{}\" on screen {}\n", step.text,
                       screenName(m_state.screen));
            break;
        }
        const ButtonRect& rect = found->second;
        m_fake.mousePos = ImVec2((rect.min.x + rect.max.x) / 2.0F, (rect.min.y + rect.max.y) / 2.0F);
        m_fake.mouseDown = true;
        m_tapPhase = 1;
        break;
    }
    case ScriptStep::Kind::Type: m_fake.chars += step.text; break;
    case ScriptStep::Kind::Key: m_fake.enter = true; break;
    case ScriptStep::Kind::WaitMs: m_stepWaitUntil = now + step.milliseconds; break;
    case ScriptStep::Kind::Screenshot:
        if (m_options.screenshotDir.empty())
            fmt::print(stderr, "meetscan: warning: script: screenshot without --screenshot-dir\n");
        else
            m_pendingScreenshot = step.text;
        break;
    case ScriptStep::Kind::Quit: m_quit = true; break;
    case ScriptStep::Kind::Close: glfwSetWindowShouldClose(m_window->handle(), GLFW_TRUE); break;
    }
}

Status runKiosk(const KioskOptions& options) {
    auto app = KioskApp::create(options);
    if (!app)
        return app.error();
    return (*app)->run();
}

} // namespace meetscan::ui
