#pragma once
// What goes to the printer: a PDF, its job title, and the CUPS options that make the printer
// use the right paper. A4 and Letter reuse the follow-up packet's summary.pdf; an 80 mm
// receipt printer gets its own long, narrow layout (receipt_pdf.hpp).
#include "core/domain/local_time.hpp"
#include "core/export/packet_data.hpp"
#include "core/print/cups_client.hpp"
#include "meetscan/scanner/expected.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace meetscan::core {

enum class Paper { A4, Letter, Receipt80 };
[[nodiscard]] std::string_view toString(Paper paper); // a4 | letter | receipt80
[[nodiscard]] std::optional<Paper> parsePaper(std::string_view text);

struct PrintDocument {
    std::string title; // the CUPS job name
    std::string pdf;
    PrintOptions options;
};

[[nodiscard]] Expected<PrintDocument> summaryDocument(const Packet& packet, Paper paper);

// A page staff print from the admin panel to see the printer work: which station and printer,
// when, and a line in several scripts so missing fonts show.
struct TestPage {
    std::string station;
    std::string printer;
    TimeMs at = 0;
    TimeZone zone; // the event's
};
[[nodiscard]] Expected<PrintDocument> testPageDocument(const TestPage& page, Paper paper);

} // namespace meetscan::core
