#include "ui/screens/screens.hpp"

#include <imgui_stdlib.h>

#include <algorithm>

namespace meetscan::ui {
namespace {

// Lays out buttons left to right, wrapping at `right`.
class Flow {
public:
    Flow(float left, float right, float top, float height) : m_left(left), m_right(right), m_x(left), m_y(top), m_height(height) {}
    ImVec2 place(float width) {
        if (m_x > m_left && m_x + width > m_right) {
            m_x = m_left;
            m_y += m_height + 16.0F;
        }
        ImVec2 at(m_x, m_y);
        m_x += width + 16.0F;
        return at;
    }
    [[nodiscard]] float bottom() const { return m_y + m_height; }

private:
    float m_left, m_right, m_x, m_y, m_height;
};

bool toggleButton(Painter& paint, Flow& flow, const std::string& label, bool selected, ImU32 colour) {
    const Theme& theme = paint.theme();
    float width = paint.measure(label, theme.smallSize + 2.0F, true).x + 64.0F;
    ButtonStyle style;
    style.fill = selected ? colour : theme.cardRaised;
    style.selected = selected;
    style.textSize = theme.smallSize + 2.0F;
    return paint.button(label, flow.place(std::max(width, 120.0F)), ImVec2(std::max(width, 120.0F), 76.0F), style);
}

void markTouched(ScreenContext& context, LeadEditor& editor) {
    editor.dirty = true;
    context.state.lastTouchAt = context.now;
}

} // namespace

void drawBoothLead(ScreenContext& context) {
    Painter& paint = context.paint;
    const Theme& theme = paint.theme();
    LeadEditor& editor = *context.state.lead;
    const float header = drawChrome(context);
    float top = header + 48.0F;
    const float leftX = theme.margin;
    const float leftWidth = 680.0F;

    // Left: who, and how hot.
    paint.badgeIcon(editor.reopened ? Icon::Link : Icon::Check, ImVec2(leftX + 44.0F, top + 44.0F), 44.0F, theme.success);
    paint.text(ImVec2(leftX + 112.0F, top + 12.0F), editor.reopened ? "Lead reopened" : "Lead saved", theme.headingSize,
               theme.text, Align::Left, true);
    top += 120.0F;
    float cardHeight = drawPersonCard(context, editor.visitor, ImVec2(leftX, top), leftWidth, theme.success);
    top += cardHeight + 48.0F;
    paint.text(ImVec2(leftX, top), "How hot is this lead?", theme.bodySize, theme.textMuted, Align::Left, true);
    top += 64.0F;
    struct Rating {
        const char* value;
        const char* label;
        ImU32 colour;
    };
    const Rating ratings[3] = {{"hot", "Hot", theme.hot}, {"warm", "Warm", theme.warm}, {"cold", "Cold", theme.cold}};
    const float ratingWidth = (leftWidth - 2.0F * 20.0F) / 3.0F;
    for (int i = 0; i < 3; ++i) {
        bool selected = editor.lead.rating == ratings[i].value;
        ButtonStyle style;
        style.fill = ratings[i].colour;
        style.outline = !selected;
        style.selected = selected;
        style.textSize = 44.0F;
        if (paint.button(ratings[i].label, ImVec2(leftX + static_cast<float>(i) * (ratingWidth + 20.0F), top),
                         ImVec2(ratingWidth, 130.0F), style)) {
            editor.lead.rating = selected ? std::string() : std::string(ratings[i].value);
            markTouched(context, editor);
        }
    }

    // Right: tags, questions, note.
    const float rightX = leftX + leftWidth + 96.0F;
    const float rightEdge = context.size.x - theme.margin;
    float y = header + 56.0F;
    const auto& exhibitor = context.snapshot.exhibitor;
    if (exhibitor && !exhibitor->tags.empty()) {
        paint.text(ImVec2(rightX, y), "Tags", theme.bodySize, theme.textMuted, Align::Left, true);
        Flow flow(rightX, rightEdge, y + 56.0F, 76.0F);
        for (const auto& tag : exhibitor->tags) {
            auto found = std::find(editor.lead.tags.begin(), editor.lead.tags.end(), tag);
            bool selected = found != editor.lead.tags.end();
            if (toggleButton(paint, flow, tag, selected, theme.accent)) {
                if (selected)
                    editor.lead.tags.erase(found);
                else
                    editor.lead.tags.push_back(tag);
                markTouched(context, editor);
            }
        }
        y = flow.bottom() + 40.0F;
    }
    if (exhibitor) {
        for (const auto& question : exhibitor->questions) {
            ImVec2 size = paint.text(ImVec2(rightX, y), question.text, theme.bodySize - 4.0F, theme.text, Align::Left, true);
            y += size.y + 14.0F;
            if (question.options.empty()) {
                std::string& answer = editor.freeText[question.id];
                ImGui::SetCursorScreenPos(ImVec2(rightX, y));
                ImGui::SetNextItemWidth(rightEdge - rightX);
                ImGui::PushID(question.id.c_str());
                if (ImGui::InputText("##answer", &answer)) {
                    editor.lead.answers[question.id] = answer;
                    markTouched(context, editor);
                }
                ImGui::PopID();
                y += ImGui::GetFrameHeight() + 32.0F;
                continue;
            }
            Flow flow(rightX, rightEdge, y, 76.0F);
            for (const auto& option : question.options) {
                auto current = editor.lead.answers.find(question.id);
                bool selected = current != editor.lead.answers.end() && current->second == option;
                if (toggleButton(paint, flow, option, selected, theme.accent)) {
                    if (selected)
                        editor.lead.answers.erase(question.id);
                    else
                        editor.lead.answers[question.id] = option;
                    markTouched(context, editor);
                }
            }
            y = flow.bottom() + 32.0F;
        }
    }
    paint.text(ImVec2(rightX, y), "Note", theme.bodySize - 4.0F, theme.text, Align::Left, true);
    y += 54.0F;
    const float doneHeight = 110.0F;
    float noteHeight = std::max(120.0F, context.size.y - y - 60.0F);
    ImGui::SetCursorScreenPos(ImVec2(rightX, y));
    if (ImGui::InputTextMultiline("##note", &editor.note, ImVec2(rightEdge - rightX, noteHeight))) {
        editor.lead.note = editor.note;
        markTouched(context, editor);
    }

    ButtonStyle done;
    done.fill = theme.accent;
    done.textSize = 44.0F;
    if (paint.button("Done", ImVec2(leftX, context.size.y - doneHeight - 60.0F), ImVec2(leftWidth, doneHeight), done)) {
        editor.lead.note = editor.note;
        if (editor.dirty)
            context.commands.saveLead = editor.lead;
        context.commands.closeLead = true;
    }
    paint.text(ImVec2(leftX + leftWidth / 2.0F, context.size.y - doneHeight - 110.0F),
               "Saved on Done, or when the next visitor scans.", theme.smallSize, theme.textMuted, Align::Centre);
}

} // namespace meetscan::ui
