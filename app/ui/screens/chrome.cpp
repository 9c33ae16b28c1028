#include "ui/screens/screens.hpp"

#include <algorithm>

namespace meetscan::ui {

const char* modeLabel(core::Mode mode) {
    switch (mode) {
    case core::Mode::Meet: return "Meet";
    case core::Mode::Booth: return "Booth";
    case core::Mode::Summary: return "My summary";
    }
    return "";
}

float drawChrome(ScreenContext& context) {
    Painter& paint = context.paint;
    const Theme& theme = paint.theme();
    const float width = context.size.x;
    constexpr float kHeaderHeight = 120.0F;
    paint.drawList().AddRectFilled(ImVec2(0, 0), ImVec2(width, kHeaderHeight), theme.card);
    paint.drawList().AddRectFilled(ImVec2(0, kHeaderHeight - 8.0F), ImVec2(width, kHeaderHeight), theme.accent);
    const std::string& name = context.snapshot.event.name.empty() ? std::string("MeetScan") : context.snapshot.event.name;
    ImVec2 nameSize = paint.measure(name, 44.0F, true);
    paint.text(ImVec2(theme.margin, (kHeaderHeight - 8.0F - nameSize.y) / 2.0F), name, 44.0F, theme.text, Align::Left, true);

    std::string mode = modeLabel(context.snapshot.station.mode);
    if (context.snapshot.station.mode == core::Mode::Booth && context.snapshot.exhibitor)
        mode = context.snapshot.exhibitor->name + (context.snapshot.exhibitor->booth.empty() ? "" : " · Booth " + context.snapshot.exhibitor->booth);
    ImVec2 modeSize = paint.measure(mode, theme.smallSize + 4.0F, true);
    const float pillRight = width - theme.margin - 40.0F; // leaves the admin corner free
    ImVec2 pillMin(pillRight - modeSize.x - 48.0F, (kHeaderHeight - 8.0F - 64.0F) / 2.0F);
    paint.card(pillMin, ImVec2(pillRight, pillMin.y + 64.0F), withAlpha(theme.accent, 70), 32.0F);
    paint.text(ImVec2(pillMin.x + 24.0F, pillMin.y + (64.0F - modeSize.y) / 2.0F), mode, theme.smallSize + 4.0F,
               theme.text, Align::Left, true);
    // Which kiosk this is, so staff can tell stations apart (and see it is the same after a restart).
    if (const std::string& station = context.snapshot.station.name; !station.empty()) {
        ImVec2 stationSize = paint.measure(station, theme.smallSize, false);
        paint.text(ImVec2(pillMin.x - 32.0F - stationSize.x, (kHeaderHeight - 8.0F - stationSize.y) / 2.0F), station,
                   theme.smallSize, theme.textMuted);
    }
    return kHeaderHeight;
}

namespace {

constexpr float kCardPadding = 40.0F;
constexpr float kCardNameSize = 64.0F;

std::string personLine(const core::PersonCard& person) {
    std::string line = person.title;
    if (!person.company.empty())
        line = line.empty() ? person.company : line + " · " + person.company;
    return line;
}

} // namespace

float personCardHeight(ScreenContext& context, const core::PersonCard& person, float width) {
    const float inner = width - 2.0F * kCardPadding;
    ImVec2 nameSize = context.paint.measure(person.name, kCardNameSize, true, inner);
    const std::string line = personLine(person);
    ImVec2 lineSize = line.empty() ? ImVec2(0, 0) : context.paint.measure(line, context.paint.theme().bodySize, false, inner);
    return kCardPadding * 2.0F + nameSize.y + (line.empty() ? 0.0F : 12.0F + lineSize.y);
}

float drawPersonCard(ScreenContext& context, const core::PersonCard& person, ImVec2 min, float width, ImU32 edge,
                     float height) {
    Painter& paint = context.paint;
    const Theme& theme = paint.theme();
    const float inner = width - 2.0F * kCardPadding;
    const float natural = personCardHeight(context, person, width);
    height = std::max(height, natural);
    ImVec2 nameSize = paint.measure(person.name, kCardNameSize, true, inner);
    const std::string line = personLine(person);
    ImVec2 max(min.x + width, min.y + height);
    paint.card(min, max, theme.card);
    paint.drawList().AddRectFilled(min, ImVec2(min.x + 14.0F, max.y), edge, theme.rounding, ImDrawFlags_RoundCornersLeft);
    const float centreX = min.x + width / 2.0F;
    const float top = min.y + kCardPadding + (height - natural) / 2.0F; // a taller twin: centred
    paint.text(ImVec2(centreX, top), person.name, kCardNameSize, theme.text, Align::Centre, true, inner);
    if (!line.empty())
        paint.text(ImVec2(centreX, top + nameSize.y + 12.0F), line, theme.bodySize, theme.textMuted, Align::Centre, false, inner);
    return height;
}

void drawTimeoutBar(ScreenContext& context) {
    const UiState& state = context.state;
    if (state.screenUntil <= state.screenSince)
        return;
    float total = static_cast<float>(state.screenUntil - state.screenSince);
    float left = std::clamp(static_cast<float>(state.screenUntil - context.now) / total, 0.0F, 1.0F);
    float y = context.size.y - 12.0F;
    context.paint.drawList().AddRectFilled(ImVec2(0, y), ImVec2(context.size.x, context.size.y), context.paint.theme().card);
    context.paint.drawList().AddRectFilled(ImVec2(0, y), ImVec2(context.size.x * left, context.size.y),
                                           withAlpha(context.paint.theme().accent, 200));
}

} // namespace meetscan::ui
