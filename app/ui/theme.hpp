#pragma once
// The kiosk's colours and sizes: dark, high-contrast, with the event's accent colour.
#include <imgui.h>

#include <string_view>

namespace meetscan::ui {

struct Theme {
    ImU32 background = IM_COL32(13, 18, 28, 255);
    ImU32 card = IM_COL32(27, 35, 51, 255);
    ImU32 cardRaised = IM_COL32(40, 51, 72, 255);
    ImU32 text = IM_COL32(245, 247, 250, 255);
    ImU32 textMuted = IM_COL32(160, 172, 192, 255);
    ImU32 success = IM_COL32(46, 160, 67, 255);
    ImU32 notice = IM_COL32(210, 153, 34, 255);
    ImU32 danger = IM_COL32(229, 83, 75, 255);
    ImU32 hot = IM_COL32(229, 83, 75, 255);
    ImU32 warm = IM_COL32(224, 138, 30, 255);
    ImU32 cold = IM_COL32(56, 139, 253, 255);
    ImU32 accent = IM_COL32(31, 111, 235, 255);

    // Sizes for a 1080p touchscreen (pixels).
    float titleSize = 84.0F;
    float headingSize = 56.0F;
    float bodySize = 36.0F;
    float smallSize = 26.0F;
    float rounding = 28.0F;
    float margin = 64.0F;
};

// "#RRGGBB" (or "RRGGBB"); `fallback` when the text is not a colour.
ImU32 parseColour(std::string_view text, ImU32 fallback);
// The same colour with another alpha (0..255).
ImU32 withAlpha(ImU32 colour, int alpha);
// Mixes two colours: t = 0 gives a, 1 gives b.
ImU32 mix(ImU32 a, ImU32 b, float t);

// ImGui's own widgets (the note field, admin text fields) styled to match.
void applyImGuiStyle(const Theme& theme);

} // namespace meetscan::ui
