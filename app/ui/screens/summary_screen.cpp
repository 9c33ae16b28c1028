#include "ui/screens/screens.hpp"

#include <algorithm>

namespace meetscan::ui {

namespace {

constexpr float kPrintBarHeight = 150.0F; // room under the columns for the print button

// "Print my summary" and, once asked, what the printer is doing, in words for the attendee.
// A tap while this showing's job still runs is ignored: it would print twice.
void drawPrintBar(ScreenContext& context, const std::string& attendeeId, float top) {
    Painter& paint = context.paint;
    const Theme& theme = paint.theme();
    const float centreX = context.size.x / 2.0F;
    const core::PrintJob* job = summaryJobFor(*context.print, attendeeId, context.state.screenSince);
    const bool running = job != nullptr && !core::isFinal(job->status.state) && !core::needsAttention(job->status.state);
    ButtonStyle style;
    style.fill = running ? theme.cardRaised : theme.accent;
    style.textSize = theme.bodySize + 4.0F;
    const ImVec2 size(620.0F, 110.0F);
    const float buttonX = job != nullptr ? theme.margin : centreX - size.x / 2.0F;
    if (paint.button("Print my summary", ImVec2(buttonX, top), size, style) && !running) {
        context.commands.print.summaryFor = attendeeId;
        context.state.lastTouchAt = context.now;
    }
    if (job == nullptr)
        return;
    const core::JobState state = job->status.state;
    const bool failed = core::needsAttention(state);
    const ImU32 colour = state == core::JobState::Done ? theme.success : failed ? theme.danger : theme.text;
    const ImVec2 at(buttonX + size.x + 48.0F, top + 8.0F);
    const float width = context.size.x - theme.margin - at.x;
    paint.badgeIcon(state == core::JobState::Done ? Icon::Check : failed ? Icon::Warning : Icon::Clock,
                    ImVec2(at.x + 36.0F, top + size.y / 2.0F), 36.0F, colour);
    paint.text(ImVec2(at.x + 96.0F, at.y), attendeeMessage(*job), theme.bodySize, colour, Align::Left, true,
               width - 96.0F);
    // Staff read the printer's own words under the attendee's.
    if (failed)
        paint.text(ImVec2(at.x + 96.0F, at.y + 56.0F), job->status.message, theme.smallSize - 4.0F, theme.textMuted,
                   Align::Left, false, width - 96.0F);
}

} // namespace

void drawSummary(ScreenContext& context) {
    Painter& paint = context.paint;
    const Theme& theme = paint.theme();
    const core::Decision& decision = *context.state.decision;
    float top = drawChrome(context) + 56.0F;
    const float centreX = context.size.x / 2.0F;
    paint.text(ImVec2(centreX, top), decision.message, theme.titleSize - 8.0F, theme.text, Align::Centre, true,
               context.size.x - 2.0F * theme.margin);
    top += 130.0F;
    if (!decision.summary)
        return;
    const core::AttendeeSummary& summary = *decision.summary;
    const float gap = 64.0F;
    const float columnWidth = (context.size.x - 2.0F * theme.margin - gap) / 2.0F;
    const bool canPrint = context.print != nullptr;
    const float bottom = context.size.y - 80.0F - (canPrint ? kPrintBarHeight : 0.0F);

    auto column = [&](float x, const std::string& heading, Icon icon, int count) {
        paint.card(ImVec2(x, top), ImVec2(x + columnWidth, bottom), theme.card);
        paint.badgeIcon(icon, ImVec2(x + 72.0F, top + 72.0F), 36.0F, theme.accent);
        paint.text(ImVec2(x + 130.0F, top + 46.0F), heading, theme.headingSize - 8.0F, theme.text, Align::Left, true);
        paint.text(ImVec2(x + columnWidth - 48.0F, top + 46.0F), std::to_string(count), theme.headingSize - 8.0F,
                   theme.accent, Align::Right, true);
    };
    column(theme.margin, "People you met", Icon::Person, static_cast<int>(summary.people.size()));
    column(theme.margin + columnWidth + gap, "Booths you visited", Icon::Star, static_cast<int>(summary.booths.size()));

    const float rowHeight = 92.0F;
    const int maxRows = static_cast<int>((bottom - top - 170.0F) / rowHeight);
    auto rows = [&](float x, int total, auto&& drawRow) {
        float y = top + 150.0F;
        int shown = std::min(total, maxRows - (total > maxRows ? 1 : 0));
        for (int i = 0; i < shown; ++i, y += rowHeight) {
            paint.drawList().AddLine(ImVec2(x + 48.0F, y - 10.0F), ImVec2(x + columnWidth - 48.0F, y - 10.0F), theme.cardRaised, 2.0F);
            drawRow(i, ImVec2(x + 48.0F, y));
        }
        if (total > shown)
            paint.text(ImVec2(x + 48.0F, y), "and " + std::to_string(total - shown) + " more in your follow-up e-mail",
                       theme.smallSize, theme.textMuted);
        if (total == 0)
            paint.text(ImVec2(x + 48.0F, y), "None yet — there is still time!", theme.bodySize, theme.textMuted);
    };
    rows(theme.margin, static_cast<int>(summary.people.size()), [&](int i, ImVec2 at) {
        const core::MetPerson& person = summary.people[static_cast<std::size_t>(i)];
        paint.text(at, person.name, theme.bodySize, theme.text, Align::Left, true);
        std::string line = person.title;
        if (!person.company.empty())
            line = line.empty() ? person.company : line + " · " + person.company;
        paint.text(ImVec2(at.x, at.y + 44.0F), line, theme.smallSize - 2.0F, theme.textMuted);
    });
    rows(theme.margin + columnWidth + gap, static_cast<int>(summary.booths.size()), [&](int i, ImVec2 at) {
        const core::VisitedBooth& booth = summary.booths[static_cast<std::size_t>(i)];
        paint.text(at, booth.name, theme.bodySize, theme.text, Align::Left, true);
        if (!booth.booth.empty())
            paint.text(ImVec2(at.x, at.y + 44.0F), "Booth " + booth.booth, theme.smallSize - 2.0F, theme.textMuted);
    });
    if (canPrint)
        drawPrintBar(context, summary.attendee.id, bottom + 24.0F);
    paint.text(ImVec2(centreX, context.size.y - 62.0F), "This screen clears itself in a moment.", theme.smallSize - 2.0F,
               theme.textMuted, Align::Centre);
    drawTimeoutBar(context);
}

} // namespace meetscan::ui
