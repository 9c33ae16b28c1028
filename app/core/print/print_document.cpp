#include "core/print/print_document.hpp"

#include "core/export/packet_pdf.hpp"
#include "core/print/receipt_pdf.hpp"
#include "core/print/text_flow.hpp"

#include <fmt/core.h>

#include <cmath>

namespace meetscan::core {

namespace {

constexpr double kA4Width = 595.28, kA4Height = 841.89;
constexpr double kLetterWidth = 612.0, kLetterHeight = 792.0;

// The PDF's own page size is what the receipt needs, but a CUPS queue fits jobs to its default
// media unless told otherwise: name the size so nothing is scaled.
PrintOptions mediaFor(Paper paper, double heightPt) {
    switch (paper) {
    case Paper::A4: return {{"media", "A4"}};
    case Paper::Letter: return {{"media", "Letter"}};
    case Paper::Receipt80: break;
    }
    const int lengthMm = static_cast<int>(std::ceil(heightPt / 72.0 * 25.4));
    return {{"media", fmt::format("Custom.80x{}mm", lengthMm)}};
}

} // namespace

std::string_view toString(Paper paper) {
    switch (paper) {
    case Paper::A4: return "a4";
    case Paper::Letter: return "letter";
    case Paper::Receipt80: return "receipt80";
    }
    return "a4";
}

std::optional<Paper> parsePaper(std::string_view text) {
    if (text == "a4")
        return Paper::A4;
    if (text == "letter")
        return Paper::Letter;
    if (text == "receipt80")
        return Paper::Receipt80;
    return std::nullopt;
}

Expected<PrintDocument> summaryDocument(const Packet& packet, Paper paper) {
    PrintDocument document;
    document.title = fmt::format("MeetScan summary — {}", packet.summary.attendee.displayName());
    if (paper == Paper::Receipt80) {
        auto page = receiptPdf(packet);
        if (!page)
            return page.error();
        document.pdf = std::move(page->pdf);
        document.options = mediaFor(paper, page->height);
    } else {
        Packet sized = packet;
        sized.event.settings.paper = paper == Paper::Letter ? "letter" : "a4";
        auto pdf = packetPdf(sized);
        if (!pdf)
            return pdf.error();
        document.pdf = std::move(pdf).value();
        document.options = mediaFor(paper, 0.0);
    }
    return document;
}

Expected<PrintDocument> testPageDocument(const TestPage& page, Paper paper) {
    const bool receipt = paper == Paper::Receipt80;
    const double width = receipt ? kReceiptWidthPt : paper == Paper::Letter ? kLetterWidth : kA4Width;
    const double height = receipt ? 0.0 : paper == Paper::Letter ? kLetterHeight : kA4Height;
    const double side = receipt ? 4.0 / 25.4 * 72.0 : 50.0;
    auto draw = [&](cairo_t* cr) {
        const auto title = fontFrom(receipt ? "Sans Bold 14" : "Sans Bold 22");
        const auto body = fontFrom(receipt ? "Sans 9" : "Sans 12");
        cairo_set_source_rgb(cr, 0, 0, 0);
        TextFlow flow(cr, side, width - 2 * side, receipt ? 10.0 : 60.0);
        flow.paragraph("MeetScan test page", title.get(), 8);
        flow.paragraph("Printer: " + page.printer, body.get(), 2);
        flow.paragraph("Station: " + page.station, body.get(), 2);
        flow.paragraph("Paper: " + std::string(toString(paper)), body.get(), 2);
        flow.paragraph(fmt::format("Printed: {} ({})", formatLocal(page.at, page.zone, LocalFormat::Minute),
                                   page.zone.label()),
                       body.get(), 2);
        flow.rule();
        flow.paragraph("Names in every script: Ana Silva · Борис Иванов · 王小明 · Ελένη Παππά · سارة أحمد · प्रिया शर्मा",
                       body.get(), 2);
        flow.rule();
        // A frame at the edge of the print area shows where the printer clips.
        cairo_set_line_width(cr, 1.0);
        cairo_rectangle(cr, side, flow.y(), width - 2 * side, 40.0);
        cairo_stroke(cr);
        return flow.y() + 40.0;
    };
    PrintDocument document;
    document.title = "MeetScan test page — " + page.station;
    auto flowed = flowPdf(width, height, 36.0, document.title, draw);
    if (!flowed)
        return flowed.error();
    document.pdf = std::move(flowed->pdf);
    document.options = mediaFor(paper, flowed->height);
    return document;
}

} // namespace meetscan::core
