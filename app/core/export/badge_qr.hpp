#pragma once
// A QR code painted onto a cairo context (badges and packet PDFs).
#include <cairo.h>
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

} // namespace meetscan::core
