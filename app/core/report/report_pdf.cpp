#include "core/report/report_pdf.hpp"

#include "core/export/badge_layout.hpp"
#include "core/pdf/pdf_document.hpp"
#include "core/report/chart_canvas.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <numeric>

namespace meetscan::core {

namespace {

constexpr double kMargin = 42.0;
constexpr TimeMs kHourMs = 3600LL * 1000;
constexpr double kLabelWidth = 150.0; // row names left of the bars
constexpr double kCountWidth = 48.0;  // totals right of the bars
constexpr double kRowHeight = 17.0;
constexpr double kBarHeight = 10.0;

constexpr const char* kTitleFont = "Noto Sans Bold 19";
constexpr const char* kHeadingFont = "Noto Sans Bold 12";
constexpr const char* kBodyFont = "Noto Sans 9";
constexpr const char* kSmallFont = "Noto Sans 7.5";
constexpr const char* kFigureFont = "Noto Sans Bold 20";
constexpr const char* kSmallFigureFont = "Noto Sans Bold 15";

constexpr Rgb kAccent{0.12, 0.44, 0.92};
constexpr Rgb kHot{0.82, 0.29, 0.36};
constexpr Rgb kWarm{0.93, 0.68, 0.29};
constexpr Rgb kCold{0.0, 0.47, 0.55};
constexpr Rgb kUnrated{0.72, 0.73, 0.75};
constexpr Rgb kPanel{0.95, 0.96, 0.97};

std::vector<BarSegment> ratingSegments(const RatingCounts& counts) {
    return {{counts.hot, kHot}, {counts.warm, kWarm}, {counts.cold, kCold}, {counts.unrated, kUnrated}};
}

const std::vector<std::pair<std::string, Rgb>>& ratingLegend() {
    static const std::vector<std::pair<std::string, Rgb>> legend{
        {"hot", kHot}, {"warm", kWarm}, {"cold", kCold}, {"not rated", kUnrated}};
    return legend;
}

std::string when(TimeMs at, const TimeZone& zone) { return formatLocal(at, zone, LocalFormat::Minute); }

// A document laid out top to bottom: a cursor, and a new page when a block would not fit.
class ReportWriter {
public:
    ReportWriter(cairo_t* cr, ReportPaper paper, std::string footer)
        : m_cr(cr), m_canvas(cr), m_paper(paper), m_footer(std::move(footer)), m_y(kMargin) {}

    ChartCanvas& canvas() { return m_canvas; }
    [[nodiscard]] double left() const { return kMargin; }
    [[nodiscard]] double width() const { return m_paper.width - 2 * kMargin; }
    [[nodiscard]] double y() const { return m_y; }
    void advance(double height) { m_y += height; }

    // Starts a new page unless `height` more fits on this one.
    void room(double height) {
        if (m_y + height > m_paper.height - kMargin - 14)
            newPage();
    }
    void newPage() {
        drawFooter();
        cairo_show_page(m_cr);
        ++m_page;
        m_y = kMargin;
    }
    void finish() { drawFooter(); }

    // The name large, what the pages are about under it, then the small print.
    void title(const std::string& name, const std::string& about, const std::string& smallPrint) {
        m_y += m_canvas.paragraph(name, left(), m_y, width(), kTitleFont);
        m_y += m_canvas.paragraph(about, left(), m_y, width(), kHeadingFont, kAccent) + 3;
        m_y += m_canvas.paragraph(smallPrint, left(), m_y, width(), kBodyFont, kMuted) + 14;
    }
    // A section heading, kept on the same page as the first `keepWith` points of its content.
    void heading(const std::string& text, double keepWith) {
        room(28 + keepWith);
        m_y += 6;
        m_y += m_canvas.text(text, left(), m_y, width(), kHeadingFont) + 6;
    }
    void note(const std::string& text) { m_y += m_canvas.paragraph(text, left(), m_y, width(), kBodyFont, kMuted) + 4; }

    // A row of key figures in panels: the number large, its meaning small under it.
    void figures(const std::vector<std::pair<std::string, std::string>>& figures) {
        constexpr double kGap = 8, kHeight = 60;
        room(kHeight);
        const double panel = (width() - kGap * static_cast<double>(figures.size() - 1)) / static_cast<double>(figures.size());
        const char* font = figures.size() > 4 ? kSmallFigureFont : kFigureFont;
        for (std::size_t i = 0; i < figures.size(); ++i) {
            const double x = left() + static_cast<double>(i) * (panel + kGap);
            m_canvas.fill(x, m_y, panel, kHeight, kPanel);
            m_canvas.text(figures[i].first, x + 7, m_y + 6, panel - 14, font);
            m_canvas.paragraph(figures[i].second, x + 7, m_y + 33, panel - 14, kSmallFont, kMuted);
        }
        m_y += kHeight + 10;
    }

