#include "core/export/packet_pdf.hpp"

#include "core/pdf/pdf_document.hpp"
#include "core/domain/contact_fields.hpp"

#include "core/export/badge_qr.hpp"
#include "core/export/event_logo.hpp"
#include "core/export/vcard_writer.hpp"
#include "meetscan/scanner/qr_matrix.hpp"

#include <fmt/core.h>
#include <pango/pangocairo.h>

#include <array>
#include <memory>

namespace meetscan::core {

namespace {

constexpr double kMargin = 50.0;
constexpr double kQrSize = 72.0; // one inch: modules of about 0.4 mm, readable by a phone camera
constexpr double kGap = 12.0;
constexpr double kA4Width = 595.28, kA4Height = 841.89;
constexpr double kLetterWidth = 612.0, kLetterHeight = 792.0;
constexpr double kLogoWidth = 160.0, kLogoHeight = 56.0;

// "2026-11-22 10:30" in the event's zone, which the page names once, under the title.
std::string when(const TimeZone& zone, TimeMs at) { return formatLocal(at, zone, LocalFormat::Minute); }

struct FontDeleter {
    void operator()(PangoFontDescription* font) const { pango_font_description_free(font); }
};
using Font = std::unique_ptr<PangoFontDescription, FontDeleter>;

Font font(const char* spec) { return Font(pango_font_description_from_string(spec)); }

// One document being laid out: a cursor running down the page, a new page when a block would
// not fit.
class PageWriter {
public:
    // A person's block measures four texts before it draws them: one layout each, so every
    // text is shaped once (shaping is a good part of a packet's time).
    static constexpr std::size_t kSlots = 4;

    PageWriter(cairo_t* cr, double width, double height) : m_cr(cr), m_width(width), m_height(height), m_y(kMargin) {
        for (auto*& layout : m_layouts)
            layout = pango_cairo_create_layout(cr);
    }
    ~PageWriter() {
        for (auto* layout : m_layouts)
            g_object_unref(layout);
    }
    PageWriter(const PageWriter&) = delete;
    PageWriter& operator=(const PageWriter&) = delete;

    [[nodiscard]] double textWidth() const { return m_width - 2 * kMargin; }

    // Lays out text (not markup: names are never interpreted) in layout `slot` and returns its height.
    double measure(const std::string& text, const PangoFontDescription* fontDesc, double width, std::size_t slot = 0) {
        PangoLayout* layout = m_layouts.at(slot);
        pango_layout_set_font_description(layout, fontDesc);
        pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_text(layout, text.c_str(), -1);
        int w = 0, h = 0;
        pango_layout_get_size(layout, &w, &h);
        return static_cast<double>(h) / PANGO_SCALE;
    }

    // Draws what `measure` laid out in `slot`.
    void show(std::size_t slot, double x, double y) {
        cairo_move_to(m_cr, x, y);
        pango_cairo_show_layout(m_cr, m_layouts.at(slot));
    }

    void line(const std::string& text, const PangoFontDescription* fontDesc, double after = 4.0) {
        const double height = measure(text, fontDesc, textWidth());
        ensure(height);
        show(0, kMargin, m_y);
        m_y += height + after;
    }

    void ensure(double height) {
        if (m_y + height > m_height - kMargin && m_y > kMargin) {
            cairo_show_page(m_cr);
            m_y = kMargin;
        }
    }

    // In pure black: cairo writes a black-and-white image with one bit a module instead of a
    // byte, which makes the page's images an eighth of the size and quick to compress (with
    // the grey of the text, compressing the codes was a fifth of a packet's time).
    void qr(const std::vector<std::vector<bool>>& modules, double x, double y, double size) {
        cairo_save(m_cr);
        cairo_set_source_rgb(m_cr, 0, 0, 0);
        paintQr(m_cr, modules, x, y, size);
        cairo_restore(m_cr);
    }

