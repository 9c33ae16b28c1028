#include "ui/widgets/painter.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace meetscan::ui {
namespace {

ImTextureID textureId(std::uint32_t texture) {
    return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(texture));
}

ImVec2 add(ImVec2 a, ImVec2 b) { return {a.x + b.x, a.y + b.y}; }

} // namespace

Painter::Painter(ImDrawList& drawList, TextCache& texts, const Theme& theme)
    : m_drawList(drawList), m_texts(texts), m_theme(theme) {}

ImVec2 Painter::measure(std::string_view text, float size, bool bold, float wrapWidth) {
    const TextTexture& texture = m_texts.get(text, size, bold, wrapWidth);
    return {texture.width, texture.height};
}

ImVec2 Painter::text(ImVec2 pos, std::string_view text, float size, ImU32 colour, Align align, bool bold,
                     float wrapWidth) {
    if (text.empty())
        return {0.0F, 0.0F};
    const TextTexture& texture = m_texts.get(text, size, bold, wrapWidth);
    if (!texture.ready())
        return {0.0F, 0.0F}; // on its way from the text worker; the runner holds such a frame back
    float x = pos.x;
    if (align == Align::Centre)
        x -= texture.width / 2.0F;
    else if (align == Align::Right)
        x -= texture.width;
    ImVec2 min(std::floor(x), std::floor(pos.y));
    m_drawList.AddImage(textureId(texture.texture), min, add(min, ImVec2(texture.width, texture.height)),
                        ImVec2(0, 0), ImVec2(1, 1), colour);
    m_textsDrawn.emplace_back(text);
    return {texture.width, texture.height};
}

void Painter::card(ImVec2 min, ImVec2 max, ImU32 fill, float rounding) {
    m_drawList.AddRectFilled(min, max, fill, rounding < 0.0F ? m_theme.rounding : rounding);
}

void Painter::icon(Icon icon, ImVec2 c, float r, ImU32 colour) {
    const float thick = std::max(4.0F, r * 0.16F);
    switch (icon) {
    case Icon::Check: {
        ImVec2 points[3] = {ImVec2(c.x - r * 0.55F, c.y + r * 0.02F), ImVec2(c.x - r * 0.15F, c.y + r * 0.42F),
                            ImVec2(c.x + r * 0.58F, c.y - r * 0.40F)};
        m_drawList.AddPolyline(points, 3, colour, 0, thick * 1.2F);
        break;
    }
    case Icon::Cross:
        m_drawList.AddLine(ImVec2(c.x - r * 0.45F, c.y - r * 0.45F), ImVec2(c.x + r * 0.45F, c.y + r * 0.45F), colour, thick * 1.2F);
        m_drawList.AddLine(ImVec2(c.x + r * 0.45F, c.y - r * 0.45F), ImVec2(c.x - r * 0.45F, c.y + r * 0.45F), colour, thick * 1.2F);
        break;
    case Icon::Clock:
        m_drawList.AddCircle(c, r * 0.62F, colour, 48, thick);
        m_drawList.AddLine(c, ImVec2(c.x, c.y - r * 0.42F), colour, thick);
        m_drawList.AddLine(c, ImVec2(c.x + r * 0.30F, c.y + r * 0.12F), colour, thick);
        break;
    case Icon::Person:
        m_drawList.AddCircleFilled(ImVec2(c.x, c.y - r * 0.28F), r * 0.26F, colour, 40);
        m_drawList.PathArcTo(ImVec2(c.x, c.y + r * 0.55F), r * 0.50F, std::numbers::pi_v<float>, 2.0F * std::numbers::pi_v<float>, 32);
        m_drawList.PathFillConvex(colour);
        break;
    case Icon::Link:
        m_drawList.AddCircle(ImVec2(c.x - r * 0.25F, c.y), r * 0.36F, colour, 40, thick);
        m_drawList.AddCircle(ImVec2(c.x + r * 0.25F, c.y), r * 0.36F, colour, 40, thick);
        break;
    case Icon::Warning:
        m_drawList.AddLine(ImVec2(c.x, c.y - r * 0.50F), ImVec2(c.x, c.y + r * 0.18F), colour, thick * 1.2F);
        m_drawList.AddCircleFilled(ImVec2(c.x, c.y + r * 0.45F), thick * 0.75F, colour, 20);
        break;
    case Icon::Lock:
        m_drawList.AddRectFilled(ImVec2(c.x - r * 0.45F, c.y - r * 0.05F), ImVec2(c.x + r * 0.45F, c.y + r * 0.55F), colour, r * 0.08F);
        m_drawList.PathArcTo(ImVec2(c.x, c.y - r * 0.08F), r * 0.30F, std::numbers::pi_v<float>, 2.0F * std::numbers::pi_v<float>, 24);
        m_drawList.PathStroke(colour, 0, thick);
        break;
    case Icon::Badge:
        m_drawList.AddRect(ImVec2(c.x - r * 0.38F, c.y - r * 0.55F), ImVec2(c.x + r * 0.38F, c.y + r * 0.55F), colour, r * 0.10F, 0, thick);
        m_drawList.AddRectFilled(ImVec2(c.x - r * 0.20F, c.y - r * 0.25F), ImVec2(c.x + r * 0.20F, c.y + r * 0.15F), colour, r * 0.04F);
        m_drawList.AddLine(ImVec2(c.x - r * 0.20F, c.y + r * 0.32F), ImVec2(c.x + r * 0.20F, c.y + r * 0.32F), colour, thick * 0.7F);
        break;
    case Icon::Star: {
        ImVec2 points[10];
        for (int i = 0; i < 10; ++i) {
            float angle = -std::numbers::pi_v<float> / 2.0F + static_cast<float>(i) * std::numbers::pi_v<float> / 5.0F;
            float radius = (i % 2 == 0) ? r * 0.62F : r * 0.26F;
            points[i] = ImVec2(c.x + std::cos(angle) * radius, c.y + std::sin(angle) * radius);
        }
        // Five convex kites (centre, inner, tip, inner) make the concave star.
        for (int tip = 0; tip < 10; tip += 2) {
            ImVec2 kite[4] = {c, points[(tip + 9) % 10], points[tip], points[tip + 1]};
            m_drawList.AddConvexPolyFilled(kite, 4, colour);
        }
        break;
    }
    }
}