    // Labelled horizontal bars sharing one scale, paginated as needed.
    void bars(const std::vector<std::pair<std::string, std::vector<BarSegment>>>& rows) {
        int maxValue = 0;
        for (const auto& [label, segments] : rows)
            maxValue = std::max(maxValue, total(segments));
        const double barWidth = width() - kLabelWidth - kCountWidth;
        for (const auto& [label, segments] : rows) {
            room(kRowHeight);
            m_canvas.text(label, left(), m_y + 1, kLabelWidth - 8, kBodyFont);
            m_canvas.fill(left() + kLabelWidth, m_y + 3, barWidth, kBarHeight, kPanel);
            m_canvas.stackedBar(left() + kLabelWidth, m_y + 3, barWidth, kBarHeight, segments, maxValue);
            m_canvas.text(fmt::format("{}", total(segments)), left() + kLabelWidth + barWidth, m_y + 1, kCountWidth,
                          kBodyFont, TextAlign::Right);
            m_y += kRowHeight;
        }
        m_y += 4;
    }

    // Columns over a timeline, labelled under the axis often enough to read and no more.
    void timeline(const ReportTimeline& timeline, const std::vector<int>& values, const TimeZone& zone, Rgb colour,
                  double height) {
        const int maxValue = values.empty() ? 0 : *std::max_element(values.begin(), values.end());
        room(height + 34);
        const double x = left() + 28, chartWidth = width() - 28;
        m_canvas.text(fmt::format("{}", maxValue), left(), m_y - 4, 24, kSmallFont, TextAlign::Right, kMuted);
        m_canvas.hairline(x, m_y, x + chartWidth, m_y);
        m_canvas.hairline(x, m_y + height, x + chartWidth, m_y + height, kMuted);
        m_canvas.columns(x, m_y, chartWidth, height, values, maxValue, colour);
        axis(timeline, zone, x, m_y + height + 2, chartWidth);
        m_y += height + 32;
    }

    // Small multiples: one row of columns per series, one scale for all, the total at the right.
    void timelineRows(const ReportTimeline& timeline, const std::vector<std::pair<std::string, std::vector<int>>>& rows,
                      const TimeZone& zone, Rgb colour) {
        constexpr double kRow = 26.0;
        int maxValue = 0;
        for (const auto& [name, values] : rows)
            maxValue = std::max(maxValue, values.empty() ? 0 : *std::max_element(values.begin(), values.end()));
        const double x = left() + kLabelWidth, chartWidth = width() - kLabelWidth - kCountWidth;
        m_canvas.text(fmt::format("one scale for every station: the tallest bar is {} scans", maxValue), left(), m_y,
                      width(), kSmallFont, TextAlign::Left, kMuted);
        m_y += 14;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const bool last = i + 1 == rows.size();
            room(kRow + (last ? 30 : 0));
            const auto& [name, values] = rows[i];
            m_canvas.text(name, left(), m_y + kRow - 16, kLabelWidth - 8, kBodyFont);
            m_canvas.hairline(x, m_y + kRow - 2, x + chartWidth, m_y + kRow - 2, kGrid);
            m_canvas.columns(x, m_y + 2, chartWidth, kRow - 4, values, maxValue, colour);
            m_canvas.text(fmt::format("{}", std::accumulate(values.begin(), values.end(), 0)), x + chartWidth,
                          m_y + kRow - 16, kCountWidth, kBodyFont, TextAlign::Right);
            m_y += kRow;
            if (last || m_y + kRow > m_paper.height - kMargin - 14) {
                axis(timeline, zone, x, m_y, chartWidth);
                m_y += 30;
            }
        }
    }

private:
    static int total(const std::vector<BarSegment>& segments) {
        int sum = 0;
        for (const auto& segment : segments)
            sum += segment.value;
        return sum;
    }