    double& y() { return m_y; }

private:
    cairo_t* m_cr;
    double m_width;
    double m_height;
    std::array<PangoLayout*, kSlots> m_layouts{};
    double m_y;
};

// "2026-11-18 12:06 at Lounge kiosk": when and at which station.
std::string whenAndWhere(const TimeZone& zone, TimeMs at, const PacketPlace& place) {
    return place.stationName.empty() ? when(zone, at) : fmt::format("{} at {}", when(zone, at), place.stationName);
}

// "Met 2 times · first 2026-11-18 12:06 at Lounge · last 2026-11-18 13:06 at Hall B", and one
// time only when the first and the last meeting read the same (met twice within a minute).
std::string metLine(const TimeZone& zone, const MetPerson& person, const MetPlaces& places) {
    const auto count = fmt::format("Met {} {}", person.meetings, person.meetings == 1 ? "time" : "times");
    const auto first = whenAndWhere(zone, person.firstAt, places.first);
    const auto last = whenAndWhere(zone, person.lastAt, places.last);
    if (first == last)
        return fmt::format("{} · {}", count, first);
    return fmt::format("{} · first {} · last {}", count, first, last);
}

void drawPerson(PageWriter& page, PacketQrCache& qrCache, const TimeZone& zone, const MetPerson& person,
                const MetPlaces& places, const Font& nameFont, const Font& bodyFont) {
    std::string details = person.company;
    if (!person.title.empty())
        details += (details.empty() ? "" : " — ") + person.title;
    std::string contact = person.email;
    if (!person.phone.empty())
        contact += (contact.empty() ? "" : "  ·  ") + person.phone;
    std::string met = metLine(zone, person, places);
    const double textX = kMargin + kQrSize + kGap;
    const double width = page.textWidth() - kQrSize - kGap;
    std::array<double, PageWriter::kSlots> heights{};
    std::size_t used = 0;
    heights.at(used) = page.measure(person.name, nameFont.get(), width, used);
    double height = heights.at(used++);
    for (const auto* text : {&details, &contact, &met})
        if (!text->empty()) {
            heights.at(used) = page.measure(*text, bodyFont.get(), width, used);
            height += heights.at(used++) + 2;
        }
    page.ensure(std::max(height, kQrSize));
    const double top = page.y();
    double y = top;
    for (std::size_t slot = 0; slot < used; ++slot) {
        page.show(slot, textX, y);
        y += heights.at(slot) + 2;
    }
    page.qr(qrCache.modulesFor(vcardOf(qrContactOf(person))), kMargin, top, kQrSize);
    page.y() = std::max(y, top + kQrSize) + kGap;
}

} // namespace

PacketQrCache::Modules PacketQrCache::modulesFor(const std::string& text) {
    constexpr std::size_t kMaxCached = 50'000; // about 30 MB
    {
        const std::lock_guard lock(m_mutex);
        if (auto found = m_codes.find(text); found != m_codes.end())
            return unpacked(found->second);
    }
    // Encoded unlocked: the other workers go on meanwhile (and rarely encode the same card twice).
    auto modules = scanner::encodeQr(text);
    const std::lock_guard lock(m_mutex);
    if (m_codes.size() >= kMaxCached)
        m_codes.clear();
    m_codes.emplace(text, packed(modules));
    return modules;
}

PacketQrCache::Packed PacketQrCache::packed(const Modules& modules) {
    Packed code{modules.size(), {}};
    code.darkByRow.reserve(code.side * code.side);
    for (const auto& row : modules)
        code.darkByRow.insert(code.darkByRow.end(), row.begin(), row.end());
    return code;
}

PacketQrCache::Modules PacketQrCache::unpacked(const Packed& code) {
    Modules modules;
    modules.reserve(code.side);
    for (auto row = code.darkByRow.begin(); row != code.darkByRow.end(); row += static_cast<std::ptrdiff_t>(code.side))
        modules.emplace_back(row, row + static_cast<std::ptrdiff_t>(code.side));
    return modules;
}

Expected<std::string> packetPdf(const Packet& packet) {
    PacketQrCache qrCache;
    return packetPdf(packet, qrCache);
}

Expected<std::string> packetPdf(const Packet& packet, PacketQrCache& qrCache) {
    const bool letter = packet.event.settings.paper == "letter";
    const double width = letter ? kLetterWidth : kA4Width;
    const double height = letter ? kLetterHeight : kA4Height;
    const auto& attendee = packet.summary.attendee;
    return drawPdf(width, height, fmt::format("{} — {}", packet.event.name, attendee.displayName()),
                   fmt::format("summary.pdf for {}", attendee.id), [&](cairo_t* cr) {
        PageWriter page(cr, width, height);
        const auto title = font("Sans Bold 18");
        const auto heading = font("Sans Bold 13");
        const auto name = font("Sans Bold 11");
        const auto body = font("Sans 9.5");
        if (packet.logo)
            page.y() += drawEventLogo(cr, *packet.logo, kMargin, page.y(), kLogoWidth, kLogoHeight) + 10;
        cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
        page.line(packet.event.name, title.get(), 2);
        page.line(fmt::format("Follow-up for {}", attendee.displayName()), heading.get(), 2);
        std::string who = attendee.company;
        if (!attendee.title.empty())
            who += (who.empty() ? "" : " — ") + attendee.title;
        if (!who.empty())
            page.line(who, body.get(), 2);
        page.line(fmt::format("Generated {} · times in {}", when(packet.zone, packet.generatedAt), packet.zone.label()),
                  body.get(), 16);

        const auto& people = packet.summary.people;
        page.line(fmt::format("People you met ({})", people.size()), heading.get(), people.empty() ? 8 : 2);
        if (people.empty())
            page.line("No connections were recorded.", body.get(), 8);
        else // right by the codes, where a reader looks for what to do with them
            page.line("Scan a code with your phone's camera to save the contact.", body.get(), 8);
        for (const auto& person : people)
            drawPerson(page, qrCache, packet.zone, person, placesOf(packet, person), name, body);
        page.y() += 8;

        const auto& booths = packet.summary.booths;
        page.line(fmt::format("Booths you visited ({})", booths.size()), heading.get(), 8);
        if (booths.empty())
            page.line("No booth visits were recorded.", body.get(), 8);
        for (const auto& booth : booths) {
            const auto place = booth.booth.empty() ? std::string() : fmt::format(" — booth {}", booth.booth);
            const bool website = isWebLink(booth.website);
            const bool followUp = isWebLink(booth.followUp);
            page.line(fmt::format("{}{} · first visit {}", booth.name, place,
                                  whenAndWhere(packet.zone, booth.firstAt, placeOf(packet, booth))),
                      body.get(), website || followUp ? 1 : 4);
            // Plain text: viewers make links of URLs themselves, and cairo's link tags broke the
            // file's cross-reference table when tried here (qpdf --check).
            if (website)
                page.line("    " + booth.website, body.get(), followUp ? 1 : 4);
            if (followUp)
                page.line("    Their follow-up for you: " + booth.followUp, body.get(), 4);
        }
        page.y() += 8;
        page.line("Contact details appear only where the person agreed to share them.", body.get(), 0);
    });
}

} // namespace meetscan::core
