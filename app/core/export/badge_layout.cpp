#include "core/export/badge_layout.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace meetscan::core {

namespace {

constexpr double kInch = 72.0;

constexpr std::array kSizes{
    BadgeSize{"a6", "A6 portrait, 105 x 148 mm, 4 per A4 sheet, 2 per Letter sheet", 105.0 * kPointsPerMm,
              148.0 * kPointsPerMm},
    BadgeSize{"4x3in", "4 x 3 in landscape (Avery 5392-like inserts), 6 per A4 or Letter sheet", 4.0 * kInch,
              3.0 * kInch},
    BadgeSize{"cr80", "CR80 / ID-1 card, 85.6 x 54 mm landscape, 10 per A4 or Letter sheet",
              85.6 * kPointsPerMm, 53.98 * kPointsPerMm},
};

} // namespace

std::span<const BadgeSize> badgeSizes() {
    return kSizes;
}

std::optional<BadgeSize> findBadgeSize(std::string_view name) {
    for (const auto& size : kSizes)
        if (size.name == name)
            return size;
    return std::nullopt;
}

std::optional<SheetPaper> findSheetPaper(std::string_view name) {
    for (const auto& paper : {kA4Sheet, kLetterSheet})
        if (paper.name == name)
            return paper;
    return std::nullopt;
}

std::optional<BadgeLayout> parseBadgeLayout(std::string_view text) {
    if (text == "sheet")
        return BadgeLayout::Sheet;
    if (text == "single")
        return BadgeLayout::Single;
    return std::nullopt;
}

SheetGrid sheetGrid(const BadgeSize& size, double sheetWidth, double sheetHeight) {
    // A hair of tolerance: 2 x 105 mm is exactly A4's 210 mm, which rounding must not lose.
    constexpr double kTolerance = 0.01;
    SheetGrid grid;
    grid.columns = std::max(1, static_cast<int>(std::floor((sheetWidth + kTolerance) / size.width)));
    grid.rows = std::max(1, static_cast<int>(std::floor((sheetHeight + kTolerance) / size.height)));
    grid.left = std::max(0.0, (sheetWidth - grid.columns * size.width) / 2);
    grid.top = std::max(0.0, (sheetHeight - grid.rows * size.height) / 2);
    return grid;
}

} // namespace meetscan::core