    // Hour (or date) labels under columns; the date again where a new day starts.
    void axis(const ReportTimeline& timeline, const TimeZone& zone, double x, double y, double chartWidth) {
        const std::size_t count = timeline.starts.size();
        if (count == 0)
            return;
        const double slot = chartWidth / static_cast<double>(count);
        const double labelWidth = timeline.daily ? 52.0 : 30.0;
        const auto every = static_cast<std::size_t>(std::max(1.0, std::ceil(labelWidth / slot)));
        std::string lastDay;
        for (std::size_t i = 0; i < count; ++i) {
            const LocalDateTime local = toLocal(timeline.starts[i], zone);
            const std::string day = formatLocal(timeline.starts[i], zone, LocalFormat::Date);
            const double centre = x + slot * (static_cast<double>(i) + 0.5);
            if (i % every == 0) {
                const std::string label = timeline.daily ? day.substr(5) : fmt::format("{:02}:00", local.hour);
                m_canvas.text(label, centre - labelWidth / 2, y, labelWidth, kSmallFont, TextAlign::Centre, kMuted);
            }
            if (!timeline.daily && day != lastDay) {
                m_canvas.hairline(x + slot * static_cast<double>(i), y + 11, x + slot * static_cast<double>(i), y + 22,
                                  kMuted);
                m_canvas.text(day, x + slot * static_cast<double>(i) + 2, y + 11, 70, kSmallFont, TextAlign::Left,
                              kInk);
                lastDay = day;
            }
        }
    }

    void drawFooter() {
        m_canvas.text(fmt::format("{} · page {}", m_footer, m_page), left(), m_paper.height - kMargin + 6, width(),
                      kSmallFont, TextAlign::Right, kMuted);
    }

    cairo_t* m_cr;
    ChartCanvas m_canvas;
    ReportPaper m_paper;
    std::string m_footer;
    double m_y;
    int m_page = 1;
};

Expected<std::string> renderPdf(ReportPaper paper, const std::string& title, const std::string& footer,
                                const std::function<void(ReportWriter&)>& draw) {
    return drawPdf(paper.width, paper.height, title, "cannot draw the report", [&](cairo_t* cr) {
        ReportWriter writer(cr, paper, footer);
        draw(writer);
        writer.finish();
    });
}

std::string count(int n, const char* one, const char* many) { return fmt::format("{} {}", n, n == 1 ? one : many); }

} // namespace

ReportPaper reportPaperFor(std::string_view paperSetting) {
    const SheetPaper sheet = findSheetPaper(paperSetting).value_or(kA4Sheet);
    return {sheet.width, sheet.height};
}

Expected<std::string> eventReportPdf(const EventReport& report, ReportPaper paper) {
    const std::string footer = fmt::format("{} · MeetScan report · {}", report.eventName, when(report.generatedAt, report.zone));
    return renderPdf(paper, fmt::format("{}: the event at a glance", report.eventName), footer, [&](ReportWriter& page) {
        page.title(report.eventName, "The event at a glance",
                   fmt::format("Made {}; times in {}. Counts only: no attendee is named in this report.",
                               when(report.generatedAt, report.zone), report.zone.label()));
        page.figures({{fmt::format("{}", report.attendees), "attendees"},
                      {fmt::format("{}", report.scans), "badge scans"},
                      {fmt::format("{}", report.connections), "connections made"},
                      {fmt::format("{}", report.leads), "leads at booths"},
                      {fmt::format("{}", report.stations), "stations"},
                      {fmt::format("{}", report.exhibitors), "exhibitors"}});

        page.heading(report.timeline.daily ? "Scans per day, by station" : "Scans per hour, by station", 80);
        if (report.activity.empty()) {
            page.note("No badge has been scanned yet.");
        } else {
            std::vector<std::pair<std::string, std::vector<int>>> rows;
            for (const auto& station : report.activity)
                rows.emplace_back(fmt::format("{} ({})", station.name, station.mode), station.scans);
            page.timelineRows(report.timeline, rows, report.zone, kAccent);
        }
        if (report.scansOffTheAxis > 0)
            page.note(fmt::format("{} carry a time far from the others (a kiosk whose clock was wrong) and are "
                                  "counted above but not drawn.",
                                  count(report.scansOffTheAxis, "scan", "scans")));

        page.heading("The busiest hours", 5 * kRowHeight);
        if (report.busiestHours.empty()) {
            page.note("No badge has been scanned yet.");
        } else {
            std::vector<std::pair<std::string, std::vector<BarSegment>>> rows;
            for (const auto& hour : report.busiestHours)
                // The end from the next hour's start: on the night the clocks go forward, 01:00 to 03:00.
                rows.push_back({fmt::format("{}–{:02}:00", when(hour.start, report.zone),
                                            toLocal(hour.start + kHourMs, report.zone).hour),
                                {{hour.scans, kAccent}}});
            page.bars(rows);
        }

        page.heading("Badges turned away", 60);
        page.figures({{fmt::format("{}", report.consentRefusals), "refused: no consent to exhibitors"},
                      {fmt::format("{}", report.unknownBadges), "unknown badges (not on the roster)"},
                      {fmt::format("{}", report.badSignatures), "forged or altered signed badges"},
                      {fmt::format("{}", report.notBadges), "codes that were no badge"}});

        page.heading("Leads per exhibitor, by rating", 40);
        if (report.exhibitorLeads.empty()) {
            page.note("No exhibitors are imported.");
        } else {
            page.advance(page.canvas().legend(page.left() + kLabelWidth, page.y(), ratingLegend()) + 6);
            std::vector<std::pair<std::string, std::vector<BarSegment>>> rows;
            for (const auto& exhibitor : report.exhibitorLeads)
                rows.push_back({exhibitor.booth.empty() ? exhibitor.name
                                                        : fmt::format("{} ({})", exhibitor.name, exhibitor.booth),
                                ratingSegments(exhibitor.leads)});
            page.bars(rows);
        }

        page.heading("Connections per attendee", 150);
        page.note("How many attendees made no connection, one, two, and so on.");
        std::vector<std::pair<std::string, std::vector<BarSegment>>> rows;
        for (const auto& [bucket, people] : report.connectionsPerAttendee)
            rows.push_back({bucket == "1" ? "1 connection" : bucket + " connections", {{people, kAccent}}});
        page.bars(rows);
    });
}

