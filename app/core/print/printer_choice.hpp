#pragma once
// Which printer and paper this station prints on, chosen in the admin panel. A station is one
// database (DESIGN.md, "Data"), so the choice lives in that database's `meta` table beside the
// station id: it survives restarts and is never merged into another kiosk's database.
#include "core/print/print_document.hpp"
#include "core/store/store.hpp"
#include "meetscan/scanner/expected.hpp"

#include <optional>
#include <string>

namespace meetscan::core {

struct PrinterChoice {
    std::string printer;          // empty: the CUPS default destination
    std::optional<Paper> paper;   // empty: the event's paper setting
};

[[nodiscard]] PrinterChoice loadPrinterChoice(Store& store);
Status savePrinterChoice(Store& store, const PrinterChoice& choice);

// The paper to use: the station's choice, else the event's `paper` setting.
[[nodiscard]] Paper paperFor(const PrinterChoice& choice, const Event& event);

} // namespace meetscan::core
