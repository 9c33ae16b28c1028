#pragma once
// Drawing helpers every screen uses: text (through the Pango text cache), cards, big touch
// buttons and icons, all on the kiosk window's draw list. Every string drawn and every button's
// place is recorded for the frame, so screenshot runs can say what a screen showed and scripted
// taps can find a button by its label.
#include "ui/textures/text_cache.hpp"
#include "ui/theme.hpp"

#include <imgui.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace meetscan::ui {

enum class Align { Left, Centre, Right };
enum class Icon { Check, Cross, Clock, Person, Link, Warning, Lock, Badge, Star };

struct ButtonStyle {
    ImU32 fill = 0;
    ImU32 text = 0;
    float textSize = 36.0F;
    bool selected = false; // toggles: drawn filled with the accent
    bool outline = false;
    std::string_view detail; // a smaller second line under the label (not part of its id)
};

struct ButtonRect {
    ImVec2 min;
    ImVec2 max;
};

class Painter {
public:
    Painter(ImDrawList& drawList, TextCache& texts, const Theme& theme);

    [[nodiscard]] const Theme& theme() const { return m_theme; }
    [[nodiscard]] ImDrawList& drawList() { return m_drawList; }

    // Draws `text` with its top edge at pos.y, aligned on pos.x; returns its size.
    ImVec2 text(ImVec2 pos, std::string_view text, float size, ImU32 colour, Align align = Align::Left,
                bool bold = false, float wrapWidth = 0.0F);
    // The size `text` will have; zero while it is still being rendered.
    [[nodiscard]] ImVec2 measure(std::string_view text, float size, bool bold = false, float wrapWidth = 0.0F);
    // Has `text` rendered ahead of need (the next second of a countdown).
    void prefetch(std::string_view text, float size, bool bold = false, float wrapWidth = 0.0F) {
        m_texts.prefetch(text, size, bold, wrapWidth);
    }

    void card(ImVec2 min, ImVec2 max, ImU32 fill, float rounding = -1.0F);
    void icon(Icon icon, ImVec2 centre, float radius, ImU32 colour);
    // A filled disc with an icon in it: the large sign on every result screen.
    void badgeIcon(Icon icon, ImVec2 centre, float radius, ImU32 colour);

    // A big touch button; `label` is also its id for scripted taps. True when tapped.
    bool button(std::string_view label, ImVec2 min, ImVec2 size, const ButtonStyle& style);
    // An invisible tap area (the admin corner). True when tapped.
    bool hotspot(std::string_view id, ImVec2 min, ImVec2 size);

    // Notes where a widget drawn by ImGui itself (a text field) is, for the screen's record.
    void field(std::string_view id, ImVec2 min, ImVec2 max) { m_fields[std::string(id)] = {min, max}; }

    [[nodiscard]] const std::vector<std::string>& textsDrawn() const { return m_textsDrawn; }
    [[nodiscard]] const std::map<std::string, ButtonRect, std::less<>>& fields() const { return m_fields; }
    [[nodiscard]] const std::map<std::string, ButtonRect, std::less<>>& buttons() const { return m_buttons; }

private:
    ImDrawList& m_drawList;
    TextCache& m_texts;
    const Theme& m_theme;
    std::vector<std::string> m_textsDrawn;
    std::map<std::string, ButtonRect, std::less<>> m_buttons;
    std::map<std::string, ButtonRect, std::less<>> m_fields;
};

} // namespace meetscan::ui
