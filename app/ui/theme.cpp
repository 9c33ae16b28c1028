#include "ui/theme.hpp"

#include <charconv>

namespace meetscan::ui {

ImU32 parseColour(std::string_view text, ImU32 fallback) {
    if (!text.empty() && text.front() == '#')
        text.remove_prefix(1);
    if (text.size() != 6)
        return fallback;
    unsigned value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, 16);
    if (error != std::errc() || end != text.data() + text.size())
        return fallback;
    return IM_COL32((value >> 16U) & 0xFFU, (value >> 8U) & 0xFFU, value & 0xFFU, 255);
}

ImU32 withAlpha(ImU32 colour, int alpha) {
    return (colour & ~IM_COL32_A_MASK) | (static_cast<ImU32>(alpha & 0xFF) << IM_COL32_A_SHIFT);
}

ImU32 mix(ImU32 a, ImU32 b, float t) {
    ImVec4 ca = ImGui::ColorConvertU32ToFloat4(a);
    ImVec4 cb = ImGui::ColorConvertU32ToFloat4(b);
    return ImGui::ColorConvertFloat4ToU32(ImVec4(ca.x + (cb.x - ca.x) * t, ca.y + (cb.y - ca.y) * t,
                                                 ca.z + (cb.z - ca.z) * t, ca.w + (cb.w - ca.w) * t));
}

void applyImGuiStyle(const Theme& theme) {
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 0.0F;
    style.WindowBorderSize = 0.0F;
    style.WindowPadding = ImVec2(0.0F, 0.0F);
    style.FrameRounding = 14.0F;
    style.FramePadding = ImVec2(20.0F, 16.0F);
    style.ItemSpacing = ImVec2(16.0F, 16.0F);
    style.ScrollbarSize = 24.0F;
    ImVec4* colours = style.Colors;
    colours[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(theme.background);
    colours[ImGuiCol_FrameBg] = ImGui::ColorConvertU32ToFloat4(theme.cardRaised);
    colours[ImGuiCol_FrameBgHovered] = ImGui::ColorConvertU32ToFloat4(mix(theme.cardRaised, theme.text, 0.08F));
    colours[ImGuiCol_FrameBgActive] = ImGui::ColorConvertU32ToFloat4(mix(theme.cardRaised, theme.accent, 0.25F));
    colours[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(theme.text);
    colours[ImGuiCol_TextSelectedBg] = ImGui::ColorConvertU32ToFloat4(withAlpha(theme.accent, 140));
    colours[ImGuiCol_NavHighlight] = ImGui::ColorConvertU32ToFloat4(theme.accent);
}

} // namespace meetscan::ui
