// A kiosk started on a new database belongs to no event yet: it asks for the one-time set-up code
// the office printed (`meetscan station add --qr`) and joins through the server when it sees one.
#include "ui/screens/screens.hpp"

#include <algorithm>

namespace meetscan::ui {

void drawStationSetup(ScreenContext& context) {
    Painter& paint = context.paint;
    const Theme& theme = paint.theme();
    const SetupState& setup = context.state.setup;
    const float centreX = context.size.x / 2.0F;
    float top = theme.margin;
    paint.text(ImVec2(theme.margin, top), "MeetScan", theme.smallSize + 4.0F, theme.textMuted, Align::Left, true);
    top += 70.0F;

    ImVec2 titleSize = paint.text(ImVec2(centreX, top), "Scan the station set-up code", theme.titleSize, theme.text,
                                  Align::Centre, true);
    top += titleSize.y + 18.0F;
    ImVec2 hintSize = paint.text(ImVec2(centreX, top),
                                 "This kiosk is not part of an event yet. Hold up the set-up code from the event's "
                                 "office; it works once.",
                                 theme.bodySize, theme.textMuted, Align::Centre, false,
                                 context.size.x - 2.0F * theme.margin);
    top += hintSize.y + 40.0F;

    const float messageReserve = 170.0F;
    const float height = std::max(240.0F, context.size.y - top - messageReserve);
    const float width = std::min(context.size.x - 2.0F * theme.margin, height * 16.0F / 9.0F);
    drawCameraPreview(context, ImVec2(centreX - width / 2.0F, top), ImVec2(width, height));
    top += height + 40.0F;

    if (setup.joining) {
        paint.text(ImVec2(centreX, top), "Joining the event through the server…", theme.bodySize, theme.text,
                   Align::Centre, true);
        return;
    }
    if (setup.message.empty())
        return;
    const float wrap = context.size.x - 2.0F * theme.margin - 120.0F;
    const ImU32 colour = setup.trouble ? theme.notice : theme.success;
    const float textSize = theme.smallSize + 4.0F;
    ImVec2 size = paint.measure(setup.message, textSize, false, wrap);
    const float iconSpace = 64.0F;
    const float left = centreX - (size.x + iconSpace) / 2.0F;
    paint.icon(setup.trouble ? Icon::Warning : Icon::Check, ImVec2(left + 22.0F, top + std::max(size.y, 44.0F) / 2.0F),
               22.0F, colour);
    paint.text(ImVec2(left + iconSpace, top), setup.message, textSize, theme.text, Align::Left, false, wrap);
}

} // namespace meetscan::ui
