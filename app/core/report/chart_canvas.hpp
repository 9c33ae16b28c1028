#pragma once
// The drawing a report's charts share: one-line labels laid out by pango (plain text, never
// markup), and bars scaled to a maximum, drawn by cairo.
#include <cairo.h>
#include <pango/pangocairo.h>

#include <string>
#include <utility>
#include <vector>

namespace meetscan::core {

struct Rgb {
    double r = 0, g = 0, b = 0;
};

inline constexpr Rgb kInk{0.13, 0.13, 0.15};
inline constexpr Rgb kMuted{0.42, 0.44, 0.48};
inline constexpr Rgb kGrid{0.86, 0.87, 0.89};

enum class TextAlign { Left, Centre, Right };

struct BarSegment {
    int value = 0;
    Rgb colour;
};

class ChartCanvas {
public:
    explicit ChartCanvas(cairo_t* cr);
    ~ChartCanvas();
    ChartCanvas(const ChartCanvas&) = delete;
    ChartCanvas& operator=(const ChartCanvas&) = delete;

    // One line of `text` in a box `width` wide whose top is `y`, cut with an ellipsis when too
    // long; returns the line's height. `font` is a pango description: "Noto Sans Bold 11".
    double text(const std::string& text, double x, double y, double width, const char* font,
                TextAlign align = TextAlign::Left, Rgb colour = kInk);
    // Wrapped text in a box `width` wide; returns its height.
    double paragraph(const std::string& text, double x, double y, double width, const char* font,
                     Rgb colour = kInk);
    void fill(double x, double y, double width, double height, Rgb colour);
    void hairline(double x1, double y1, double x2, double y2, Rgb colour = kGrid);

    // Columns standing on the box's bottom edge, one per value, scaled so `maxValue` fills its
    // height; a value above zero always shows at least a sliver.
    void columns(double x, double y, double width, double height, const std::vector<int>& values, int maxValue,
                 Rgb colour);
    // A horizontal bar of segments from `x`, scaled so that `maxValue` fills `width`.
    void stackedBar(double x, double y, double width, double height, const std::vector<BarSegment>& segments,
                    int maxValue);
    // Coloured squares with their names, in a row from `x`; returns the row's height.
    double legend(double x, double y, const std::vector<std::pair<std::string, Rgb>>& entries);

private:
    void layoutText(const std::string& text, const char* font, double width, bool wrap);

    cairo_t* m_cr;
    PangoLayout* m_layout;
};

} // namespace meetscan::core
