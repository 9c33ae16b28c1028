#pragma once
// Writes a frame as a binary PGM: the image-folder and file camera sources read these, so tests can
// feed the real `scan` pipeline with badges they render themselves.
#include "meetscan/scanner/frame.hpp"

#include <filesystem>
#include <fstream>

namespace meetscan::test {

inline void writePgm(const std::filesystem::path& path, const scanner::GreyFrame& frame) {
    std::ofstream out(path, std::ios::binary);
    out << "P5\n" << frame.width << " " << frame.height << "\n255\n";
    for (int y = 0; y < frame.height; ++y)
        out.write(reinterpret_cast<const char*>(frame.row(y)), frame.width);
}

} // namespace meetscan::test
