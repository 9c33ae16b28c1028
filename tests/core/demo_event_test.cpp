#include "core/demo/demo_event.hpp"
#include "core/store/store.hpp"
#include "meetscan/scanner/badge_reading.hpp"
#include "meetscan/scanner/signing.hpp"
#include "support/temp_dir.hpp"

#include <algorithm>
#include <gtest/gtest.h>
#include <set>
#include <string_view>

namespace meetscan::core {
namespace {

std::unique_ptr<Store> openStore(const test::TempDir& dir) {
    auto opened = Store::open(dir / "demo.db");
    if (!opened) {
        ADD_FAILURE() << opened.error().message;
        return nullptr;
    }
    return std::move(opened).value();
}

// Decodes UTF-8 into code points; the roster only holds valid UTF-8, anything else fails the test.
std::vector<char32_t> codePoints(std::string_view text) {
    std::vector<char32_t> points;
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : 4;
        char32_t point = length == 1   ? lead
                         : length == 2 ? (lead & 0x1FU)
                         : length == 3 ? (lead & 0x0FU)
                                       : (lead & 0x07U);
        for (std::size_t k = 1; k < length; ++k) {
            if (i + k >= text.size()) {
                ADD_FAILURE() << "truncated UTF-8 in " << text;
                return points;
            }
            point = (point << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3FU);
        }
        points.push_back(point);
        i += length;
    }
    return points;
}

// The Unicode script of a letter, by block; plain ASCII counts as no script of its own.
std::string_view scriptOf(char32_t c) {
    if ((c >= 0xC0 && c <= 0x24F) || (c >= 0x1E00 && c <= 0x1EFF))
        return "latin-diacritics";
    if (c >= 0x370 && c <= 0x3FF)
        return "greek";
    if (c >= 0x400 && c <= 0x4FF)
        return "cyrillic";
    if (c >= 0x590 && c <= 0x5FF)
        return "hebrew";
    if (c >= 0x600 && c <= 0x6FF)
        return "arabic";
    if (c >= 0x900 && c <= 0x97F)
        return "devanagari";
    if (c >= 0xE00 && c <= 0xE7F)
        return "thai";
    if (c >= 0x3040 && c <= 0x309F)
        return "hiragana";
    if (c >= 0x30A0 && c <= 0x30FF)
        return "katakana";
    if (c >= 0x4E00 && c <= 0x9FFF)
        return "han";
    if (c >= 0xAC00 && c <= 0xD7AF)
        return "hangul";
    return "";
}

class DemoEventTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_store = openStore(m_dir);
        ASSERT_NE(m_store, nullptr);
        auto created = createDemoEvent(*m_store, {});
        ASSERT_TRUE(created) << created.error().message;
        m_demo = std::move(created).value();
        m_roster = m_store->attendees().all();
    }

    [[nodiscard]] scanner::ReaderConfig trustedKeys() const {
        scanner::ReaderConfig config;
        for (const auto& key : m_store->keys().all()) {
            if (key.kind != "meetscan")
                continue;
            auto decoded = scanner::decodePublicKey(key.publicKey);
            EXPECT_TRUE(decoded) << key.publicKey;
            if (decoded)
                config.meetscanKeys.push_back(*decoded);
        }
        return config;
    }

    test::TempDir m_dir;
    std::unique_ptr<Store> m_store;
    DemoEvent m_demo;
    std::vector<Attendee> m_roster;
};

TEST_F(DemoEventTest, NamesTheEventAndStation) {
    const Event event = m_store->events().event();
    EXPECT_EQ(event.name, "MeetScan Demo Summit");
    EXPECT_EQ(event.settings.pairingWindowSeconds, 20);
    EXPECT_EQ(event.settings.accentColour.size(), 7U);
    EXPECT_EQ(event.settings.accentColour.front(), '#');
    const Station station = m_store->events().station();
    EXPECT_EQ(station.name, "Demo kiosk");
    EXPECT_EQ(station.mode, Mode::Meet);
}

