#pragma once
// A cursor running down one tall page: pango lays out each paragraph (plain text, never
// markup, so a name is never interpreted) at the page's width, cairo draws it. The same calls
// run twice for a receipt: once on a recording surface to learn how long the paper must be,
// once on the PDF page of exactly that length.
#include "core/print/flow_page.hpp"
#include "meetscan/scanner/expected.hpp"

#include <cairo.h>
#include <pango/pangocairo.h>

#include <functional>
#include <memory>
#include <string>

namespace meetscan::core {

struct FontDeleter {
    void operator()(PangoFontDescription* font) const { pango_font_description_free(font); }
};
using FontPtr = std::unique_ptr<PangoFontDescription, FontDeleter>;
[[nodiscard]] FontPtr fontFrom(const char* spec);

enum class FlowAlign { Left, Centre };

class TextFlow {
public:
    TextFlow(cairo_t* cr, double left, double width, double top);
    ~TextFlow();
    TextFlow(const TextFlow&) = delete;
    TextFlow& operator=(const TextFlow&) = delete;

    // Draws a paragraph (skipped when empty) and moves the cursor below it plus `after`.
    void paragraph(const std::string& text, const PangoFontDescription* font, double after = 2.0,
                   FlowAlign align = FlowAlign::Left);
    // A hairline across the width, with `space` above and below.
    void rule(double space = 6.0);
    void skip(double space) { m_y += space; }
    [[nodiscard]] double y() const { return m_y; }

private:
    cairo_t* m_cr;
    PangoLayout* m_layout;
    double m_left;
    double m_width;
    double m_y;
};

// A one-page PDF `width` points wide. `draw` paints and returns where its content ends; with
// `height` 0 the page is as long as that plus `bottom` (a receipt), else exactly `height`.
[[nodiscard]] Expected<FlowPage> flowPdf(double width, double height, double bottom, const std::string& title,
                                            const std::function<double(cairo_t*)>& draw);

} // namespace meetscan::core
