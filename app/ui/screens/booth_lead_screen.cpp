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
    float top = header + 40.0F;
    const float leftX = theme.margin;
    const float leftWidth = 680.0F;
    const float doneHeight = 104.0F;
    const float bottom = context.size.y - 44.0F;
    const float doneTop = bottom - doneHeight;
    const float doneWidth = 560.0F;

    // Left: who, how hot, and the staff's own note. Right: what the exhibitor configured (tags,
    // questions), and Done at the bottom. Both columns fit a 1080p screen.
    paint.badgeIcon(editor.reopened ? Icon::Link : Icon::Check, ImVec2(leftX + 36.0F, top + 38.0F), 36.0F, theme.success);
    ImVec2 titleSize = paint.text(ImVec2(leftX + 96.0F, top + 4.0F), editor.reopened ? "Lead reopened" : "Lead saved",
                                  theme.headingSize, theme.text, Align::Left, true);
    top += std::max(80.0F, titleSize.y) + 24.0F;
    float cardHeight = drawPersonCard(context, editor.visitor, ImVec2(leftX, top), leftWidth, theme.success);
    top += cardHeight + 32.0F;
    ImVec2 askSize = paint.text(ImVec2(leftX, top), "How hot is this lead?", theme.bodySize - 4.0F, theme.textMuted, Align::Left, true);
    top += std::max(40.0F, askSize.y) + 14.0F;
    struct Rating {
        const char* value;
        const char* label;
        ImU32 colour;
    };
    const Rating ratings[3] = {{"hot", "Hot", theme.hot}, {"warm", "Warm", theme.warm}, {"cold", "Cold", theme.cold}};
    const float ratingWidth = (leftWidth - 2.0F * 20.0F) / 3.0F;
    const float ratingHeight = 108.0F;
    for (int i = 0; i < 3; ++i) {
        bool selected = editor.lead.rating == ratings[i].value;
        ButtonStyle style;
        style.fill = ratings[i].colour;
        style.outline = !selected;
        style.selected = selected;
        style.textSize = 44.0F;
        if (paint.button(ratings[i].label, ImVec2(leftX + static_cast<float>(i) * (ratingWidth + 20.0F), top),
                         ImVec2(ratingWidth, ratingHeight), style)) {
            editor.lead.rating = selected ? std::string() : std::string(ratings[i].value);
            markTouched(context, editor);
        }
    }
    top += ratingHeight + 32.0F;
    ImVec2 noteTitle = paint.text(ImVec2(leftX, top), "Note", theme.bodySize - 4.0F, theme.textMuted, Align::Left, true);
    top += std::max(40.0F, noteTitle.y) + 12.0F;
    const float noteHeight = std::max(120.0F, bottom - top);
    ImGui::SetCursorScreenPos(ImVec2(leftX, top));
    if (ImGui::InputTextMultiline("##note", &editor.note, ImVec2(leftWidth, noteHeight))) {
        editor.lead.note = editor.note;
        markTouched(context, editor);
    }
    paint.field("note", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());

    ButtonStyle done;
    done.fill = theme.accent;
    done.textSize = 44.0F;
    done.detail = "Also saved when the next visitor scans";
    // Bottom right, under the exhibitor's questions: the last thing staff do.
    if (paint.button("Done", ImVec2(context.size.x - theme.margin - doneWidth, doneTop), ImVec2(doneWidth, doneHeight), done)) {
        editor.lead.note = editor.note;
        if (editor.dirty)
            context.commands.saveLead = editor.lead;
        context.commands.closeLead = true;
    }

    // Right: the exhibitor's tags and qualification questions.
    const float rightX = leftX + leftWidth + 96.0F;
    const float rightEdge = context.size.x - theme.margin;
    float y = header + 44.0F;
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
                paint.field(question.id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
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
}

} // namespace meetscan::ui