TEST_F(DemoEventTest, CreatesTwoHundredCompleteRosterRows) {
    EXPECT_EQ(m_store->attendees().count(), 200);
    ASSERT_EQ(m_demo.attendeeIds.size(), 200U);
    ASSERT_EQ(m_demo.badgeTexts.size(), 200U);
    EXPECT_EQ(std::set<std::string>(m_demo.attendeeIds.begin(), m_demo.attendeeIds.end()).size(), 200U);
    EXPECT_EQ(m_store->attendees().byId(m_demo.attendeeIds.front())->badgeCode, "MSD-0001");
    EXPECT_EQ(m_store->attendees().byId(m_demo.attendeeIds.back())->badgeCode, "MSD-0200");

    std::set<std::string> emails, ticketTypes, countries;
    for (const auto& a : m_roster) {
        EXPECT_FALSE(a.firstName.empty()) << a.badgeCode;
        EXPECT_FALSE(a.lastName.empty()) << a.badgeCode;
        EXPECT_FALSE(a.company.empty()) << a.badgeCode;
        EXPECT_FALSE(a.title.empty()) << a.badgeCode;
        EXPECT_EQ(a.country.size(), 2U) << a.badgeCode;
        EXPECT_TRUE(std::all_of(a.email.begin(), a.email.end(), [](char c) {
            return static_cast<unsigned char>(c) < 0x80 && c != ' ';
        })) << a.email;
        EXPECT_EQ(std::count(a.email.begin(), a.email.end(), '@'), 1) << a.email;
        EXPECT_TRUE(a.phone.empty() || a.phone.front() == '+') << a.phone;
        emails.insert(a.email);
        ticketTypes.insert(a.ticketType);
        countries.insert(a.country);
    }
    EXPECT_EQ(emails.size(), 200U) << "e-mail addresses must be unique";
    EXPECT_EQ(ticketTypes, (std::set<std::string>{"Attendee", "Exhibitor", "Speaker", "Staff"}));
    EXPECT_GE(countries.size(), 20U);
}

TEST_F(DemoEventTest, NamesSpanManyScripts) {
    std::set<std::string_view> scripts;
    for (const auto& a : m_roster)
        for (char32_t c : codePoints(a.firstName + a.lastName))
            if (auto script = scriptOf(c); !script.empty())
                scripts.insert(script);
    for (std::string_view needed :
         {"latin-diacritics", "cyrillic", "greek", "han", "hangul", "arabic", "devanagari", "hebrew", "thai"})
        EXPECT_TRUE(scripts.contains(needed)) << needed;
    EXPECT_GE(scripts.size(), 9U);
}

TEST_F(DemoEventTest, ExhibitorsHaveTagsQuestionsAndTwoStaff) {
    const auto exhibitors = m_store->exhibitors().all();
    ASSERT_GE(exhibitors.size(), 5U);
    ASSERT_LE(exhibitors.size(), 6U);
    EXPECT_EQ(m_demo.exhibitorIds.size(), exhibitors.size());
    const auto config = trustedKeys();
    for (const auto& e : exhibitors) {
        SCOPED_TRACE(e.id);
        EXPECT_FALSE(e.name.empty());
        EXPECT_FALSE(e.booth.empty());
        EXPECT_GE(e.tags.size(), 4U);
        EXPECT_LE(e.tags.size(), 6U);
        EXPECT_GE(e.questions.size(), 2U);
        EXPECT_LE(e.questions.size(), 3U);
        EXPECT_TRUE(std::any_of(e.questions.begin(), e.questions.end(), [](const Question& q) {
            return q.options.empty();
        })) << "one free-text question";
        EXPECT_TRUE(std::any_of(e.questions.begin(), e.questions.end(), [](const Question& q) {
            return q.options.size() >= 2;
        })) << "one question with options";

        std::set<std::string> staffCodes;
        for (const auto& a : m_roster) {
            if (a.exhibitorId != e.id)
                continue;
            EXPECT_EQ(a.role, "exhibitor");
            EXPECT_EQ(a.company, e.name);
            staffCodes.insert(a.badgeCode);
        }
        EXPECT_EQ(staffCodes.size(), 2U);
        ASSERT_EQ(m_demo.staffBadges.count(e.id), 1U);
        const auto& badges = m_demo.staffBadges.at(e.id);
        ASSERT_EQ(badges.size(), 2U);
        for (const auto& badge : badges) {
            const auto reading = scanner::readBadge(badge, config);
            ASSERT_TRUE(reading.ok()) << reading.reason;
            EXPECT_TRUE(staffCodes.contains(reading.code)) << reading.code;
        }
    }
}

