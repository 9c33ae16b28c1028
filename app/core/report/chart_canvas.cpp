#include "core/report/chart_canvas.hpp"

#include <algorithm>
#include <memory>

namespace meetscan::core {

namespace {

struct FontFree {
    void operator()(PangoFontDescription* font) const { pango_font_description_free(font); }
};

constexpr double kMinimumSliver = 0.8; // points: a count of one must not vanish next to thousands

} // namespace

ChartCanvas::ChartCanvas(cairo_t* cr) : m_cr(cr), m_layout(pango_cairo_create_layout(cr)) {}

ChartCanvas::~ChartCanvas() { g_object_unref(m_layout); }

void ChartCanvas::layoutText(const std::string& text, const char* font, double width, bool wrap) {
    const std::unique_ptr<PangoFontDescription, FontFree> description(pango_font_description_from_string(font));
    pango_layout_set_font_description(m_layout, description.get());
    pango_layout_set_width(m_layout, static_cast<int>(std::max(1.0, width) * PANGO_SCALE));
    pango_layout_set_ellipsize(m_layout, wrap ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
    pango_layout_set_wrap(m_layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(m_layout, text.c_str(), static_cast<int>(text.size()));
}

double ChartCanvas::text(const std::string& text, double x, double y, double width, const char* font,
                         TextAlign align, Rgb colour) {
    layoutText(text, font, width, false);
    pango_layout_set_alignment(m_layout, align == TextAlign::Left     ? PANGO_ALIGN_LEFT
                                         : align == TextAlign::Centre ? PANGO_ALIGN_CENTER
                                                                      : PANGO_ALIGN_RIGHT);
    int pixelWidth = 0, pixelHeight = 0;
    pango_layout_get_pixel_size(m_layout, &pixelWidth, &pixelHeight);
    cairo_set_source_rgb(m_cr, colour.r, colour.g, colour.b);
    cairo_move_to(m_cr, x, y);
    pango_cairo_show_layout(m_cr, m_layout);
    pango_layout_set_alignment(m_layout, PANGO_ALIGN_LEFT);
    return pixelHeight;
}

double ChartCanvas::paragraph(const std::string& text, double x, double y, double width, const char* font,
                              Rgb colour) {
    layoutText(text, font, width, true);
    int pixelWidth = 0, pixelHeight = 0;
    pango_layout_get_pixel_size(m_layout, &pixelWidth, &pixelHeight);
    cairo_set_source_rgb(m_cr, colour.r, colour.g, colour.b);
    cairo_move_to(m_cr, x, y);
    pango_cairo_show_layout(m_cr, m_layout);
    return pixelHeight;
}

void ChartCanvas::fill(double x, double y, double width, double height, Rgb colour) {
    cairo_set_source_rgb(m_cr, colour.r, colour.g, colour.b);
    cairo_rectangle(m_cr, x, y, width, height);
    cairo_fill(m_cr);
}

void ChartCanvas::hairline(double x1, double y1, double x2, double y2, Rgb colour) {
    cairo_set_source_rgb(m_cr, colour.r, colour.g, colour.b);
    cairo_set_line_width(m_cr, 0.5);
    cairo_move_to(m_cr, x1, y1);
    cairo_line_to(m_cr, x2, y2);
    cairo_stroke(m_cr);
}

void ChartCanvas::columns(double x, double y, double width, double height, const std::vector<int>& values,
                          int maxValue, Rgb colour) {
    if (values.empty() || maxValue <= 0)
        return;
    const double slot = width / static_cast<double>(values.size());
    const double gap = slot > 4 ? slot * 0.18 : 0.0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i] <= 0)
            continue;
        const double barHeight = std::max(kMinimumSliver, height * values[i] / maxValue);
        fill(x + slot * static_cast<double>(i) + gap / 2, y + height - barHeight, slot - gap, barHeight, colour);
    }
}

void ChartCanvas::stackedBar(double x, double y, double width, double height, const std::vector<BarSegment>& segments,
                             int maxValue) {
    if (maxValue <= 0)
        return;
    double at = x;
    for (const auto& segment : segments) {
        if (segment.value <= 0)
            continue;
        const double length = std::max(kMinimumSliver, width * segment.value / maxValue);
        fill(at, y, length, height, segment.colour);
        at += length;
    }
}

double ChartCanvas::legend(double x, double y, const std::vector<std::pair<std::string, Rgb>>& entries) {
    constexpr double kSwatch = 8.0;
    constexpr const char* kFont = "Noto Sans 8.5";
    double at = x;
    double height = 0;
    for (const auto& [name, colour] : entries) {
        fill(at, y + 2.5, kSwatch, kSwatch, colour);
        layoutText(name, kFont, 400, false);
        int pixelWidth = 0, pixelHeight = 0;
        pango_layout_get_pixel_size(m_layout, &pixelWidth, &pixelHeight);
        text(name, at + kSwatch + 4, y, pixelWidth + 2, kFont, TextAlign::Left, kMuted);
        at += kSwatch + 4 + pixelWidth + 14;
        height = std::max<double>(height, pixelHeight);
    }
    return height;
}

} // namespace meetscan::core
