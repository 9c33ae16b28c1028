// The admin panel's charts: the figures `meetscan report` draws for the event, for this station
// (core/report/event_report.hpp), read from the session's snapshot.
#include "ui/screens/screens.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace meetscan::ui {

namespace {

int largest(const std::vector<int>& values) {
    return values.empty() ? 0 : *std::max_element(values.begin(), values.end());
}

// Columns for the last hours, each labelled with its local hour under the axis.
void drawHours(Painter& paint, const core::StationReport& report, ImVec2 min, ImVec2 size) {
    const Theme& theme = paint.theme();
    paint.card(min, ImVec2(min.x + size.x, min.y + size.y), theme.cardRaised, 16.0F);
    const int most = largest(report.scans);
    if (most == 0) {
        paint.text(ImVec2(min.x + size.x / 2.0F, min.y + size.y / 2.0F - 16.0F), "No scans in these hours",
                   theme.smallSize - 4.0F, theme.textMuted, Align::Centre);
        return;
    }
    const float column = (size.x - 32.0F) / static_cast<float>(std::max<std::size_t>(report.scans.size(), 1));
    const float base = min.y + size.y - 44.0F;
    for (std::size_t i = 0; i < report.scans.size(); ++i) {
        const float x = min.x + 16.0F + column * static_cast<float>(i);
        if (report.scans[i] > 0) {
            const float height = std::max(3.0F, (size.y - 84.0F) * static_cast<float>(report.scans[i]) / static_cast<float>(most));
            paint.drawList().AddRectFilled(ImVec2(x + 5.0F, base - height), ImVec2(x + column - 5.0F, base), theme.accent,
                                           4.0F);
            paint.text(ImVec2(x + column / 2.0F, base - height - 26.0F), std::to_string(report.scans[i]), 20.0F,
                       theme.textMuted, Align::Centre);
        }
        if (i < report.hourLabels.size())
            paint.text(ImVec2(x + column / 2.0F, base + 6.0F), report.hourLabels[i], 20.0F, theme.textMuted, Align::Centre);
    }
}

// Labelled horizontal bars on one scale: a label, the bar, the count.
void drawBars(Painter& paint, const std::vector<std::pair<std::string, int>>& rows, const std::vector<ImU32>& colours,
              ImVec2 min, float width, float pitch) {
    const Theme& theme = paint.theme();
    int most = 1;
    for (const auto& [label, count] : rows)
        most = std::max(most, count);
    const float labelWidth = width * 0.42F;
    const float barRoom = width - labelWidth - 60.0F;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const float y = min.y + pitch * static_cast<float>(i);
        const auto& [label, count] = rows[i];
        paint.text(ImVec2(min.x, y), label, theme.smallSize - 6.0F, theme.text, Align::Left, false, labelWidth - 8.0F);
        const float barWidth = count > 0 ? std::max(4.0F, barRoom * static_cast<float>(count) / static_cast<float>(most)) : 0.0F;
        const float barLeft = min.x + labelWidth;
        paint.drawList().AddRectFilled(ImVec2(barLeft, y + 4.0F), ImVec2(barLeft + barRoom, y + pitch - 10.0F),
                                       theme.card, 5.0F);
        if (barWidth > 0.0F)
            paint.drawList().AddRectFilled(ImVec2(barLeft, y + 4.0F), ImVec2(barLeft + barWidth, y + pitch - 10.0F),
                                           colours[std::min(i, colours.size() - 1)], 5.0F);
        paint.text(ImVec2(barLeft + barRoom + 12.0F, y), std::to_string(count), theme.smallSize - 6.0F, theme.textMuted);
    }
}

} // namespace

void drawSectionTitle(Painter& paint, ImVec2 at, const std::string& title) {
    paint.text(at, title, paint.theme().bodySize - 4.0F, paint.theme().textMuted, Align::Left, true);
}

void drawStationCharts(ScreenContext& context, ImVec2 min, float width, float bottom) {
    Painter& paint = context.paint;
    const Theme& theme = paint.theme();
    const core::StationReport& report = context.snapshot.report;
    const core::Mode mode = context.snapshot.station.mode;
    float y = min.y;
    drawSectionTitle(paint, ImVec2(min.x, y), "Scans per hour");
    paint.text(ImVec2(min.x + width, y + 6.0F), "this station · " + report.zoneLabel, theme.smallSize - 8.0F,
               theme.textMuted, Align::Right);
    y += 50.0F;
    const float chartHeight = std::clamp(bottom - y - 260.0F, 130.0F, 190.0F);
    drawHours(paint, report, ImVec2(min.x, y), ImVec2(width, chartHeight));
    y += chartHeight + 24.0F;

    const float pitch = std::clamp((bottom - y - 50.0F) / 4.0F, 30.0F, 40.0F);
    const float half = (width - 40.0F) / 2.0F;
    float turnedAwayX = min.x;
    if (mode == core::Mode::Booth) {
        drawSectionTitle(paint, ImVec2(min.x, y), "Leads by rating");
        drawBars(paint,
                 {{"Hot", report.leads.hot}, {"Warm", report.leads.warm}, {"Cold", report.leads.cold},
                  {"Not rated", report.leads.unrated}},
                 {theme.hot, theme.warm, theme.cold, theme.textMuted}, ImVec2(min.x, y + 50.0F), half, pitch);
        turnedAwayX = min.x + half + 40.0F;
    } else if (mode == core::Mode::Meet) {
        drawSectionTitle(paint, ImVec2(min.x, y), "Connections per attendee");
        std::vector<std::pair<std::string, int>> rows;
        // Four rows fit: 1, 2, 3-4 and the rest together.
        for (std::size_t i = 0; i < report.connectionsPerAttendee.size(); ++i) {
            const auto& [bucket, people] = report.connectionsPerAttendee[i];
            if (i < 3)
                rows.emplace_back(bucket == "1" ? "1 connection" : bucket + " connections", people);
            else if (i == 3)
                rows.emplace_back("5 or more", people);
            else
                rows.back().second += people;
        }
        drawBars(paint, rows, {theme.accent}, ImVec2(min.x, y + 50.0F), half, pitch);
        turnedAwayX = min.x + half + 40.0F;
    }
    const float turnedAwayWidth = mode == core::Mode::Summary ? width : half;
    drawSectionTitle(paint, ImVec2(turnedAwayX, y), "Turned away");
    drawBars(paint,
             {{"No consent", report.consentRefusals}, {"Unknown badge", report.unknownBadges},
              {"Forged badge", report.badSignatures}, {"Not a badge", report.notBadges}},
             {theme.notice}, ImVec2(turnedAwayX, y + 50.0F), turnedAwayWidth, pitch);
}

} // namespace meetscan::ui
