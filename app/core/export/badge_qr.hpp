#pragma once
// A QR code painted onto a cairo context (badges and packet PDFs).
#include "meetscan/scanner/expected.hpp"

#include <cairo.h>
#include <filesystem>
#include <string_view>
#include <vector>

namespace meetscan::core {

// The modules (row by row, true for dark; scanner::encodeQr) as a small opaque image, scaled with
// nearest-neighbour so every module keeps sharp edges: dark modules in the current source colour
// (black when the source is not a plain colour), light ones white. A PDF gets a tiny image
// instead of thousands of path rectangles.
//
// Opaque, never a mask: a PDF printed through CUPS is wrapped in a form by pdftopdf and turned
// into PostScript by pdftocairo, and cairo's PostScript output cannot draw a mask inside that
// form, so it rasterised the whole page, text included, and the printed summary had no text
// left to select or search. An opaque image is plain PostScript.
void paintQr(cairo_t* cr, const std::vector<std::vector<bool>>& modules, double x, double y, double size);

// `text` as a QR code in a PNG file, `moduleSize` pixels a module with the four-module quiet zone
// scanners need: for a screen or a sheet of paper (station set-up codes). Bad input when the text
// does not fit in a QR code; a world failure when the file cannot be written.
Status writeQrPng(std::string_view text, const std::filesystem::path& out, int moduleSize = 10);

} // namespace meetscan::core
