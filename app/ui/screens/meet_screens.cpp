#include "ui/screens/screens.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace meetscan::ui {
namespace {

// The pairing window: a ring that empties and the seconds left in it.
void drawCountdown(ScreenContext& context, ImVec2 centre, float radius) {
    const auto& pending = context.snapshot.pending;
    if (!pending)
        return;
    const Theme& theme = context.paint.theme();
    float total = static_cast<float>(std::max(1, context.snapshot.event.settings.pairingWindowSeconds)) * 1000.0F;
    float left = std::clamp(static_cast<float>(pending->expiresAt - context.now), 0.0F, total);
    ImDrawList& drawList = context.paint.drawList();
    drawList.AddCircle(centre, radius, theme.cardRaised, 96, 14.0F);
    float start = -std::numbers::pi_v<float> / 2.0F;
    drawList.PathArcTo(centre, radius, start, start + 2.0F * std::numbers::pi_v<float> * (left / total), 96);
    drawList.PathStroke(theme.accent, 0, 14.0F);
    const int secondsLeft = static_cast<int>(std::ceil(left / 1000.0F));
    std::string seconds = std::to_string(secondsLeft);
    if (secondsLeft > 0)
        context.paint.prefetch(std::to_string(secondsLeft - 1), 72.0F, true);
    ImVec2 size = context.paint.measure(seconds, 72.0F, true);
    context.paint.text(ImVec2(centre.x, centre.y - size.y / 2.0F), seconds, 72.0F, theme.text, Align::Centre, true);
}

} // namespace

void drawMeetResult(ScreenContext& context) {
    Painter& paint = context.paint;
    const Theme& theme = paint.theme();
    const core::Decision& decision = *context.state.decision;
    float top = drawChrome(context) + 60.0F;
    const float centreX = context.size.x / 2.0F;

    Icon icon = Icon::Check;
    ImU32 colour = theme.success;
    std::string title;
    std::string subtitle;
    switch (context.state.screen) {
    case ScreenId::MeetFirstBadge:
        icon = Icon::Person;
        colour = theme.accent;
        title = decision.message;
        subtitle = "The second person: hold your badge up to the camera now.";
        break;
    case ScreenId::MeetConnected:
        title = "You are connected";
        subtitle = "You will both find each other in your follow-up summary.";
        break;
    case ScreenId::MeetAlreadyConnected:
        icon = Icon::Link;
        title = "You are already connected";
        subtitle = "Good to see you meet again — we counted this meeting too.";
        break;
    case ScreenId::MeetSameBadge:
        icon = Icon::Clock;
        colour = theme.notice;
        title = "That is the same badge";
        subtitle = "Waiting for the second badge — the other person, please.";
        break;
    case ScreenId::MeetWindowExpired:
        icon = Icon::Clock;
        colour = theme.notice;
        title = "Time ran out";
        subtitle = "Please start again: both badges, one after the other.";
        break;
    default: break;
    }

    const float iconRadius = 84.0F;
    paint.badgeIcon(icon, ImVec2(centreX, top + iconRadius), iconRadius, colour);
    top += iconRadius * 2.0F + 56.0F;
    ImVec2 titleSize = paint.text(ImVec2(centreX, top), title, theme.titleSize, theme.text, Align::Centre, true,
                                  context.size.x - 2.0F * theme.margin);
    top += titleSize.y + 16.0F;
    ImVec2 subSize = paint.text(ImVec2(centreX, top), subtitle, theme.bodySize, theme.textMuted, Align::Centre);
    top += subSize.y + 64.0F;

    const bool pair = decision.partner && decision.person &&
                      (context.state.screen == ScreenId::MeetConnected || context.state.screen == ScreenId::MeetAlreadyConnected);
    if (pair) {
        const float gap = 80.0F;
        const float cardWidth = std::min(760.0F, (context.size.x - 2.0F * theme.margin - gap) / 2.0F);
        float left = centreX - cardWidth - gap / 2.0F;
        // Both cards as tall as the taller one: a pair, side by side.
        const float height = std::max(personCardHeight(context, *decision.partner, cardWidth),
                                      personCardHeight(context, *decision.person, cardWidth));
        drawPersonCard(context, *decision.partner, ImVec2(left, top), cardWidth, colour, height);
        drawPersonCard(context, *decision.person, ImVec2(centreX + gap / 2.0F, top), cardWidth, colour, height);
        paint.badgeIcon(Icon::Link, ImVec2(centreX, top + height / 2.0F), 34.0F, colour);
    } else if (decision.person && context.state.screen != ScreenId::MeetWindowExpired) {
        const float cardWidth = 900.0F;
        float height = drawPersonCard(context, *decision.person, ImVec2(centreX - cardWidth / 2.0F, top), cardWidth, colour);
        top += height + 56.0F;
    }
    if (context.state.screen == ScreenId::MeetFirstBadge || context.state.screen == ScreenId::MeetSameBadge) {
        drawCountdown(context, ImVec2(centreX, std::min(top + 100.0F, context.size.y - 130.0F)), 80.0F);
    } else {
        drawTimeoutBar(context);
    }
}