TEST_F(DemoEventTest, EveryBadgeVerifiesWithTheTrustedKey) {
    const auto config = trustedKeys();
    ASSERT_EQ(config.meetscanKeys.size(), 1U);
    EXPECT_EQ(scanner::encodePublicKey(config.meetscanKeys.front()), m_demo.publicKey);
    ASSERT_TRUE(m_store->keys().signingKey());
    EXPECT_EQ(m_store->keys().signingKey()->publicKey, m_demo.publicKey);

    for (std::size_t i = 0; i < m_demo.badgeTexts.size(); ++i) {
        const auto reading = scanner::readBadge(m_demo.badgeTexts[i], config);
        ASSERT_TRUE(reading.ok()) << i << ": " << reading.reason;
        EXPECT_EQ(reading.kind, scanner::BadgeKind::MeetScanSigned);
        const auto person = m_store->attendees().byCode(reading.code);
        ASSERT_TRUE(person) << reading.code;
        EXPECT_EQ(person->id, m_demo.attendeeIds[i]);
        ASSERT_TRUE(reading.contact);
        EXPECT_EQ(reading.contact->firstName, person->firstName);
        EXPECT_EQ(reading.contact->lastName, person->lastName);
    }

    // The signature is what makes them valid: another event's key refuses them.
    scanner::ReaderConfig otherEvent;
    otherEvent.meetscanKeys.push_back(scanner::generateKeyPair().publicKey);
    EXPECT_EQ(scanner::readBadge(m_demo.badgeTexts.front(), otherEvent).verdict,
              scanner::ReadVerdict::Forged);
}

TEST_F(DemoEventTest, SomePeopleDeclinedScansOrNetworking) {
    const auto noExhibitors = std::count_if(m_roster.begin(), m_roster.end(),
                                            [](const Attendee& a) { return !a.consentExhibitors; });
    const auto noNetworking = std::count_if(m_roster.begin(), m_roster.end(),
                                            [](const Attendee& a) { return !a.consentNetworking; });
    EXPECT_GE(noExhibitors, 3);
    EXPECT_LE(noExhibitors, 20);
    EXPECT_GE(noNetworking, 3);
    EXPECT_LE(noNetworking, 20);
    for (const auto& a : m_roster) {
        if (a.role == "exhibitor" || a.role == "staff") {
            EXPECT_TRUE(a.consentExhibitors && a.consentNetworking) << a.badgeCode;
        }
    }
}

TEST_F(DemoEventTest, RunningAgainUpdatesInPlaceAndKeepsTheKey) {
    auto again = createDemoEvent(*m_store, {});
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(m_store->attendees().count(), 200);
    EXPECT_EQ(m_store->exhibitors().all().size(), m_demo.exhibitorIds.size());
    EXPECT_EQ(again->publicKey, m_demo.publicKey);
    EXPECT_EQ(again->badgeTexts, m_demo.badgeTexts) << "badges printed the first time stay valid";
    EXPECT_EQ(trustedKeys().meetscanKeys.size(), 1U);
}

std::vector<std::string> namesOf(Store& store, const DemoEvent& demo) {
    std::vector<std::string> names;
    for (const auto& id : demo.attendeeIds) {
        const auto a = store.attendees().byId(id);
        names.push_back(a ? a->displayName() + " <" + a->email + "> " + a->company : "missing " + id);
    }
    return names;
}

TEST(DemoEventSeed, SameSeedSameRosterOtherSeedOtherRoster) {
    test::TempDir dirA, dirB, dirC;
    auto a = openStore(dirA), b = openStore(dirB), c = openStore(dirC);
    ASSERT_TRUE(a && b && c);
    DemoOptions options;
    options.attendees = 60;
    options.seed = 7;
    auto demoA = createDemoEvent(*a, options), demoB = createDemoEvent(*b, options);
    options.seed = 8;
    auto demoC = createDemoEvent(*c, options);
    ASSERT_TRUE(demoA && demoB && demoC);
    EXPECT_EQ(a->attendees().count(), 60);
    EXPECT_EQ(namesOf(*a, *demoA), namesOf(*b, *demoB));
    EXPECT_NE(namesOf(*a, *demoA), namesOf(*c, *demoC));
    // Only the key pair is new each time.
    EXPECT_NE(demoA->publicKey, demoB->publicKey);
}

TEST(DemoEventOptions, RefusesARosterTooSmallForItsRoles) {
    test::TempDir dir;
    auto store = openStore(dir);
    ASSERT_TRUE(store);
    DemoOptions options;
    options.attendees = 3;
    auto result = createDemoEvent(*store, options);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, Error::Kind::BadInput);
    EXPECT_EQ(store->attendees().count(), 0);
}

} // namespace
} // namespace meetscan::core
