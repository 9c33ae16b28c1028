#pragma once
// Every PDF MeetScan makes is drawn the same way: cairo's PDF surface streams into memory, the
// file carries its title and "MeetScan" as creator, and the bytes are written whole later
// (atomic_file.hpp). `draw` paints every page (cairo_show_page between them).
#include "meetscan/scanner/expected.hpp"

#include <cairo.h>

#include <functional>
#include <string>

namespace meetscan::core {

// The PDF's bytes, or a world error "`failure`: cairo's reason" when cairo could not finish it.
[[nodiscard]] Expected<std::string> drawPdf(double width, double height, const std::string& title,
                                            const std::string& failure, const std::function<void(cairo_t*)>& draw);

} // namespace meetscan::core
