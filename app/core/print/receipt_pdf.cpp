#include "core/print/receipt_pdf.hpp"

#include "core/print/text_flow.hpp"

#include <fmt/core.h>

namespace meetscan::core {

namespace {

constexpr double kSide = 4.0 / 25.4 * 72.0; // 4 mm each side: 72 mm of print
constexpr double kTop = 10.0;
constexpr double kFeed = 36.0; // blank paper after the last line, so the cutter misses no text

// "2026-11-22 10:30" in the event's zone, which the receipt names once, under the name.
std::string when(const Packet& packet, TimeMs at) { return formatLocal(at, packet.zone, LocalFormat::Minute); }

std::string joined(const std::string& a, const std::string& separator, const std::string& b) {
    if (a.empty())
        return b;
    return b.empty() ? a : a + separator + b;
}

double drawReceipt(cairo_t* cr, const Packet& packet) {
    const auto title = fontFrom("Sans Bold 13");
    const auto heading = fontFrom("Sans Bold 10.5");
    const auto name = fontFrom("Sans Bold 9.5");
    const auto body = fontFrom("Sans 8");
    const auto& attendee = packet.summary.attendee;
    cairo_set_source_rgb(cr, 0, 0, 0);
    TextFlow flow(cr, kSide, kReceiptWidthPt - 2 * kSide, kTop);
    flow.paragraph(packet.event.name, title.get(), 4, FlowAlign::Centre);
    flow.paragraph(attendee.displayName(), heading.get(), 1, FlowAlign::Centre);
    flow.paragraph(joined(attendee.title, " — ", attendee.company), body.get(), 1, FlowAlign::Centre);
    flow.paragraph(fmt::format("{} ({})", when(packet, packet.generatedAt), packet.zone.label()), body.get(), 0,
                   FlowAlign::Centre);
    flow.rule();

    const auto& people = packet.summary.people;
    flow.paragraph(fmt::format("People you met ({})", people.size()), heading.get(), 4);
    if (people.empty())
        flow.paragraph("No connections were recorded.", body.get(), 2);
    for (const auto& person : people) {
        flow.paragraph(person.name, name.get(), 1);
        flow.paragraph(joined(person.title, " — ", person.company), body.get(), 1);
        flow.paragraph(person.email, body.get(), 1);
        flow.paragraph(person.phone, body.get(), 1);
        flow.paragraph(fmt::format("Met {} {}, first {}", person.meetings, person.meetings == 1 ? "time" : "times",
                                   when(packet, person.firstAt)),
                       body.get(), 5);
    }
    flow.rule();
    const auto& booths = packet.summary.booths;
    flow.paragraph(fmt::format("Booths you visited ({})", booths.size()), heading.get(), 4);
    if (booths.empty())
        flow.paragraph("No booth visits were recorded.", body.get(), 2);
    for (const auto& booth : booths)
        flow.paragraph(booth.booth.empty() ? booth.name : fmt::format("{} — booth {}", booth.name, booth.booth),
                       body.get(), 2);
    flow.rule();
    flow.paragraph("Contact details appear only where the person agreed to share them. Your follow-up e-mail "
                   "has the full list with codes to save each contact.",
                   body.get(), 0, FlowAlign::Centre);
    return flow.y();
}

} // namespace

Expected<FlowPage> receiptPdf(const Packet& packet) {
    const auto title = fmt::format("{} — {}", packet.event.name, packet.summary.attendee.displayName());
    return flowPdf(kReceiptWidthPt, 0.0, kFeed, title, [&](cairo_t* cr) { return drawReceipt(cr, packet); });
}

} // namespace meetscan::core