Expected<std::string> exhibitorReportPdf(const ExhibitorReport& report, ReportPaper paper) {
    const std::string footer = fmt::format("{} · {} · MeetScan report · {}", report.eventName, report.exhibitorName,
                                           when(report.generatedAt, report.zone));
    return renderPdf(paper, fmt::format("{}: your leads at {}", report.exhibitorName, report.eventName), footer,
                     [&](ReportWriter& page) {
        page.title(report.exhibitorName, fmt::format("Your leads at {}", report.eventName),
                   fmt::format("{}Made {}; times in {}. Counts only: no visitor is named on this page.",
                               report.booth.empty() ? "" : fmt::format("Booth {}. ", report.booth),
                               when(report.generatedAt, report.zone), report.zone.label()));
        page.figures({{fmt::format("{}", report.leads.total()), "leads captured"},
                      {fmt::format("{:g}", report.medianBoothLeads), "leads at the event's median booth"},
                      {report.booths == 0 ? "-" : fmt::format("{} of {}", report.rank, report.booths),
                       "rank among the booths"},
                      {fmt::format("{}", report.leads.hot), "rated hot"}});

        page.heading(report.timeline.daily ? "Leads per day" : "Leads per hour", 110);
        if (report.leadsOverTime.empty())
            page.note("No leads yet.");
        else
            page.timeline(report.timeline, report.leadsOverTime, report.zone, kAccent, 90);

        page.heading("By rating", 30);
        page.advance(page.canvas().legend(page.left() + kLabelWidth, page.y(), ratingLegend()) + 6);
        page.bars({{"your leads", ratingSegments(report.leads)},
                   {"the median booth", {{static_cast<int>(report.medianBoothLeads + 0.5), kUnrated}}}});

        page.heading("By tag", 3 * kRowHeight);
        if (report.tags.empty()) {
            page.note("No lead is tagged.");
        } else {
            std::vector<std::pair<std::string, std::vector<BarSegment>>> rows;
            for (const auto& [tag, tagged] : report.tags)
                rows.push_back({tag, {{tagged, kAccent}}});
            page.bars(rows);
        }

        page.heading("Answers", 3 * kRowHeight);
        if (report.answers.empty())
            page.note("This booth asks no questions.");
        for (const auto& answer : report.answers) {
            page.room(kRowHeight * 2);
            page.advance(page.canvas().paragraph(answer.question, page.left(), page.y(), page.width(),
                                                 "Noto Sans Bold 9.5") +
                         3);
            if (answer.options.empty()) {
                page.note(fmt::format("{}, in free text, which this page does not show.",
                                      count(answer.freeTextAnswers, "lead answered", "leads answered")));
                continue;
            }
            std::vector<std::pair<std::string, std::vector<BarSegment>>> rows;
            for (const auto& [option, chosen] : answer.options)
                rows.push_back({option, {{chosen, kAccent}}});
            page.bars(rows);
        }
    });
}

} // namespace meetscan::core
