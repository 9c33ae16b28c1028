// Renders a badge card seen by a camera: inverse-maps every frame pixel through the card's
// homography, then blurs, adds glare, lowers contrast and adds noise. ZXing's writer makes the QR.
#include "meetscan/scanner/synthetic_badge.hpp"

#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/CharacterSet.h>
#include <ZXing/MultiFormatWriter.h>
#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <vector>

namespace meetscan::scanner {
namespace {

// Card layout in card units (a 2:3 portrait card).
constexpr double kCardW = 200.0;
constexpr double kCardH = 300.0;
constexpr double kQrLeft = 25.0;
constexpr double kQrTop = 62.0;
constexpr double kQrSide = 150.0; // including the quiet zone
constexpr int kQuietModules = 4;
constexpr float kInk = 20.0F;
constexpr float kPaper = 240.0F;

using Mat3 = std::array<double, 9>;

// Heckbert's square-to-quad mapping: (u,v) in the unit square to the quad p0..p3 (clockwise from top-left).
Mat3 squareToQuad(const std::array<double, 8>& q) {
    const double x0 = q[0], y0 = q[1], x1 = q[2], y1 = q[3], x2 = q[4], y2 = q[5], x3 = q[6], y3 = q[7];
    const double dx1 = x1 - x2, dx2 = x3 - x2, dx3 = x0 - x1 + x2 - x3;
    const double dy1 = y1 - y2, dy2 = y3 - y2, dy3 = y0 - y1 + y2 - y3;
    const double det = dx1 * dy2 - dx2 * dy1;
    const double g = std::abs(det) < 1e-12 ? 0.0 : (dx3 * dy2 - dx2 * dy3) / det;
    const double h = std::abs(det) < 1e-12 ? 0.0 : (dx1 * dy3 - dx3 * dy1) / det;
    return {x1 - x0 + g * x1, x3 - x0 + h * x3, x0, y1 - y0 + g * y1, y3 - y0 + h * y3, y0, g, h, 1.0};
}

Mat3 inverse(const Mat3& m) {
    const double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], i = m[8];
    const double A = e * i - f * h, B = -(d * i - f * g), C = d * h - e * g;
    const double det = a * A + b * B + c * C;
    const double s = std::abs(det) < 1e-12 ? 0.0 : 1.0 / det;
    return {A * s, -(b * i - c * h) * s, (b * f - c * e) * s,
            B * s, (a * i - c * g) * s,  -(a * f - c * d) * s,
            C * s, -(a * h - b * g) * s, (a * e - b * d) * s};
}

// A small deterministic generator (xorshift), so tests see the same frame every run.
struct Rng {
    std::uint32_t state;
    std::uint32_t next() {
        state ^= state << 13U;
        state ^= state >> 17U;
        state ^= state << 5U;
        return state;
    }
    float uniform() { return static_cast<float>(next() & 0xFFFFU) / 65535.0F; } // 0..1
};

void boxBlur(std::vector<float>& img, int width, int height, int radius) {
    if (radius <= 0)
        return;
    std::vector<float> tmp(img.size());
    const float norm = 1.0F / static_cast<float>(2 * radius + 1);
    auto at = [](int v, int hi) { return std::clamp(v, 0, hi - 1); };
    for (int y = 0; y < height; ++y) {
        const float* src = img.data() + static_cast<std::ptrdiff_t>(y) * width;
        float* dst = tmp.data() + static_cast<std::ptrdiff_t>(y) * width;
        float sum = 0;
        for (int k = -radius; k <= radius; ++k)
            sum += src[at(k, width)];
        for (int x = 0; x < width; ++x) {
            dst[x] = sum * norm;
            sum += src[at(x + radius + 1, width)] - src[at(x - radius, width)];
        }
    }
    for (int x = 0; x < width; ++x) {
        float sum = 0;
        for (int k = -radius; k <= radius; ++k)
            sum += tmp[static_cast<std::size_t>(at(k, height) * width + x)];
        for (int y = 0; y < height; ++y) {
            img[static_cast<std::size_t>(y * width + x)] = sum * norm;
            sum += tmp[static_cast<std::size_t>(at(y + radius + 1, height) * width + x)] -
                   tmp[static_cast<std::size_t>(at(y - radius, height) * width + x)];
        }
    }
}

// What the card shows at card coordinates (cx, cy).
float cardValue(double cx, double cy, const ZXing::BitMatrix* qr, bool inverted) {
    float value = kPaper;
    if (cy < 40.0) {
        value = 70.0F; // coloured header band
    } else if (qr != nullptr && cx >= kQrLeft && cx < kQrLeft + kQrSide && cy >= kQrTop &&
               cy < kQrTop + kQrSide) {
        const int modules = qr->width() + 2 * kQuietModules;
        const double moduleSize = kQrSide / modules;
        const int mx = static_cast<int>((cx - kQrLeft) / moduleSize) - kQuietModules;
        const int my = static_cast<int>((cy - kQrTop) / moduleSize) - kQuietModules;
        if (mx >= 0 && my >= 0 && mx < qr->width() && my < qr->height() && qr->get(mx, my))
            value = kInk;
    } else if ((cy > 232.0 && cy < 250.0 && cx > 30.0 && cx < 170.0) ||
               (cy > 262.0 && cy < 274.0 && cx > 50.0 && cx < 150.0)) {
        value = 90.0F; // printed name and company lines
    }
    return inverted ? 255.0F - value : value;
}

} // namespace

