// Badge sheets: every size fits A4 and Letter whole, cut lines included, with the counts the
// sizes promise, and the block of badges centred so the crop marks have the margins.
#include "core/export/badge_layout.hpp"

#include <gtest/gtest.h>
#include <string>

namespace meetscan::core {
namespace {

struct SheetExpectation {
    const char* size;
    const char* paper;
    int columns, rows;
};

class BadgeSheetFit : public ::testing::TestWithParam<SheetExpectation> {};

TEST_P(BadgeSheetFit, WholeBadgesInsideThePageAndCentred) {
    const auto size = findBadgeSize(GetParam().size);
    const auto paper = findSheetPaper(GetParam().paper);
    ASSERT_TRUE(size && paper);
    const auto grid = sheetGrid(*size, paper->width, paper->height);
    EXPECT_EQ(grid.columns, GetParam().columns);
    EXPECT_EQ(grid.rows, GetParam().rows);
    // The outer cut lines run along the block's edges: all of them on the page.
    constexpr double kHair = 0.02;
    const double right = grid.left + grid.columns * size->width;
    const double bottom = grid.top + grid.rows * size->height;
    EXPECT_GE(grid.left, 0.0);
    EXPECT_GE(grid.top, 0.0);
    EXPECT_LE(right, paper->width + kHair);
    EXPECT_LE(bottom, paper->height + kHair);
    EXPECT_NEAR(grid.left, paper->width - right, kHair);
    EXPECT_NEAR(grid.top, paper->height - bottom, kHair);
    // Nothing bigger was possible: one more column or row would not fit.
    EXPECT_GT((grid.columns + 1) * size->width, paper->width + kHair);
    EXPECT_GT((grid.rows + 1) * size->height, paper->height + kHair);
    // The size's own description says the same count.
    const std::string described(size->description);
    const auto perSheet = std::to_string(grid.perSheet()) + " per";
    EXPECT_NE(described.find(perSheet), std::string::npos) << described;
}

INSTANTIATE_TEST_SUITE_P(
    SizesAndPapers, BadgeSheetFit,
    ::testing::Values(SheetExpectation{"a6", "a4", 2, 2}, SheetExpectation{"4x3in", "a4", 2, 3},
                      SheetExpectation{"cr80", "a4", 2, 5}, SheetExpectation{"a6", "letter", 2, 1},
                      SheetExpectation{"4x3in", "letter", 2, 3}, SheetExpectation{"cr80", "letter", 2, 5}),
    [](const auto& testInfo) {
        const std::string size = testInfo.param.size;
        return (size == "4x3in" ? std::string("inch4x3") : size) + "_" + testInfo.param.paper;
    });

TEST(BadgeSheetPaper, NamesAndSizes) {
    ASSERT_TRUE(findSheetPaper("a4"));
    EXPECT_NEAR(findSheetPaper("a4")->width, 210.0 * kPointsPerMm, 0.01);
    EXPECT_NEAR(findSheetPaper("a4")->height, 297.0 * kPointsPerMm, 0.01);
    ASSERT_TRUE(findSheetPaper("letter"));
    EXPECT_DOUBLE_EQ(findSheetPaper("letter")->width, 8.5 * 72.0);
    EXPECT_DOUBLE_EQ(findSheetPaper("letter")->height, 11.0 * 72.0);
    EXPECT_FALSE(findSheetPaper("a3"));
    EXPECT_FALSE(findSheetPaper("A4")); // options and settings are lower case, as --paper of print
}

} // namespace
} // namespace meetscan::core
