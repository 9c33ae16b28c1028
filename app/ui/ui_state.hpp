#pragma once
// Everything the kiosk remembers between frames that is not data: which screen is up and until
// when, the lead being edited, the admin panel's fields, the keyboard-wedge buffer.
#include "core/domain/event.hpp"
#include "core/session/session_worker.hpp"

#include <deque>
#include <future>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace meetscan::ui {

enum class ScreenId {
    Idle,
    MeetFirstBadge,
    MeetConnected,
    MeetAlreadyConnected,
    MeetSameBadge,
    MeetWindowExpired,
    UnknownBadge,
    RefusedBadge, // forged or altered badge
    NoConsent,    // Booth: the visitor does not want to be scanned by exhibitors
    NotConfigured,
    BoothStaffSignedIn,
    BoothLead,
    Summary,
    NotSaved, // the store could not write the scan
    AdminPin,
    Admin,
    StationSetup, // a kiosk with no event yet: it waits for the office's set-up code
    ChoosePin,    // a kiosk just joined through its set-up code chooses its own admin PIN
};
[[nodiscard]] const char* screenName(ScreenId screen);

struct LeadEditor {
    core::Lead lead;
    core::PersonCard visitor;
    bool reopened = false;
    bool dirty = false;
    std::string note;                            // edited by ImGui::InputTextMultiline
    std::map<std::string, std::string> freeText; // question id -> answer being typed
};

struct AdminState {
    std::string pin;                              // digits typed so far
    std::optional<std::future<core::AdminLock::Answer>> pinCheck;
    std::string pinMessage;
    std::string firstPin;                         // ChoosePin: the first entry, waiting for its repeat
    std::optional<std::future<Status>> pinSave;   // ChoosePin: the chosen PIN on its way into the database
    core::TimeMs retryAt = 0;                     // wrong PINs back off
    std::string stationName;                      // the station name field
    std::vector<std::string> cameras;             // /dev/video* found when the panel opened
    bool choosingExhibitor = false;               // the exhibitor picker covers the panel
    bool boothAfterChoice = false;                // Booth was asked for before an exhibitor was set
};

// A kiosk joining its event with a set-up code (station_setup.hpp).
struct SetupState {
    bool joining = false;
    std::string message; // what happened to the last code shown, in words
    bool trouble = false; // the message is a problem (a badge, a spent code, no server)
};

struct UiState {
    ScreenId screen = ScreenId::Idle;
    core::TimeMs screenSince = 0;
    core::TimeMs screenUntil = 0; // 0: stays (idle, admin)
    core::TimeMs lastTouchAt = 0;
    std::optional<core::Decision> decision; // the one a result screen shows
    std::optional<LeadEditor> lead;
    AdminState admin;
    SetupState setup;
    std::deque<core::TimeMs> cornerTaps; // the admin gesture: five taps within three seconds
    std::string wedgeBuffer;             // characters typed by a USB barcode scanner
    core::TimeMs wedgeLastAt = 0;
    std::string sourceSpec;              // what the preview shows (camera, synthetic, ...)
    std::string toast;                   // a short line that fades (e.g. "Lead saved")
    core::TimeMs toastUntil = 0;
};

void showScreen(UiState& state, ScreenId screen, core::TimeMs now, int seconds);

} // namespace meetscan::ui
