#include "core/pdf/pdf_bytes.hpp"

#include <string>

namespace meetscan::core {

cairo_status_t appendPdfBytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

} // namespace meetscan::core
