// The `synthetic` source: a badge held up to the camera, moving a little, seen at a slant, with
// some blur and noise; then a few empty frames; then the next badge.
#include "capture/paced_source.hpp"
#include "meetscan/scanner/synthetic_badge.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace meetscan::scanner {
namespace {

constexpr double kShowSeconds = 1.6;
constexpr double kGapSeconds = 0.6;

BadgeScene sceneFor(std::uint64_t index, std::uint64_t showFrames, std::uint64_t gapFrames,
                    const std::vector<std::string>& texts, int width, int height) {
    const std::uint64_t cycleLength = showFrames + gapFrames;
    const std::uint64_t cycle = index / cycleLength;
    const std::uint64_t phase = index % cycleLength;
    BadgeScene scene;
    scene.width = width;
    scene.height = height;
    scene.seed = static_cast<std::uint32_t>(index * 2654435761U + 1U);
    scene.noise = 6.0;
    if (phase >= showFrames)
        return scene; // nobody in front of the camera
    scene.text = texts[cycle % texts.size()];
    const double t = static_cast<double>(phase) / static_cast<double>(showFrames);
    const double wobble = 2.0 * std::numbers::pi * t + static_cast<double>(cycle);
    scene.centerX = 0.5 + 0.12 * std::sin(wobble);
    scene.centerY = 0.52 + 0.04 * std::cos(wobble * 1.3);
    scene.cardHeight = 0.62 + 0.05 * std::sin(wobble * 0.7);
    scene.rotationDeg = 8.0 * std::sin(wobble * 0.9);
    scene.tiltX = 0.15 * std::sin(wobble * 1.1);
    scene.tiltY = 0.08 * std::cos(wobble);
    // Motion blur as the badge comes into view, then mostly steady.
    scene.blurRadius = phase < 2 ? 3.0 : (phase % 4 == 0 ? 1.0 : 0.0);
    scene.glare = cycle % 3 == 2 ? 0.25 : 0.0;
    scene.contrast = cycle % 2 == 1 ? 0.8 : 0.95;
    return scene;
}

} // namespace

std::unique_ptr<FrameSource> makeSyntheticSource(const SourceOptions& options) {
    std::vector<std::string> texts = options.syntheticTexts;
    if (texts.empty())
        texts = {"MEETSCAN-DEMO-0001", "MEETSCAN-DEMO-0002", "MEETSCAN-DEMO-0003"};
    const double fps = options.syntheticFps > 0 ? options.syntheticFps : 15.0;
    const auto showFrames = static_cast<std::uint64_t>(std::max(1.0, std::round(kShowSeconds * fps)));
    const auto gapFrames = static_cast<std::uint64_t>(std::max(1.0, std::round(kGapSeconds * fps)));
    const int width = options.syntheticWidth > 0 ? options.syntheticWidth : 1280;
    const int height = options.syntheticHeight > 0 ? options.syntheticHeight : 720;
    auto producer = [texts = std::move(texts), showFrames, gapFrames, width, height](std::uint64_t index) {
        Produced produced;
        produced.frame = renderBadgeFrame(sceneFor(index, showFrames, gapFrames, texts, width, height));
        return produced;
    };
    return std::make_unique<PacedSource>(std::move(producer), fps, options.preview);
}

} // namespace meetscan::scanner
