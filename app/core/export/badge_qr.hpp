#pragma once
// A QR code painted onto a cairo context (badges and packet PDFs).
#include <cairo.h>
#include <vector>

namespace meetscan::core {

// The modules (row by row, true for dark; scanner::encodeQr) as a one-byte-per-module stencil
// masked with nearest-neighbour scaling in the current source colour: a PDF gets a tiny image
// mask instead of thousands of path rectangles, and every module keeps sharp edges.
void paintQr(cairo_t* cr, const std::vector<std::vector<bool>>& modules, double x, double y, double size);

} // namespace meetscan::core
