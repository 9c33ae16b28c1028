// Badges as a camera sees them — slanted, blurred, noisy, with glare, washed out — at 720p and
// 1080p. Each must be read within one round of the decoder's per-frame strategies, i.e. within a
// handful of consecutive camera frames.
#include "meetscan/scanner/decoder.hpp"
#include "meetscan/scanner/synthetic_badge.hpp"

#include <functional>
#include <gtest/gtest.h>

namespace meetscan::scanner {
namespace {

const std::string kBadgeText =
    "MS1.eyJ2IjoxLCJhIjoiMDFIWlg3UDNRNEc4WTJNNUs5VjZSMUUwVFciLCJlIjoiZXZ0LTIwMjQifQ."
    "kR2v8mQ4T0b1nZ7yX3wP6sL9dH5fJ2cA8eG1uV4iO7kM0qN3rS6tY9zB2xC5wE8";

struct Condition {
    const char* name;
    std::function<void(BadgeScene&)> apply;
};

const std::vector<Condition>& conditions() {
    static const std::vector<Condition> all = {
        {"straight", [](BadgeScene&) {}},
        {"perspective",
         [](BadgeScene& s) {
             s.tiltX = 0.25;
             s.tiltY = 0.15;
             s.rotationDeg = 20;
         }},
        {"rotated", [](BadgeScene& s) { s.rotationDeg = -35; }},
        {"blur", [](BadgeScene& s) { s.blurRadius = 1; }},
        {"heavy blur, close",
         [](BadgeScene& s) {
             s.blurRadius = 2;
             s.cardHeight = 0.95;
         }},
        {"noise", [](BadgeScene& s) { s.noise = 30; }},
        {"glare", [](BadgeScene& s) { s.glare = 0.45; }},
        {"low contrast", [](BadgeScene& s) { s.contrast = 0.35; }},
        {"small and far",
         [](BadgeScene& s) {
             s.cardHeight = 0.38;
             s.centerX = 0.3;
         }},
        {"close up",
         [](BadgeScene& s) {
             s.cardHeight = 1.3;
             s.centerY = 0.62;
         }},
        {"everything a little",
         [](BadgeScene& s) {
             s.tiltX = -0.15;
             s.rotationDeg = 10;
             s.blurRadius = 1;
             s.noise = 15;
             s.glare = 0.2;
             s.contrast = 0.6;
         }},
    };
    return all;
}

// Attempts (consecutive frames) until the badge reads, or 0 when it never did.
int framesToRead(const BadgeScene& scene) {
    const Decoder decoder;
    const auto frame = renderBadgeFrame(scene);
    for (int attempt = 0; attempt < Decoder::strategyCount(); ++attempt)
        for (const auto& code : decoder.decodeAll(frame, static_cast<std::uint64_t>(attempt)))
            if (code.text == kBadgeText)
                return attempt + 1;
    return 0;
}

class SyntheticBadges : public ::testing::TestWithParam<int> {};

TEST_P(SyntheticBadges, EveryConditionReadsWithinOneStrategyRound) {
    const int height = GetParam();
    for (const auto& condition : conditions()) {
        BadgeScene scene;
        scene.height = height;
        scene.width = height * 16 / 9;
        scene.text = kBadgeText;
        scene.seed = 7;
        condition.apply(scene);
        const int frames = framesToRead(scene);
        EXPECT_GT(frames, 0) << condition.name << " at " << height << "p was never read";
        std::printf("  %4dp %-20s read on frame %d\n", height, condition.name, frames);
    }
}

INSTANTIATE_TEST_SUITE_P(Resolutions, SyntheticBadges, ::testing::Values(720, 1080),
                         [](const auto& testInfo) { return std::to_string(testInfo.param) + "p"; });

TEST(SyntheticBadgeRenderer, IsDeterministicAndSized) {
    BadgeScene scene;
    scene.text = "same";
    scene.noise = 10;
    const auto a = renderBadgeFrame(scene);
    const auto b = renderBadgeFrame(scene);
    ASSERT_EQ(a.width, 1280);
    ASSERT_EQ(a.height, 720);
    ASSERT_EQ(a.stride, 1280);
    EXPECT_TRUE(std::equal(a.data, a.data + 1280 * 720, b.data));
}

TEST(SyntheticBadgeRenderer, NonLatinTextRoundTrips) {
    BadgeScene scene;
    scene.text = "BEGIN:VCARD\nVERSION:4.0\nFN:Zoë Ødegård 東京\nEND:VCARD";
    const auto codes = Decoder().decodeHard(renderBadgeFrame(scene));
    ASSERT_EQ(codes.size(), 1U);
    EXPECT_EQ(codes[0].text, scene.text);
}

TEST(SyntheticBadgeRenderer, TooLongTextRendersCardWithoutCode) {
    BadgeScene scene;
    scene.text = std::string(5000, 'x'); // beyond a QR's capacity
    const auto frame = renderBadgeFrame(scene);
    EXPECT_FALSE(frame.empty());
    EXPECT_TRUE(Decoder().decodeHard(frame).empty());
}

} // namespace
} // namespace meetscan::scanner
