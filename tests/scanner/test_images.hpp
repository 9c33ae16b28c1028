#pragma once
// Helpers for the scanner tests: writing frames to image files and making short videos.
#include "meetscan/scanner/frame.hpp"

#include <filesystem>
#include <string>

namespace meetscan::test {

// Writes a grey frame as an 8-bit PNG.
void writePng(const std::filesystem::path& path, const scanner::GreyFrame& frame);

// True when gst-inspect-1.0 finds the element (tests skip what this machine cannot do).
bool hasGstElement(const std::string& name);

} // namespace meetscan::test