void Painter::badgeIcon(Icon icon, ImVec2 centre, float radius, ImU32 colour) {
    m_drawList.AddCircleFilled(centre, radius * 1.18F, withAlpha(colour, 50), 96);
    m_drawList.AddCircleFilled(centre, radius, colour, 96);
    this->icon(icon, centre, radius, m_theme.text);
}

bool Painter::button(std::string_view label, ImVec2 min, ImVec2 size, const ButtonStyle& style) {
    ImGui::SetCursorScreenPos(min);
    ImGui::PushID(label.data(), label.data() + label.size());
    bool pressed = ImGui::InvisibleButton("##button", size);
    bool held = ImGui::IsItemActive();
    ImGui::PopID();
    ImVec2 max = add(min, size);
    m_buttons[std::string(label)] = {min, max};
    ImU32 fill = style.fill != 0 ? style.fill : m_theme.cardRaised;
    if (style.outline && !style.selected) {
        m_drawList.AddRectFilled(min, max, m_theme.card, 20.0F);
        m_drawList.AddRect(min, max, withAlpha(fill, 200), 20.0F, 0, 4.0F);
    } else {
        m_drawList.AddRectFilled(min, max, held ? mix(fill, m_theme.background, 0.25F) : fill, 20.0F);
    }
    if (style.selected)
        m_drawList.AddRect(ImVec2(min.x - 5, min.y - 5), ImVec2(max.x + 5, max.y + 5), m_theme.text, 24.0F, 0, 4.0F);
    ImU32 textColour = style.text != 0 ? style.text : m_theme.text;
    ImVec2 textSize = measure(label, style.textSize, true);
    if (style.detail.empty()) {
        text(ImVec2(min.x + size.x / 2.0F, min.y + (size.y - textSize.y) / 2.0F), label, style.textSize, textColour,
             Align::Centre, true);
        return pressed;
    }
    const float detailSize = std::clamp(style.textSize * 0.72F, 18.0F, 26.0F);
    ImVec2 detail = measure(style.detail, detailSize);
    const float top = min.y + (size.y - textSize.y - 6.0F - detail.y) / 2.0F;
    text(ImVec2(min.x + size.x / 2.0F, top), label, style.textSize, textColour, Align::Centre, true);
    text(ImVec2(min.x + size.x / 2.0F, top + textSize.y + 6.0F), style.detail, detailSize, withAlpha(textColour, 190),
         Align::Centre);
    return pressed;
}

bool Painter::hotspot(std::string_view id, ImVec2 min, ImVec2 size) {
    ImGui::SetCursorScreenPos(min);
    ImGui::PushID(id.data(), id.data() + id.size());
    bool pressed = ImGui::InvisibleButton("##hotspot", size);
    ImGui::PopID();
    m_buttons[std::string(id)] = {min, add(min, size)};
    return pressed;
}

} // namespace meetscan::ui
