#include "ui/screens/screens.hpp"

#include <algorithm>

namespace meetscan::ui {
namespace {

std::string hintFor(const core::SessionSnapshot& snapshot) {
    switch (snapshot.station.mode) {
    case core::Mode::Meet: return "Two people, one after the other: each holds up their badge to connect.";
    case core::Mode::Booth:
        if (!snapshot.exhibitor)
            return "This booth kiosk has no exhibitor yet — staff: open the admin panel.";
        return "Visitors: hold up your badge to leave your details with " + snapshot.exhibitor->name + ".";
    case core::Mode::Summary: return "See the people you met and the booths you visited today.";
    }
    return {};
}

} // namespace

void drawCameraPreview(ScreenContext& context, ImVec2 min, ImVec2 size) {
    Painter& paint = context.paint;
    const Theme& theme = paint.theme();
    const PreviewView& preview = context.preview;
    ImVec2 max(min.x + size.x, min.y + size.y);
    paint.card(min, max, theme.card);
    if (preview.texture == nullptr || preview.width <= 0.0F) {
        paint.icon(Icon::Badge, ImVec2(min.x + size.x / 2.0F, min.y + size.y / 2.0F - 30.0F), 90.0F, theme.textMuted);
        paint.text(ImVec2(min.x + size.x / 2.0F, min.y + size.y / 2.0F + 90.0F), "Starting the camera…", theme.smallSize,
                   theme.textMuted, Align::Centre);
        return;
    }
    // Fit the image into the box, keeping its aspect ratio.
    float scale = std::min(size.x / preview.width, size.y / preview.height);
    ImVec2 imageSize(preview.width * scale, preview.height * scale);
    ImVec2 imageMin(min.x + (size.x - imageSize.x) / 2.0F, min.y + (size.y - imageSize.y) / 2.0F);
    ImVec2 imageMax(imageMin.x + imageSize.x, imageMin.y + imageSize.y);
    // Mirror horizontally: people expect to see themselves as in a mirror.
    paint.drawList().AddImageRounded(preview.texture, imageMin, imageMax, ImVec2(1, 0), ImVec2(0, 1), IM_COL32_WHITE,
                                     theme.rounding);
    if (preview.hasOutline) {
        ImVec2 points[4];
        for (int i = 0; i < 4; ++i)
            points[i] = ImVec2(imageMax.x - preview.outline[i].x * imageSize.x, imageMin.y + preview.outline[i].y * imageSize.y);
        paint.drawList().AddPolyline(points, 4, theme.success, ImDrawFlags_Closed, 8.0F);
    }
    paint.drawList().AddRect(imageMin, imageMax, withAlpha(theme.accent, 160), theme.rounding, 0, 4.0F);
}

void drawIdle(ScreenContext& context) {
    Painter& paint = context.paint;
    const Theme& theme = paint.theme();
    const core::SessionSnapshot& snapshot = context.snapshot;
    float top = drawChrome(context) + 70.0F;
    const float centreX = context.size.x / 2.0F;

    std::string title = "Hold your badge up to the camera";
    if (snapshot.station.mode == core::Mode::Booth && !snapshot.staff && snapshot.exhibitor)
        title = "Hold your badge up to the camera";
    ImVec2 titleSize = paint.text(ImVec2(centreX, top), title, theme.titleSize, theme.text, Align::Centre, true);
    top += titleSize.y + 18.0F;
    ImVec2 hintSize = paint.text(ImVec2(centreX, top), hintFor(snapshot), theme.bodySize, theme.textMuted, Align::Centre);
    top += hintSize.y + 48.0F;

    float bottomReserve = snapshot.station.mode == core::Mode::Booth ? 150.0F : 90.0F;
    float height = std::max(240.0F, context.size.y - top - bottomReserve);
    float width = std::min(context.size.x - 2.0F * theme.margin, height * 16.0F / 9.0F);
    drawCameraPreview(context, ImVec2(centreX - width / 2.0F, top), ImVec2(width, height));

    if (snapshot.station.mode == core::Mode::Booth) {
        float y = top + height + 36.0F;
        if (snapshot.staff) {
            std::string who = "Signed in: " + snapshot.staff->name;
            ImVec2 whoSize = paint.measure(who, theme.smallSize + 2.0F);
            float rowWidth = whoSize.x + 32.0F + 220.0F;
            float x = centreX - rowWidth / 2.0F;
            paint.text(ImVec2(x, y + (72.0F - whoSize.y) / 2.0F), who, theme.smallSize + 2.0F, theme.textMuted);
            ButtonStyle style;
            style.outline = true;
            style.fill = theme.textMuted;
            style.textSize = theme.smallSize;
            if (paint.button("Sign out", ImVec2(x + whoSize.x + 32.0F, y), ImVec2(220.0F, 72.0F), style))
                context.commands.signOutStaff = true;
        } else if (snapshot.exhibitor) {
            paint.text(ImVec2(centreX, y + 16.0F), "Staff: scan your own badge to sign in", theme.smallSize + 2.0F,
                       theme.textMuted, Align::Centre);
        }
    }
}

} // namespace meetscan::ui