void drawNotice(ScreenContext& context) {
    Painter& paint = context.paint;
    const Theme& theme = paint.theme();
    const core::Decision& decision = *context.state.decision;
    float top = drawChrome(context) + 110.0F;
    const float centreX = context.size.x / 2.0F;
    Icon icon = Icon::Cross;
    ImU32 colour = theme.danger;
    std::string title;
    std::string subtitle;
    switch (context.state.screen) {
    case ScreenId::UnknownBadge:
        title = "Badge not recognised";
        subtitle = "This code is not on the guest list. Please ask at the registration desk.";
        break;
    case ScreenId::RefusedBadge:
        title = "This badge could not be verified";
        subtitle = "It may have been altered or copied. Please ask at the registration desk.";
        break;
    case ScreenId::NoConsent:
        icon = Icon::Lock;
        colour = theme.notice;
        title = "Thank you for stopping by";
        subtitle = "You chose not to share your details with exhibitors, so nothing was recorded. "
                   "Our team is happy to talk with you all the same.";
        break;
    case ScreenId::NotConfigured:
        icon = Icon::Warning;
        colour = theme.notice;
        title = "This kiosk is not set up yet";
        subtitle = decision.message;
        break;
    case ScreenId::NotSaved:
        icon = Icon::Warning;
        title = "Not saved — please call staff";
        subtitle = decision.error.empty() ? decision.message : decision.error;
        break;
    default: break;
    }
    const float iconRadius = 96.0F;
    paint.badgeIcon(icon, ImVec2(centreX, top + iconRadius), iconRadius, colour);
    top += iconRadius * 2.0F + 64.0F;
    ImVec2 titleSize = paint.text(ImVec2(centreX, top), title, theme.titleSize, theme.text, Align::Centre, true,
                                  context.size.x - 2.0F * theme.margin);
    top += titleSize.y + 28.0F;
    paint.text(ImVec2(centreX, top), subtitle, theme.bodySize + 4.0F, theme.textMuted, Align::Centre, false, 1300.0F);
    drawTimeoutBar(context);
}

void drawBoothSignedIn(ScreenContext& context) {
    Painter& paint = context.paint;
    const Theme& theme = paint.theme();
    const core::Decision& decision = *context.state.decision;
    float top = drawChrome(context) + 110.0F;
    const float centreX = context.size.x / 2.0F;
    paint.badgeIcon(Icon::Check, ImVec2(centreX, top + 96.0F), 96.0F, theme.accent);
    top += 192.0F + 64.0F;
    ImVec2 titleSize = paint.text(ImVec2(centreX, top), "Signed in", theme.titleSize, theme.text, Align::Centre, true);
    top += titleSize.y + 28.0F;
    paint.text(ImVec2(centreX, top), decision.message, theme.bodySize + 4.0F, theme.textMuted, Align::Centre, false, 1300.0F);
    drawTimeoutBar(context);
}

} // namespace meetscan::ui
