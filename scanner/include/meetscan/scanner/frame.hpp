#pragma once
// What a frame source hands on: an 8-bit grey plane for the decoder and a small colour image for
// the on-screen preview. Both share their pixels with whoever produced them, so passing a frame
// around never copies it.
#include <chrono>
#include <cstdint>
#include <memory>
#include <vector>

namespace meetscan::scanner {

// One 8-bit luminance plane. `data` points into memory kept alive by `owner` (a mapped GStreamer
// buffer, or a vector for decoded files and synthetic frames); rows are `stride` bytes apart.
struct GreyFrame {
    int width = 0;
    int height = 0;
    int stride = 0;
    const std::uint8_t* data = nullptr;
    std::shared_ptr<const void> owner;
    std::chrono::steady_clock::time_point capturedAt{};
    std::uint64_t sequence = 0;

    [[nodiscard]] bool empty() const { return data == nullptr || width <= 0 || height <= 0; }
    [[nodiscard]] const std::uint8_t* row(int y) const {
        return data + static_cast<std::ptrdiff_t>(y) * stride;
    }

    // A frame that owns its pixels (tightly packed) — for files, tests and generated frames.
    static GreyFrame fromPixels(std::vector<std::uint8_t> pixels, int width, int height);
};

// A reduced RGBA image (at most kMaxWidth wide) for the camera preview; 4 bytes a pixel, packed.
struct PreviewFrame {
    static constexpr int kMaxWidth = 640;
    int width = 0;
    int height = 0;
    std::shared_ptr<const std::vector<std::uint8_t>> rgba;
    std::chrono::steady_clock::time_point capturedAt{};
    std::uint64_t sequence = 0;
};

// A cheap CPU preview from a grey frame (box-averaged, grey replicated into RGB): used by sources
// that have no colour to offer (files decoded to grey, synthetic frames).
PreviewFrame makeGreyPreview(const GreyFrame& frame, int maxWidth = PreviewFrame::kMaxWidth);

} // namespace meetscan::scanner
