#include "core/roster/roster_layout.hpp"

#include <gtest/gtest.h>

namespace meetscan::core {
namespace {

using Headers = std::vector<std::string>;
using Overrides = std::vector<std::pair<std::string, std::string>>;

TEST(RosterLayout, NormalizesHeaders) {
    EXPECT_EQ(normalizeHeader("Barcode # "), "barcode#");
    EXPECT_EQ(normalizeHeader("First_Name"), "firstname");
    EXPECT_EQ(normalizeHeader("E-Mail"), "email");
    EXPECT_EQ(normalizeHeader("Attendee name: Given name"), "attendeename:givenname");
}

TEST(RosterLayout, DetectsPresetsFromTheirSignatureColumns) {
    EXPECT_EQ(detectPreset({"Event slug", "Order code", "Position ID", "Ticket secret"}),
              RosterPreset::Pretix);
    EXPECT_EQ(detectPreset({"Order #", "First Name", "Barcode #", "Job Title "}), RosterPreset::Eventbrite);
    EXPECT_EQ(detectPreset({"ID", "First Name", "Public ID", "Short ID"}), RosterPreset::HiEvents);
    EXPECT_EQ(detectPreset({"code", "first_name"}), RosterPreset::Generic);
    // A "Ticket secret" alone is not enough to call it pretix: the generic aliases take it.
    EXPECT_EQ(detectPreset({"Ticket secret", "Name"}), RosterPreset::Generic);
}

TEST(RosterLayout, PretixTakesFirstCompanyAndFallsBackToOrderEmail) {
    Headers headers{"Order code",
                    "Position ID",
                    "Status",
                    "Email",
                    "Attendee name",
                    "Attendee name: Given name",
                    "Attendee name: Family name",
                    "Attendee email",
                    "Company",
                    "Ticket secret",
                    "Company"};
    auto layout = buildLayout(RosterPreset::Auto, headers, {});
    ASSERT_TRUE(layout) << layout.error().message;
    EXPECT_EQ(layout->preset, RosterPreset::Pretix);
    EXPECT_EQ(layout->of(RosterField::BadgeCode), (std::vector<std::size_t>{9}));
    EXPECT_EQ(layout->of(RosterField::Company), (std::vector<std::size_t>{8}));
    EXPECT_EQ(layout->of(RosterField::Email), (std::vector<std::size_t>{7, 3}));
    EXPECT_EQ(layout->of(RosterField::FirstName), (std::vector<std::size_t>{5}));
    EXPECT_EQ(layout->of(RosterField::LastName), (std::vector<std::size_t>{6}));
    EXPECT_EQ(layout->of(RosterField::Status), (std::vector<std::size_t>{2}));
}

TEST(RosterLayout, EventbriteHeadersWithTrailingSpaces) {
    auto layout = buildLayout(RosterPreset::Eventbrite,
                              {"Barcode # ", "First Name ", "Last Name", "Job Title ", "Cell Phone",
                               "Work Phone", "Attendee Status"},
                              {});
    ASSERT_TRUE(layout) << layout.error().message;
    EXPECT_EQ(layout->of(RosterField::BadgeCode), (std::vector<std::size_t>{0}));
    EXPECT_EQ(layout->of(RosterField::Title), (std::vector<std::size_t>{3}));
    EXPECT_EQ(layout->of(RosterField::Phone), (std::vector<std::size_t>{4, 5}));
    EXPECT_EQ(layout->of(RosterField::Status), (std::vector<std::size_t>{6}));
}

TEST(RosterLayout, HiEventsUsesThePublicIdTheQrHolds) {
    auto layout =
        buildLayout(RosterPreset::Auto,
                    {"ID", "First Name", "Last Name", "Email", "Status", "Public ID", "Short ID"}, {});
    ASSERT_TRUE(layout);
    EXPECT_EQ(layout->preset, RosterPreset::HiEvents);
    EXPECT_EQ(layout->of(RosterField::BadgeCode), (std::vector<std::size_t>{5}));
    EXPECT_EQ(layout->of(RosterField::OtherCodes), (std::vector<std::size_t>{6}));
}

TEST(RosterLayout, GenericAliasesIgnoreCaseSpacesAndUnderscores) {
    auto layout = buildLayout(RosterPreset::Generic,
                              {"Badge Code", "FIRST_NAME", "last name", "E-Mail", "consent exhibitors"}, {});
    ASSERT_TRUE(layout);
    EXPECT_EQ(layout->of(RosterField::BadgeCode), (std::vector<std::size_t>{0}));
    EXPECT_EQ(layout->of(RosterField::FirstName), (std::vector<std::size_t>{1}));
    EXPECT_EQ(layout->of(RosterField::LastName), (std::vector<std::size_t>{2}));
    EXPECT_EQ(layout->of(RosterField::Email), (std::vector<std::size_t>{3}));
    EXPECT_EQ(layout->of(RosterField::ConsentExhibitors), (std::vector<std::size_t>{4}));
}

TEST(RosterLayout, MapOverridesAField) {
    Headers headers{"Ticket", "Vorname", "Nachname", "Firma", "Scan OK?"};
    auto layout = buildLayout(RosterPreset::Generic, headers,
                              Overrides{{"badge_code", "Ticket"},
                                        {"first_name", "Vorname"},
                                        {"last_name", "nachname"},
                                        {"company", "Firma"},
                                        {"consent_exhibitors", "Scan OK?"}});
    ASSERT_TRUE(layout) << layout.error().message;
    EXPECT_EQ(layout->of(RosterField::BadgeCode), (std::vector<std::size_t>{0}));
    EXPECT_EQ(layout->of(RosterField::LastName), (std::vector<std::size_t>{2}));
    EXPECT_EQ(layout->of(RosterField::ConsentExhibitors), (std::vector<std::size_t>{4}));
    EXPECT_TRUE(layout->of(RosterField::TicketType).size() == 1); // "Ticket" is also the generic ticket type
}

TEST(RosterLayout, MappingOnlyAFullNameDropsThePresetsNameParts) {
    auto layout = buildLayout(RosterPreset::Generic, {"code", "first_name", "last_name", "Display"},
                              Overrides{{"name", "Display"}});
    ASSERT_TRUE(layout);
    EXPECT_FALSE(layout->has(RosterField::FirstName));
    EXPECT_FALSE(layout->has(RosterField::LastName));
    EXPECT_EQ(layout->of(RosterField::Name), (std::vector<std::size_t>{3}));
}

TEST(RosterLayout, UnknownFieldOrColumnInMapIsBadInput) {
    auto unknownField = buildLayout(RosterPreset::Generic, {"code"}, Overrides{{"shoe_size", "code"}});
    ASSERT_FALSE(unknownField);
    EXPECT_NE(unknownField.error().message.find("unknown field \"shoe_size\""), std::string::npos);
    EXPECT_NE(unknownField.error().message.find("badge_code"), std::string::npos);
    auto unknownColumn = buildLayout(RosterPreset::Generic, {"code", "name"}, Overrides{{"email", "Mail"}});
    ASSERT_FALSE(unknownColumn);
    EXPECT_NE(unknownColumn.error().message.find("no column \"Mail\""), std::string::npos);
    EXPECT_NE(unknownColumn.error().message.find("\"code\", \"name\""), std::string::npos);
    // status is read by presets, not mapped by hand
    EXPECT_FALSE(buildLayout(RosterPreset::Generic, {"code", "st"}, Overrides{{"status", "st"}}));
}

TEST(RosterLayout, MissingBadgeColumnNamesPresetAndColumns) {
    auto layout = buildLayout(RosterPreset::Pretix, {"Order code", "Attendee name"}, {});
    ASSERT_FALSE(layout);
    EXPECT_NE(layout.error().message.find("preset pretix"), std::string::npos);
    EXPECT_NE(layout.error().message.find("ticketsecret"), std::string::npos);
    EXPECT_NE(layout.error().message.find("\"Order code\", \"Attendee name\""), std::string::npos);

    auto oneColumn = buildLayout(RosterPreset::Auto, {"code|first_name|last_name"}, {});
    ASSERT_FALSE(oneColumn);
    EXPECT_NE(oneColumn.error().message.find("delimited"), std::string::npos);
}

TEST(RosterLayout, PresetAndFieldNames) {
    EXPECT_EQ(presetFromName("eventbrite"), RosterPreset::Eventbrite);
    EXPECT_EQ(presetFromName("hievents"), RosterPreset::HiEvents);
    EXPECT_FALSE(presetFromName("Pretix").has_value());
    EXPECT_EQ(presetName(RosterPreset::Pretix), "pretix");
    EXPECT_EQ(fieldFromName("consent_networking"), RosterField::ConsentNetworking);
    EXPECT_EQ(fieldName(RosterField::TicketType), "ticket_type");
    EXPECT_EQ(mappableFieldNames().size(), 15U);
}

} // namespace
} // namespace meetscan::core
