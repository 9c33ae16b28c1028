#include "core/export/badge_pdf.hpp"

#include "core/pdf/pdf_document.hpp"
#include "core/export/badge_qr.hpp"
#include "meetscan/scanner/qr_matrix.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/core.h>
#include <pango/pangocairo.h>

namespace meetscan::core {

namespace {

constexpr double kInk = 0.1;      // near-black text and code
constexpr double kCutGrey = 0.72; // cut lines: visible to the cutter, not distracting on the badge
constexpr double kCropMark = 6.0 * kPointsPerMm;
constexpr double kCropGap = 1.5 * kPointsPerMm; // marks start this far from the badge block

struct Rgb {
    double r = 0.12, g = 0.44, b = 0.92;
};

Rgb parseColour(const std::string& hex) {
    Rgb colour;
    if (hex.size() != 7 || hex[0] != '#' || !std::all_of(hex.begin() + 1, hex.end(), [](char c) {
            return std::isxdigit(static_cast<unsigned char>(c));
        }))
        return colour; // a bad setting must not stop printing: the default accent it is
    auto channel = [&](std::size_t at) { return std::stoi(hex.substr(at, 2), nullptr, 16) / 255.0; };
    return {channel(1), channel(3), channel(5)};
}

// One pango layout for the whole document; each text is fitted into a box before it is shown.
class TextFitter {
public:
    explicit TextFitter(cairo_t* cr) : m_cr(cr), m_layout(pango_cairo_create_layout(cr)) {
        // Names are text, never markup; a single paragraph even if a roster cell holds a newline.
        pango_layout_set_single_paragraph_mode(m_layout, TRUE);
    }
    ~TextFitter() { g_object_unref(m_layout); }
    TextFitter(const TextFitter&) = delete;
    TextFitter& operator=(const TextFitter&) = delete;

