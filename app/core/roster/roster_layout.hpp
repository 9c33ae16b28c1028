#pragma once
// Which column of a registration system's export holds which attendee field: the presets
// (pretix, Eventbrite, Hi.Events, generic), their detection from the header row, and the
// organiser's own `--map FIELD=COLUMN` overrides.
#include "meetscan/scanner/expected.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace meetscan::core {

enum class RosterField {
    BadgeCode,
    OtherCodes,
    FirstName,
    LastName,
    Name, // a full name, split when first and last name are not given
    Company,
    Title,
    Email,
    Phone,
    Country,
    TicketType,
    Role,
    Exhibitor,
    ConsentExhibitors,
    ConsentNetworking,
    Status, // not mappable: says whether a row was cancelled or refunded
};
inline constexpr std::size_t kRosterFieldCount = static_cast<std::size_t>(RosterField::Status) + 1;

enum class RosterPreset { Auto, Pretix, Eventbrite, HiEvents, Generic };

[[nodiscard]] std::optional<RosterPreset> presetFromName(std::string_view name);
[[nodiscard]] std::string_view presetName(RosterPreset preset);
// The names accepted by --map (badge_code, first_name, ...); Status is not among them.
[[nodiscard]] std::optional<RosterField> fieldFromName(std::string_view name);
[[nodiscard]] std::string_view fieldName(RosterField field);
[[nodiscard]] const std::vector<std::string_view>& mappableFieldNames();

// Case-, space-, underscore- and hyphen-insensitive form of a header: "Barcode # " -> "barcode#".
[[nodiscard]] std::string normalizeHeader(std::string_view header);

struct RosterLayout {
    RosterPreset preset = RosterPreset::Generic;
    // Per field, the columns to read in order: the first non-empty value wins (pretix: attendee
    // e-mail, else the order's e-mail). Empty: the export has no such column.
    std::array<std::vector<std::size_t>, kRosterFieldCount> columns;

    [[nodiscard]] const std::vector<std::size_t>& of(RosterField field) const {
        return columns[static_cast<std::size_t>(field)];
    }
    [[nodiscard]] bool has(RosterField field) const { return !of(field).empty(); }
};

// pretix's "Email" and "Phone number" are the order's: the buyer's, who may be somebody else.
// Unless the organiser asks for them (`buyerContact`) or maps the field with --map, they are no
// fallback for an attendee's own.
void dropBuyerContact(RosterLayout& layout, const std::vector<std::string>& headers,
                      const std::vector<std::pair<std::string, std::string>>& overrides);

// The preset whose signature columns the header row has; Generic when none does.
[[nodiscard]] RosterPreset detectPreset(const std::vector<std::string>& headers);

// The layout of `preset` (Auto: detected) over these headers, then the overrides applied.
// Fails (bad input) on an unknown field or column in `overrides`, or when no column holds the
// badge code; the message names the preset and the columns found.
[[nodiscard]] Expected<RosterLayout>
buildLayout(RosterPreset preset, const std::vector<std::string>& headers,
            const std::vector<std::pair<std::string, std::string>>& overrides);

} // namespace meetscan::core
