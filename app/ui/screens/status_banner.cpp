// The overlay drawn over any screen while something staff must know about is wrong: the disk
// is full, other writes fail, or the camera went away. Each clears by itself when the worker
// or the camera reports that things work again; nothing here waits for that.
#include "ui/screens/screens.hpp"

#include <algorithm>

namespace meetscan::ui {

namespace {

struct Banner {
    const char* name = nullptr;
    std::string title;
    std::string detail;
    ImU32 colour = 0;
};

// Saving beats the camera: a kiosk that scans but cannot keep what it scans must say so first.
Banner pickBanner(const ScreenContext& context, const Theme& theme) {
    const core::SessionSnapshot& snapshot = context.snapshot;
    using scanner::SourceStatus;
    if (!snapshot.storeError.empty() && snapshot.diskFull)
        return {"disk_full", "Disk full — scans are not being saved, tell staff",
                "Saving starts again by itself once space is freed. " + snapshot.storeError, theme.danger};
    if (!snapshot.storeError.empty())
        return {"store_error", "Scans are not being saved — please call staff", snapshot.storeError, theme.danger};
    if (context.preview.status == SourceStatus::NoCamera)
        return {"camera_lost", "No camera found — looking for one",
                "Scanning resumes by itself. A USB barcode scanner still works.", theme.notice};
    if (context.preview.status == SourceStatus::Reconnecting)
        return {"camera_lost", "Camera disconnected — reconnecting",
                "Scanning resumes by itself. A USB barcode scanner still works.", theme.notice};
    return {};
}

} // namespace

const char* drawOverlays(ScreenContext& context) {
    Painter& paint = context.paint;
    const Theme& theme = paint.theme();
    const Banner banner = pickBanner(context, theme);
    if (banner.name == nullptr)
        return nullptr;
    const float width = std::min(1300.0F, context.size.x - 2.0F * theme.margin);
    const float textWidth = width - 230.0F;
    // A long error message wraps; the card grows upwards to hold it.
    const ImVec2 titleSize = paint.measure(banner.title, 44.0F, true, textWidth);
    const ImVec2 detailSize = paint.measure(banner.detail, theme.smallSize, false, textWidth);
    const float height = std::max(200.0F, 46.0F + titleSize.y + 20.0F + detailSize.y + 40.0F);
    const float bottom = context.size.y - 80.0F;
    ImVec2 min((context.size.x - width) / 2.0F, bottom - height);
    ImVec2 max(min.x + width, bottom);
    paint.card(min, max, mix(theme.card, banner.colour, 0.18F));
    paint.drawList().AddRect(min, max, banner.colour, theme.rounding, 0, 4.0F);
    paint.badgeIcon(Icon::Warning, ImVec2(min.x + 100.0F, min.y + height / 2.0F), 52.0F, banner.colour);
    paint.text(ImVec2(min.x + 190.0F, min.y + 46.0F), banner.title, 44.0F, theme.text, Align::Left, true, textWidth);
    paint.text(ImVec2(min.x + 190.0F, min.y + 46.0F + std::max(titleSize.y, 46.0F) + 20.0F), banner.detail,
               theme.smallSize, theme.textMuted, Align::Left, false, textWidth);
    return banner.name;
}

} // namespace meetscan::ui
