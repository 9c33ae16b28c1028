// Still images via stb_image (Debian's libstb-dev) in header-only mode: this is the one .cpp that
// holds its implementation, so no extra library is linked.
#include "meetscan/scanner/image_file.hpp"

#include "image/pnm_header.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <iterator>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <utility>

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"
#pragma GCC diagnostic ignored "-Wcast-align"
#pragma GCC diagnostic ignored "-Wnull-dereference"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wdouble-promotion"
#if !defined(__clang__)
#pragma GCC diagnostic ignored "-Wduplicated-branches"
#pragma GCC diagnostic ignored "-Wuseless-cast"
#endif
#endif
#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#define STBI_NO_STDIO
#define STBI_NO_LINEAR
#define STBI_NO_HDR
#define STBI_NO_PSD
#define STBI_NO_PIC
#include <stb/stb_image.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace meetscan::scanner {
namespace fs = std::filesystem;

namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string tooLargeMessage(const std::string& name, long long width, long long height, long long maxPixels) {
    return name + ": image too large (" + std::to_string(width) + "x" + std::to_string(height) +
           ", limit is " + std::to_string(maxPixels / 1'000'000) + " megapixels)";
}

// The size a PNG's IHDR chunk states. stb_image refuses a PNG of more than 2^30 pixel bytes
// without saying so (it goes on to try the other formats and ends with "unknown image type"),
// so for that message the header is read here.
std::optional<std::pair<long long, long long>> pngSize(const std::vector<unsigned char>& bytes) {
    static constexpr std::array<unsigned char, 16> kStart = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
                                                             0,    0,   0,   13,  'I',  'H',  'D',  'R'};
    if (bytes.size() < 24 || !std::equal(kStart.begin(), kStart.end(), bytes.begin()))
        return std::nullopt;
    const auto be32 = [&bytes](std::size_t at) {
        return (static_cast<long long>(bytes[at]) << 24) | (static_cast<long long>(bytes[at + 1]) << 16) |
               (static_cast<long long>(bytes[at + 2]) << 8) | static_cast<long long>(bytes[at + 3]);
    };
    return std::pair{be32(16), be32(20)};
}

// Refuses a PGM/PPM whose header numbers stb_image would overflow on (or that is too large anyway).
std::optional<std::string> pnmHeaderProblem(const std::vector<unsigned char>& bytes, const std::string& name,
                                            long long maxPixels) {
    const auto header = readPnmHeader(bytes);
    if (!header)
        return std::nullopt;
    if (header->width >= kPnmNumberLimit || header->height >= kPnmNumberLimit)
        return name + ": image too large (its header states a side of " + std::to_string(kPnmNumberLimit) +
               " pixels or more, limit is " + std::to_string(maxPixels / 1'000'000) + " megapixels)";
    if (header->width * header->height > maxPixels)
        return tooLargeMessage(name, header->width, header->height, maxPixels);
    if (header->maxValue > 65535)
        return name + ": not a readable image (PGM/PPM maximum value above 65535)";
    return std::nullopt;
}

} // namespace

bool hasImageExtension(const fs::path& path) {
    static constexpr std::array kExtensions = {".png", ".jpg", ".jpeg", ".bmp", ".pgm",
                                               ".ppm", ".pnm", ".gif",  ".tga"};
    const std::string ext = lower(path.extension().string());
    return std::find(kExtensions.begin(), kExtensions.end(), ext) != kExtensions.end();
}

Expected<GreyFrame> decodeGreyImage(const std::vector<unsigned char>& bytes, const std::string& name,
                                    long long maxPixels) {
    if (bytes.empty())
        return Error::badInput(name + ": empty file");
    if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
        return Error::badInput(name + ": file too large");
    const int length = static_cast<int>(bytes.size());
    int width = 0;
    int height = 0;
    int channels = 0;
    if (auto problem = pnmHeaderProblem(bytes, name, maxPixels))
        return Error::badInput(std::move(*problem));
    // Check the header first so a huge image is refused before its pixels are allocated.
    if (stbi_info_from_memory(bytes.data(), length, &width, &height, &channels) == 0) {
        // Each side may be up to 2^32 - 1: divide rather than multiply.
        if (const auto size = pngSize(bytes);
            size && size->first > 0 && size->second > maxPixels / size->first)
            return Error::badInput(tooLargeMessage(name, size->first, size->second, maxPixels));
        return Error::badInput(name + ": not a readable image (" + stbi_failure_reason() + ")");
    }
    if (width <= 0 || height <= 0)
        return Error::badInput(name + ": image has no pixels");
    // Debian's stb_image 2.27 turns a 16-bit colour PPM to grey as if its samples were 8-bit, then
    // reads past its buffer (fuzz_image found it; fixed upstream in 2.28): refused instead.
    if (bytes[0] == 'P' && channels != 1 && stbi_is_16_bit_from_memory(bytes.data(), length) != 0)
        return Error::badInput(name + ": 16-bit colour PPM images are not supported");
    if (static_cast<long long>(width) * height > maxPixels)
        return Error::badInput(tooLargeMessage(name, width, height, maxPixels));
    unsigned char* pixels = stbi_load_from_memory(bytes.data(), length, &width, &height, &channels, 1);
    if (pixels == nullptr)
        return Error::badInput(name + ": cannot decode image (" + stbi_failure_reason() + ")");
    std::unique_ptr<unsigned char, void (*)(void*)> guard(pixels, stbi_image_free);
    const auto count = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
    std::vector<std::uint8_t> grey(pixels, pixels + count);
    return GreyFrame::fromPixels(std::move(grey), width, height);
}

Expected<GreyFrame> loadGreyImage(const fs::path& path) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status))
        return Error::badInput(path.string() + ": no such file");
    if (!fs::is_regular_file(status))
        return Error::badInput(path.string() + ": not a regular file");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error::badInput(path.string() + ": cannot open for reading");
    std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad())
        return Error::badInput(path.string() + ": read error");
    return decodeGreyImage(bytes, path.string());
}

Expected<std::vector<fs::path>> listImages(const fs::path& folder) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        return Error::badInput(folder.string() + ": not a folder");
    std::vector<fs::path> images;
    fs::directory_iterator it(folder, ec);
    if (ec)
        return Error::badInput(folder.string() + ": cannot list (" + ec.message() + ")");
    for (const auto& entry : it) {
        std::error_code entryError;
        if (entry.is_regular_file(entryError) && hasImageExtension(entry.path()))
            images.push_back(entry.path());
    }
    std::sort(images.begin(), images.end());
    return images;
}

} // namespace meetscan::scanner