GreyFrame renderBadgeFrame(const BadgeScene& scene) {
    const int width = std::max(1, scene.width);
    const int height = std::max(1, scene.height);
    Rng rng{scene.seed == 0 ? 1U : scene.seed};
    std::vector<float> img(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));

    // Background: a soft gradient with a gentle pattern, like a room behind the attendee.
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            img[static_cast<std::size_t>(y * width + x)] =
                100.0F + 40.0F * static_cast<float>(x) / static_cast<float>(width) +
                15.0F * static_cast<float>(std::sin(static_cast<double>(y) * 0.02) *
                                           std::cos(static_cast<double>(x) * 0.013));

    if (!scene.text.empty()) {
        ZXing::BitMatrix qr;
        bool haveQr = false;
        try {
            qr = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                     .setMargin(0)
                     .setEncoding(ZXing::CharacterSet::UTF8)
                     .encode(scene.text, 0, 0);
            haveQr = qr.width() > 0;
        } catch (...) {
            haveQr = false; // text too long for a QR: the card shows without a code
        }
        const double cardH = scene.cardHeight * height;
        const double cardW = cardH * kCardW / kCardH;
        const double hx = cardW / 2, hy = cardH / 2;
        // Corners before rotation, with the tilt narrowing the far edges.
        std::array<std::array<double, 2>, 4> corners = {{{-hx * (1 + scene.tiltY), -hy * (1 - scene.tiltX)},
                                                         {hx * (1 + scene.tiltY), -hy * (1 + scene.tiltX)},
                                                         {hx * (1 - scene.tiltY), hy * (1 + scene.tiltX)},
                                                         {-hx * (1 - scene.tiltY), hy * (1 - scene.tiltX)}}};
        const double angle = scene.rotationDeg * std::numbers::pi / 180.0;
        std::array<double, 8> quad{};
        for (std::size_t i = 0; i < 4; ++i) {
            const double x = corners.at(i)[0], y = corners.at(i)[1];
            quad.at(i * 2) = scene.centerX * width + x * std::cos(angle) - y * std::sin(angle);
            quad.at(i * 2 + 1) = scene.centerY * height + x * std::sin(angle) + y * std::cos(angle);
        }
        const Mat3 inv = inverse(squareToQuad(quad));
        double minX = width, minY = height, maxX = 0, maxY = 0;
        for (std::size_t i = 0; i < 4; ++i) {
            minX = std::min(minX, quad.at(i * 2));
            maxX = std::max(maxX, quad.at(i * 2));
            minY = std::min(minY, quad.at(i * 2 + 1));
            maxY = std::max(maxY, quad.at(i * 2 + 1));
        }
        const int x0 = std::max(0, static_cast<int>(minX)),
                  x1 = std::min(width - 1, static_cast<int>(maxX) + 1);
        const int y0 = std::max(0, static_cast<int>(minY)),
                  y1 = std::min(height - 1, static_cast<int>(maxY) + 1);
        for (int y = y0; y <= y1; ++y) {
            for (int x = x0; x <= x1; ++x) {
                const double px = x + 0.5, py = y + 0.5;
                const double w = inv[6] * px + inv[7] * py + inv[8];
                const double u = (inv[0] * px + inv[1] * py + inv[2]) / w;
                const double v = (inv[3] * px + inv[4] * py + inv[5]) / w;
                if (u < 0 || u >= 1 || v < 0 || v >= 1)
                    continue;
                img[static_cast<std::size_t>(y * width + x)] =
                    cardValue(u * kCardW, v * kCardH, haveQr ? &qr : nullptr, scene.inverted);
            }
        }
    }

    boxBlur(img, width, height, static_cast<int>(std::lround(scene.blurRadius)));

    const double glareX = (scene.centerX + 0.04) * width, glareY = (scene.centerY - 0.05) * height;
    const double glareR2 = std::pow(scene.cardHeight * height * 0.25, 2);
    const auto contrast = static_cast<float>(std::clamp(scene.contrast, 0.05, 1.0));
    const auto noise = static_cast<float>(scene.noise);
    std::vector<std::uint8_t> out(img.size());
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const auto i = static_cast<std::size_t>(y * width + x);
            float v = img[i];
            if (scene.glare > 0) {
                const double d2 = (x - glareX) * (x - glareX) + (y - glareY) * (y - glareY);
                if (d2 < 9.0 * glareR2) // beyond 3 radii the spot adds nothing visible
                    v += static_cast<float>(scene.glare * 255.0 * std::exp(-d2 / glareR2));
            }
            v = 128.0F + (v - 128.0F) * contrast;
            if (noise > 0)
                v += noise * (rng.uniform() + rng.uniform() - 1.0F);
            out[i] = static_cast<std::uint8_t>(std::clamp(v, 0.0F, 255.0F));
        }
    }
    return GreyFrame::fromPixels(std::move(out), width, height);
}

} // namespace meetscan::scanner