    // Lays `text` out at the largest size from maxSize down that fits `width`: on one line
    // while the size stays above 60 % of maxSize, then on up to `maxLines` lines; at minSize
    // whatever still does not fit ends in an ellipsis. Returns the height.
    double fit(const std::string& text, const char* family, PangoWeight weight, double maxSize,
               double minSize, double width, int maxLines, PangoAlignment alignment) {
        PangoFontDescription* font = pango_font_description_from_string(family);
        pango_font_description_set_weight(font, weight);
        pango_layout_set_text(m_layout, text.c_str(), -1);
        pango_layout_set_width(m_layout, static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(m_layout, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_alignment(m_layout, alignment);
        pango_layout_set_height(m_layout, -1);
        pango_layout_set_ellipsize(m_layout, PANGO_ELLIPSIZE_NONE);
        bool fitted = false;
        for (double size = maxSize; size >= minSize && !fitted; size -= std::max(0.5, size * 0.06)) {
            pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
            pango_layout_set_font_description(m_layout, font);
            const int allowed = size >= 0.6 * maxSize ? 1 : maxLines;
            fitted = pango_layout_get_line_count(m_layout) <= allowed;
        }
        if (!fitted) {
            pango_font_description_set_absolute_size(font, minSize * PANGO_SCALE);
            pango_layout_set_font_description(m_layout, font);
            pango_layout_set_height(m_layout, -maxLines);
            pango_layout_set_ellipsize(m_layout, PANGO_ELLIPSIZE_END);
        }
        pango_font_description_free(font);
        int w = 0, h = 0;
        pango_layout_get_size(m_layout, &w, &h);
        return static_cast<double>(h) / PANGO_SCALE;
    }

    void show(double x, double y) {
        cairo_move_to(m_cr, x, y);
        pango_cairo_show_layout(m_cr, m_layout);
    }

private:
    cairo_t* m_cr;
    PangoLayout* m_layout;
};

struct Box {
    double x, y, width, height;
};

class BadgePainter {
public:
    BadgePainter(cairo_t* cr, const BadgeDocument& document)
        : m_cr(cr), m_document(document), m_accent(parseColour(document.accentColour)), m_text(cr) {}

    void paint(const BadgeFace& face, const std::vector<std::vector<bool>>& qr, double x0, double y0) {
        const double w = m_document.size.width, h = m_document.size.height;
        const bool portrait = h > w;
        const double pad = std::clamp(std::min(w, h) * 0.06, 8.0, 20.0);
        const double band = std::max(h * 0.13, 18.0);

        cairo_set_source_rgb(m_cr, m_accent.r, m_accent.g, m_accent.b);
        cairo_rectangle(m_cr, x0, y0, w, band);
        cairo_fill(m_cr);
        cairo_set_source_rgb(m_cr, 1, 1, 1);
        const double eventHeight = m_text.fit(m_document.eventName, "Sans", PANGO_WEIGHT_BOLD, band * 0.45,
                                              std::min(6.0, band * 0.45), w - 2 * pad, 1, PANGO_ALIGN_CENTER);
        m_text.show(x0 + pad, y0 + (band - eventHeight) / 2);

        Box text{};
        double qrSize = 0, qrX = 0, qrY = 0;
        if (portrait) {
            qrSize = std::min(w - 2 * pad, h * 0.42);
            qrX = x0 + (w - qrSize) / 2;
            qrY = y0 + h - pad - qrSize;
            text = {x0 + pad, y0 + band + pad, w - 2 * pad, qrY - pad - (y0 + band + pad)};
        } else {
            const double contentTop = y0 + band + pad;
            const double contentHeight = h - band - 2 * pad;
            qrSize = std::min(contentHeight, w * 0.45);
            qrX = x0 + w - pad - qrSize;
            qrY = contentTop + (contentHeight - qrSize) / 2;
            text = {x0 + pad, contentTop, qrX - pad - (x0 + pad), contentHeight};
        }
        cairo_set_source_rgb(m_cr, kInk, kInk, kInk);
        paintQr(m_cr, qr, qrX, qrY, qrSize);
        paintText(face, text, portrait ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT,
                  portrait ? w * 0.11 : h * 0.15);
    }

private:
    // Name, company, title, role down the box; a line that would overflow the box is left out
    // (the name comes first, so it is always there).
    void paintText(const BadgeFace& face, const Box& box, PangoAlignment alignment, double nameSize) {
        double y = box.y;
        const double bottom = box.y + box.height;
        auto put = [&](const std::string& text, PangoWeight weight, double size, int lines, double after) {
            if (text.empty())
                return;
            const double height =
                m_text.fit(text, "Sans", weight, size, std::min(6.0, size), box.width, lines, alignment);
            if (y + height > bottom && y > box.y)
                return;
            m_text.show(box.x, y);
            y += height + after;
        };
        cairo_set_source_rgb(m_cr, kInk, kInk, kInk);
        put(face.name, PANGO_WEIGHT_BOLD, nameSize, 2, nameSize * 0.3);
        put(face.company, PANGO_WEIGHT_SEMIBOLD, nameSize * 0.5, 2, nameSize * 0.12);
        cairo_set_source_rgb(m_cr, 0.3, 0.3, 0.3);
        put(face.title, PANGO_WEIGHT_NORMAL, nameSize * 0.42, 2, nameSize * 0.2);
        if (!face.role.empty() && face.role != "attendee") {
            std::string role = face.role;
            for (auto& c : role)
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c))); // roles are ASCII words
            cairo_set_source_rgb(m_cr, m_accent.r, m_accent.g, m_accent.b);
            put(role, PANGO_WEIGHT_BOLD, nameSize * 0.4, 1, 0);
        }
    }

