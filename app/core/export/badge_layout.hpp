#pragma once
// Badge sizes and how many of them a sheet of A4 or Letter holds. Sizes are in PostScript points
// (1/72 in), cairo's PDF unit.
#include <optional>
#include <span>
#include <string_view>

namespace meetscan::core {

inline constexpr double kPointsPerMm = 72.0 / 25.4;

// The paper badge sheets are printed on: the event's `paper` setting (the one summary.pdf uses),
// or `meetscan badges --paper`.
struct SheetPaper {
    std::string_view name;  // a4 | letter
    std::string_view label; // A4 | Letter, for people
    double width = 0;       // points
    double height = 0;
};
inline constexpr SheetPaper kA4Sheet{"a4", "A4", 595.28, 841.89};
inline constexpr SheetPaper kLetterSheet{"letter", "Letter", 612.0, 792.0};
[[nodiscard]] std::optional<SheetPaper> findSheetPaper(std::string_view name);

struct BadgeSize {
    std::string_view name;        // as given to `--size`
    std::string_view description; // for --help and errors
    double width = 0;             // points
    double height = 0;
};

// a6 (105 x 148 mm: 4 on A4, 2 on Letter), 4x3in (Avery 5392-like inserts: 6 on either), cr80
// (ID-1 card, 85.6 x 54 mm: 10 on either). The first is the default.
[[nodiscard]] std::span<const BadgeSize> badgeSizes();
[[nodiscard]] std::optional<BadgeSize> findBadgeSize(std::string_view name);

enum class BadgeLayout { Sheet, Single };
[[nodiscard]] std::optional<BadgeLayout> parseBadgeLayout(std::string_view text);

// Where the badges sit on a sheet: as many whole badges as fit, the block centred so the
// margins left over carry the crop marks.
struct SheetGrid {
    int columns = 1;
    int rows = 1;
    double left = 0; // top-left corner of the first badge
    double top = 0;

    [[nodiscard]] int perSheet() const { return columns * rows; }
};

[[nodiscard]] SheetGrid sheetGrid(const BadgeSize& size, double sheetWidth, double sheetHeight);

} // namespace meetscan::core
