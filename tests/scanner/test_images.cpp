#include "test_images.hpp"

#include "support/run_process.hpp"

#include <stdexcept>
#include <vector>

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"
#pragma GCC diagnostic ignored "-Wcast-align"
#pragma GCC diagnostic ignored "-Wnull-dereference"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#endif
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#include <stb/stb_image_write.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace meetscan::test {

void writePng(const std::filesystem::path& path, const scanner::GreyFrame& frame) {
    if (stbi_write_png(path.c_str(), frame.width, frame.height, 1, frame.data, frame.stride) == 0)
        throw std::runtime_error("cannot write " + path.string());
}

bool hasGstElement(const std::string& name) {
    return runProcess({"gst-inspect-1.0", "--exists", name}).exitCode == 0;
}

} // namespace meetscan::test
