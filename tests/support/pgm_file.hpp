#pragma once
// Writes a frame as a binary PGM: the image-folder and file camera sources read these, so tests can
// feed the real `scan` pipeline with badges they render themselves.
#include "meetscan/scanner/frame.hpp"
#include "meetscan/scanner/synthetic_badge.hpp"

#include <cstdint>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <string>
#include <vector>

namespace meetscan::test {

inline void writePgm(const std::filesystem::path& path, const scanner::GreyFrame& frame) {
    std::ofstream out(path, std::ios::binary);
    out << "P5\n" << frame.width << " " << frame.height << "\n255\n";
    for (int y = 0; y < frame.height; ++y)
        out.write(reinterpret_cast<const char*>(frame.row(y)), frame.width);
}

// One 480x320 frame per badge text, 000.pgm, 001.pgm, ... in `folder` (created): played as a
// `dir:` camera, each frame shows a new badge.
inline void writeBadgeFrames(const std::filesystem::path& folder, const std::vector<std::string>& texts) {
    std::filesystem::create_directories(folder);
    for (std::size_t i = 0; i < texts.size(); ++i) {
        scanner::BadgeScene scene;
        scene.width = 480;
        scene.height = 320;
        scene.text = texts[i];
        scene.seed = static_cast<std::uint32_t>(i + 1);
        writePgm(folder / fmt::format("{:03d}.pgm", i), scanner::renderBadgeFrame(scene));
    }
}

} // namespace meetscan::test