    cairo_t* m_cr;
    const BadgeDocument& m_document;
    Rgb m_accent;
    TextFitter m_text;
};

// Light dashed lines along every badge edge, and solid crop marks in the sheet margin in line
// with them, so a guillotine or a scissors finds the cut either way.
void paintCutGuides(cairo_t* cr, const BadgeSize& size, const SheetGrid& grid, double sheetWidth,
                    double sheetHeight) {
    const double right = grid.left + grid.columns * size.width;
    const double bottom = grid.top + grid.rows * size.height;
    cairo_save(cr);
    cairo_set_line_width(cr, 0.4);
    cairo_set_source_rgb(cr, kCutGrey, kCutGrey, kCutGrey);
    const double dash[] = {3.0, 3.0};
    cairo_set_dash(cr, dash, 2, 0);
    for (int c = 0; c <= grid.columns; ++c) {
        const double x = grid.left + c * size.width;
        cairo_move_to(cr, x, grid.top);
        cairo_line_to(cr, x, bottom);
    }
    for (int r = 0; r <= grid.rows; ++r) {
        const double y = grid.top + r * size.height;
        cairo_move_to(cr, grid.left, y);
        cairo_line_to(cr, right, y);
    }
    cairo_stroke(cr);

    cairo_set_dash(cr, nullptr, 0, 0);
    cairo_set_source_rgb(cr, 0, 0, 0);
    const double horizontalRoom = std::min(grid.top, sheetHeight - bottom) - kCropGap;
    const double verticalRoom = std::min(grid.left, sheetWidth - right) - kCropGap;
    if (horizontalRoom > 2 * kPointsPerMm) {
        const double length = std::min(kCropMark, horizontalRoom - kPointsPerMm);
        for (int c = 0; c <= grid.columns; ++c) {
            const double x = grid.left + c * size.width;
            cairo_move_to(cr, x, grid.top - kCropGap);
            cairo_line_to(cr, x, grid.top - kCropGap - length);
            cairo_move_to(cr, x, bottom + kCropGap);
            cairo_line_to(cr, x, bottom + kCropGap + length);
        }
    }
    if (verticalRoom > 2 * kPointsPerMm) {
        const double length = std::min(kCropMark, verticalRoom - kPointsPerMm);
        for (int r = 0; r <= grid.rows; ++r) {
            const double y = grid.top + r * size.height;
            cairo_move_to(cr, grid.left - kCropGap, y);
            cairo_line_to(cr, grid.left - kCropGap - length, y);
            cairo_move_to(cr, right + kCropGap, y);
            cairo_line_to(cr, right + kCropGap + length, y);
        }
    }
    cairo_stroke(cr);
    cairo_restore(cr);
}

} // namespace

SheetGrid pageGrid(const BadgeDocument& document) {
    if (document.layout == BadgeLayout::Single)
        return SheetGrid{};
    return sheetGrid(document.size, document.paper.width, document.paper.height);
}

Expected<std::string> badgesPdf(const BadgeDocument& document) {
    std::vector<std::vector<std::vector<bool>>> codes;
    codes.reserve(document.badges.size());
    for (const auto& face : document.badges) {
        codes.push_back(scanner::encodeQr(face.qrText));
        if (codes.back().empty())
            return Error::badInput(
                fmt::format("attendee {}: the badge text is too long for a QR code", face.attendeeId));
    }
    const bool sheet = document.layout == BadgeLayout::Sheet;
    const double pageWidth = sheet ? document.paper.width : document.size.width;
    const double pageHeight = sheet ? document.paper.height : document.size.height;
    const SheetGrid grid = pageGrid(document);

    return drawPdf(pageWidth, pageHeight, fmt::format("{} — badges", document.eventName), "badges PDF", [&](cairo_t* cr) {
        BadgePainter painter(cr, document);
        for (std::size_t i = 0; i < document.badges.size(); ++i) {
            const auto cell = static_cast<int>(i % static_cast<std::size_t>(grid.perSheet()));
            if (cell == 0 && i > 0)
                cairo_show_page(cr);
            if (cell == 0 && sheet)
                paintCutGuides(cr, document.size, grid, pageWidth, pageHeight);
            const double x = grid.left + (cell % grid.columns) * document.size.width;
            const double y = grid.top + (cell / grid.columns) * document.size.height;
            painter.paint(document.badges[i], codes[i], x, y);
        }
    });
}

} // namespace meetscan::core
