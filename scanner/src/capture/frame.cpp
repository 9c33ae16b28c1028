#include "meetscan/scanner/frame.hpp"

#include <algorithm>

namespace meetscan::scanner {

GreyFrame GreyFrame::fromPixels(std::vector<std::uint8_t> pixels, int width, int height) {
    auto owned = std::make_shared<const std::vector<std::uint8_t>>(std::move(pixels));
    GreyFrame frame;
    frame.width = width;
    frame.height = height;
    frame.stride = width;
    frame.data = owned->data();
    frame.owner = owned;
    frame.capturedAt = std::chrono::steady_clock::now();
    return frame;
}

PreviewFrame makeGreyPreview(const GreyFrame& frame, int maxWidth) {
    PreviewFrame preview;
    preview.capturedAt = frame.capturedAt;
    preview.sequence = frame.sequence;
    if (frame.empty() || maxWidth <= 0)
        return preview;
    // Integer box factor: cheap, and a preview does not need exact sizes.
    const int factor = std::max(1, (frame.width + maxWidth - 1) / maxWidth);
    preview.width = frame.width / factor;
    preview.height = frame.height / factor;
    auto rgba = std::make_shared<std::vector<std::uint8_t>>(static_cast<std::size_t>(preview.width) *
                                                            static_cast<std::size_t>(preview.height) * 4U);
    const int area = factor * factor;
    std::uint8_t* out = rgba->data();
    for (int y = 0; y < preview.height; ++y) {
        for (int x = 0; x < preview.width; ++x) {
            int sum = 0;
            for (int dy = 0; dy < factor; ++dy) {
                const std::uint8_t* src = frame.row(y * factor + dy) + x * factor;
                for (int dx = 0; dx < factor; ++dx)
                    sum += src[dx];
            }
            const auto grey = static_cast<std::uint8_t>(sum / area);
            *out++ = grey;
            *out++ = grey;
            *out++ = grey;
            *out++ = 255;
        }
    }
    preview.rgba = std::move(rgba);
    return preview;
}

} // namespace meetscan::scanner
