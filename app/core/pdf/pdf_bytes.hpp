#pragma once
// Every PDF MeetScan makes is built in memory and written whole (atomic_file.hpp): cairo's PDF
// surface streams into a std::string through this one callback.
#include <cairo.h>

namespace meetscan::core {

// cairo_pdf_surface_create_for_stream's write function; `closure` is a std::string*.
cairo_status_t appendPdfBytes(void* closure, const unsigned char* data, unsigned int length);

} // namespace meetscan::core
