#pragma once
// One function per screen. A screen reads the frame's snapshot and UI state, draws through the
// Painter, and asks for changes only through Commands, which the runner carries out after the
// frame; no screen talks to the store or the camera.
#include "core/session/session_worker.hpp"
#include "core/sync/sync_worker.hpp"
#include "meetscan/scanner/frame_source.hpp"
#include "ui/screens/leads_view.hpp"
#include "ui/screens/print_view.hpp"
#include "ui/ui_state.hpp"
#include "ui/widgets/painter.hpp"

#include <imgui.h>

#include <optional>
#include <string>

namespace meetscan::ui {

struct Commands {
    std::optional<core::Lead> saveLead;
    bool closeLead = false; // the lead editor is done (saved above when it changed)
    bool signOutStaff = false;
    std::optional<core::Station> station;
    std::optional<std::string> pin;    // check this admin PIN
    std::optional<std::string> newPin; // store this as the kiosk's first admin PIN
    std::optional<std::string> source; // switch the camera to this SOURCE
    bool quit = false;
    bool syncNow = false; // admin: sync with the server now, without waiting out a back-off
    PrintCommands print;  // print_view.hpp
    LeadCommands leads;   // leads_view.hpp
};

struct PreviewView {
    ImTextureID texture = nullptr;
    float width = 0.0F; // the preview image's size in pixels
    float height = 0.0F;
    bool hasOutline = false;
    ImVec2 outline[4]; // the code's corners, as fractions of the frame
    scanner::SourceStatus status = scanner::SourceStatus::Starting;
    std::string problem;
};

struct ScreenContext {
    Painter& paint;
    UiState& state;
    const core::SessionSnapshot& snapshot;
    Commands& commands;
    const PreviewView& preview;
    ImVec2 size;
    core::TimeMs now;
    const core::SyncStatus* sync = nullptr; // null when no sync server is configured
    PrintView* print = nullptr;             // null when this kiosk cannot print (no print worker)
    LeadsView* leads = nullptr;             // null when lead delivery could not start
};

// The frame every screen shares: the event's name and accent, the station's mode. Returns the
// top of the content area.
float drawChrome(ScreenContext& context);
// A person's name, company and title in a rounded card, at least `height` tall (content
// centred); returns the card's height.
float drawPersonCard(ScreenContext& context, const core::PersonCard& person, ImVec2 min, float width, ImU32 edge,
                     float height = 0.0F);
// The height drawPersonCard needs for `person` (zero-sized parts while text is still rendering).
float personCardHeight(ScreenContext& context, const core::PersonCard& person, float width);
// The thin bar at the bottom that shows how long a result screen stays.
void drawTimeoutBar(ScreenContext& context);

// The camera's picture, mirrored, with the outline of a code it just read.
void drawCameraPreview(ScreenContext& context, ImVec2 min, ImVec2 size);

void drawIdle(ScreenContext& context);
void drawStationSetup(ScreenContext& context);
void drawMeetResult(ScreenContext& context);
void drawNotice(ScreenContext& context); // unknown, refused, no consent, not configured, not saved
void drawBoothSignedIn(ScreenContext& context);
void drawBoothLead(ScreenContext& context);
void drawSummary(ScreenContext& context);
void drawAdminPin(ScreenContext& context);
void drawChoosePin(ScreenContext& context); // choose_pin_screen.cpp
// The PIN as dots, centred on `centreX` from `top`; returns the bottom.
float drawPinDots(Painter& paint, const std::string& pin, float centreX, float top);
// The PIN pad (1-9, Clear, 0, OK) from `top`, typing into `pin`, at most 12 digits; returns the
// bottom. `entered` is set when OK is tapped with digits typed (`pin` is then cleared).
float drawPinPad(ScreenContext& context, std::string& pin, float top, bool enabled, std::optional<std::string>& entered);
void drawAdmin(ScreenContext& context);
// The admin panel's printer choice, test page and jobs needing attention (admin_printer_panel.cpp).
void drawPrinterPanel(ScreenContext& context);
// The admin panel's button that opens it, with the printer's state as its second line.
void drawPrinterButton(ScreenContext& context, ImVec2 min, ImVec2 size);
// The admin panel's Leads page: the booth's leads onto a USB stick or by e-mail (admin_leads_panel.cpp).
void drawLeadsPanel(ScreenContext& context);
// The admin panel's sync strip: last sync, queue length, last error, "Sync now".
void drawAdminSyncPanel(ScreenContext& context, ImVec2 min, ImVec2 size);
// Camera lost, store failing: drawn over any screen. Returns the overlay's name or nullptr.
const char* drawOverlays(ScreenContext& context);

[[nodiscard]] const char* modeLabel(core::Mode mode);

// A heading over a part of the admin panel.
void drawSectionTitle(Painter& paint, ImVec2 at, const std::string& title);
// The admin panel's charts of this station (admin_charts.cpp): scans per hour, then what the
// station's mode makes (leads by rating, connections per attendee) beside the badges turned
// away, between `min.y` and `bottom`.
void drawStationCharts(ScreenContext& context, ImVec2 min, float width, float bottom);

} // namespace meetscan::ui
