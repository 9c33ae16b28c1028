#pragma once
// The summary for an 80 mm receipt printer: one page 80 mm wide and as long as the list, with
// a 72 mm print area (what those printers reach). The same consent-checked summary as the
// packet (packet_data.hpp): contact details only where the person agreed.
#include "core/export/packet_data.hpp"
#include "core/print/flow_page.hpp"
#include "meetscan/scanner/expected.hpp"

#include <string>

namespace meetscan::core {

constexpr double kReceiptWidthPt = 80.0 / 25.4 * 72.0;

[[nodiscard]] Expected<FlowPage> receiptPdf(const Packet& packet);

} // namespace meetscan::core
