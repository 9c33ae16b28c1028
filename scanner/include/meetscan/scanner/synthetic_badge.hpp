#pragma once
// Generated camera frames showing a badge held up: a white card with a QR code, seen in
// perspective, blurred, noisy, with glare and low contrast as wanted. Used by the `synthetic`
// source (demo, tests without a camera) and by the decoder tests and benchmarks.
#include "meetscan/scanner/frame.hpp"

#include <cstdint>
#include <string>

namespace meetscan::scanner {

struct BadgeScene {
    int width = 1280;
    int height = 720;
    std::string text;     // the QR's content; empty renders a frame with no badge
    double centerX = 0.5; // card centre, fraction of the frame
    double centerY = 0.5;
    double cardHeight = 0.55; // card height, fraction of the frame height (card is 2:3 portrait)
    double rotationDeg = 0.0; // in-plane rotation
    double tiltX = 0.0;       // perspective: -0.3..0.3, left/right edge nearer the camera
    double tiltY = 0.0;       // perspective: top/bottom edge nearer the camera
    double blurRadius = 0.0;  // box blur radius in pixels (0: none)
    double noise = 0.0;       // noise amplitude in grey levels
    double glare = 0.0;       // 0..1: a bright spot washing out part of the card
    double contrast = 1.0;    // 0..1: 1 is black on white, lower is greyer
    bool inverted = false;    // light code on dark ground
    std::uint32_t seed = 1;   // for the noise and background
};

// Renders one frame. Pure CPU, deterministic for a given scene.
GreyFrame renderBadgeFrame(const BadgeScene& scene);

} // namespace meetscan::scanner
