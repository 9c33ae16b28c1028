#include "core/pdf/pdf_document.hpp"

#include <cairo-pdf.h>
#include <fmt/format.h>

namespace meetscan::core {

namespace {

cairo_status_t appendBytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

} // namespace

Expected<std::string> drawPdf(double width, double height, const std::string& title, const std::string& failure,
                              const std::function<void(cairo_t*)>& draw) {
    std::string bytes;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(appendBytes, &bytes, width, height);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "MeetScan");
    cairo_t* cr = cairo_create(surface);
    draw(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS)
        return Error::world(fmt::format("{}: {}", failure, cairo_status_to_string(status)));
    return bytes;
}

} // namespace meetscan::core
