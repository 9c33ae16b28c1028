#pragma once
// Still images (PNG, JPEG, BMP, PGM/PPM, GIF, TGA) loaded straight to grey, without a GStreamer
// pipeline: `meetscan decode` and `dir:` sources pay no pipeline start-up per image.
#include "meetscan/scanner/expected.hpp"
#include "meetscan/scanner/frame.hpp"

#include <filesystem>
#include <vector>

namespace meetscan::scanner {

// Images larger than this are refused before their pixels are allocated.
inline constexpr long long kMaxImagePixels = 100'000'000;

// Reads and decodes one image file to an 8-bit grey frame. Missing, unreadable, truncated,
// unknown-format, zero-size and oversized images are Error::badInput with a message naming the file.
Expected<GreyFrame> loadGreyImage(const std::filesystem::path& path);

// Same, from bytes already in memory (`name` is used in messages). A smaller `maxPixels` lets a
// fuzzer spend its time on the formats rather than on decoding the largest images allowed.
Expected<GreyFrame> decodeGreyImage(const std::vector<unsigned char>& bytes, const std::string& name,
                                    long long maxPixels = kMaxImagePixels);

// True for file names with an image extension we can load (case-insensitive).
bool hasImageExtension(const std::filesystem::path& path);

// The image files directly inside `folder`, in name order (byte-wise), non-images skipped.
Expected<std::vector<std::filesystem::path>> listImages(const std::filesystem::path& folder);

} // namespace meetscan::scanner
