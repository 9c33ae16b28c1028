#include "core/print/text_flow.hpp"

#include "core/pdf/pdf_document.hpp"

#include <fmt/core.h>

namespace meetscan::core {

FontPtr fontFrom(const char* spec) { return FontPtr(pango_font_description_from_string(spec)); }

TextFlow::TextFlow(cairo_t* cr, double left, double width, double top)
    : m_cr(cr), m_layout(pango_cairo_create_layout(cr)), m_left(left), m_width(width), m_y(top) {
    // Unhinted metrics: the measuring pass (recording surface) and the PDF pass then agree on
    // every line height, so the paper is cut exactly after the last line.
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(pango_layout_get_context(m_layout), options);
    cairo_font_options_destroy(options);
    pango_layout_context_changed(m_layout);
    pango_layout_set_wrap(m_layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_width(m_layout, static_cast<int>(width * PANGO_SCALE));
}

TextFlow::~TextFlow() { g_object_unref(m_layout); }

void TextFlow::paragraph(const std::string& text, const PangoFontDescription* font, double after, FlowAlign align) {
    if (text.empty())
        return;
    pango_layout_set_font_description(m_layout, font);
    pango_layout_set_alignment(m_layout, align == FlowAlign::Centre ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
    pango_layout_set_text(m_layout, text.c_str(), -1);
    int width = 0;
    int height = 0;
    pango_layout_get_size(m_layout, &width, &height);
    cairo_move_to(m_cr, m_left, m_y);
    pango_cairo_show_layout(m_cr, m_layout);
    m_y += static_cast<double>(height) / PANGO_SCALE + after;
}

void TextFlow::rule(double space) {
    m_y += space;
    cairo_save(m_cr);
    cairo_set_line_width(m_cr, 0.6);
    cairo_move_to(m_cr, m_left, m_y);
    cairo_line_to(m_cr, m_left + m_width, m_y);
    cairo_stroke(m_cr);
    cairo_restore(m_cr);
    m_y += space;
}

Expected<FlowPage> flowPdf(double width, double height, double bottom, const std::string& title,
                              const std::function<double(cairo_t*)>& draw) {
    if (height <= 0.0) {
        cairo_surface_t* measure = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr);
        cairo_t* cr = cairo_create(measure);
        height = draw(cr) + bottom;
        cairo_destroy(cr);
        cairo_surface_destroy(measure);
    }
    auto bytes = drawPdf(width, height, title, title, [&](cairo_t* cr) { draw(cr); });
    if (!bytes)
        return bytes.error();
    return FlowPage{std::move(bytes).value(), height};
}

} // namespace meetscan::core
