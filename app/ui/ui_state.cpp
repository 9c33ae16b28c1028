#include "ui/ui_state.hpp"

namespace meetscan::ui {

const char* screenName(ScreenId screen) {
    switch (screen) {
    case ScreenId::Idle: return "idle";
    case ScreenId::MeetFirstBadge: return "meet_first_badge";
    case ScreenId::MeetConnected: return "meet_connected";
    case ScreenId::MeetAlreadyConnected: return "meet_already_connected";
    case ScreenId::MeetSameBadge: return "meet_same_badge";
    case ScreenId::MeetWindowExpired: return "meet_window_expired";
    case ScreenId::UnknownBadge: return "unknown_badge";
    case ScreenId::RefusedBadge: return "refused_badge";
    case ScreenId::NoConsent: return "no_consent";
    case ScreenId::NotConfigured: return "not_configured";
    case ScreenId::BoothStaffSignedIn: return "booth_staff_signed_in";
    case ScreenId::BoothLead: return "booth_lead";
    case ScreenId::Summary: return "summary";
    case ScreenId::NotSaved: return "not_saved";
    case ScreenId::AdminPin: return "admin_pin";
    case ScreenId::Admin: return "admin";
    case ScreenId::StationSetup: return "station_setup";
    case ScreenId::ChoosePin: return "choose_pin";
    }
    return "unknown";
}

void showScreen(UiState& state, ScreenId screen, core::TimeMs now, int seconds) {
    state.screen = screen;
    state.screenSince = now;
    state.screenUntil = seconds > 0 ? now + static_cast<core::TimeMs>(seconds) * 1000 : 0;
}

} // namespace meetscan::ui
