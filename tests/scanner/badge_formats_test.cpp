// URL tokens, Indico tickets, MECARD and the Delimited layout.
#include "meetscan/scanner/badge_reading.hpp"
#include "meetscan/scanner/base64.hpp"
#include "meetscan/scanner/vcard.hpp"

#include <gtest/gtest.h>

namespace meetscan::scanner {
namespace {

const ReaderConfig kFormatDefaults{};

TEST(UrlTokenBadge, DefaultPatternTakesTheTokenSegment) {
    for (const auto& [text, token] : std::vector<std::pair<std::string, std::string>>{
             {"https://tickets.example.org/t/at/Xy7_k-29Q/", "Xy7_k-29Q"},
             {"http://localhost/t/conf2025/abc123", "abc123"}}) {
        const auto reading = readBadge(text, kFormatDefaults);
        EXPECT_EQ(reading.kind, BadgeKind::UrlToken) << text;
        EXPECT_TRUE(reading.ok()) << text;
        EXPECT_EQ(reading.code, token);
    }
}

TEST(UrlTokenBadge, UrlsOfOtherShapesAreNotTokens) {
    for (const std::string& text :
         std::vector<std::string>{"https://example.org/", "https://example.org/t/at/", "ftp://x/t/a/b",
                                  "https://example.org/t/at/tok/extra"}) {
        EXPECT_NE(readBadge(text, kFormatDefaults).kind, BadgeKind::UrlToken) << text;
    }
}

TEST(UrlTokenBadge, CustomPatternsAreTriedInOrder) {
    ReaderConfig config;
    config.urlPatterns = {"^https://reg\\.example\\.com/badge\\?id=([0-9]+)$", "^myconf:([A-Z]{3}-[0-9]{4})$",
                          "(unclosed", "^https://x/no-group$"};
    EXPECT_EQ(readBadge("https://reg.example.com/badge?id=12345", config).code, "12345");
    const auto reading = readBadge("myconf:ABC-0042", config);
    EXPECT_EQ(reading.kind, BadgeKind::UrlToken);
    EXPECT_EQ(reading.code, "ABC-0042");
    // With custom patterns the default one is not used.
    EXPECT_NE(readBadge("https://tickets.example.org/t/at/Xy7/", config).kind, BadgeKind::UrlToken);
    EXPECT_EQ(readBadge("https://x/no-group", config).kind, BadgeKind::PlainId);
}

TEST(UrlTokenBadge, PatternValidation) {
    EXPECT_EQ(validateUrlPattern(std::string(kDefaultUrlPattern)), "");
    EXPECT_NE(validateUrlPattern("(unclosed"), "");
    EXPECT_NE(validateUrlPattern("^https://x/$"), "");
}

TEST(IndicoBadge, DecodesTheTicketUuid) {
    // Indico: base64.b64encode(uuid.UUID('3f1c2a8e-5b7d-4e09-9a6f-0c2d4b8e1f70').bytes).
    const auto reading = readBadge(R"({"i":[2,"indico.example.org","Pxwqjlt9TgmabwwtS44fcA=="]})", kFormatDefaults);
    EXPECT_EQ(reading.kind, BadgeKind::Indico);
    ASSERT_TRUE(reading.ok()) << reading.reason;
    EXPECT_EQ(reading.code, "3f1c2a8e-5b7d-4e09-9a6f-0c2d4b8e1f70");
    ASSERT_TRUE(reading.indico.has_value());
    EXPECT_EQ(reading.indico->host, "indico.example.org");
    EXPECT_FALSE(reading.indico->personUuid.has_value());
}

TEST(IndicoBadge, AcceptsUrlSafeAlphabetAndAccompanyingPerson) {
    const std::string uuidBytes("\xfb\xff\x00\x11\x22\x33\x44\x55\x66\x77\x88\x99\xaa\xbb\xcc\xdd", 16);
    const std::string text = R"({"i": [2, "events.example.com/indico", ")" + encodeBase64Url(uuidBytes) +
                             R"(", ")" + encodeBase64(uuidBytes) + "\"]}";
    const auto reading = readBadge(text, kFormatDefaults);
    ASSERT_TRUE(reading.ok()) << reading.reason;
    EXPECT_EQ(reading.code, "fbff0011-2233-4455-6677-8899aabbccdd");
    ASSERT_TRUE(reading.indico->personUuid.has_value());
    EXPECT_EQ(*reading.indico->personUuid, "fbff0011-2233-4455-6677-8899aabbccdd");
}

TEST(IndicoBadge, BrokenTicketsAreMalformed) {
    for (const std::string& text : std::vector<std::string>{
             R"({"i":[1,"h","Pxwqjlt9TgmabwwtS44fcA=="]})", R"({"i":[2,"h","short"]})", R"({"i":[2,"h"]})",
             R"({"i":"x"})", R"({"i":[2,5,"Pxwqjlt9TgmabwwtS44fcA=="]})",
             R"({"i":[2,"h","Pxwqjlt9TgmabwwtS44fcA==",7]})"}) {
        const auto reading = readBadge(text, kFormatDefaults);
        EXPECT_EQ(reading.kind, BadgeKind::Indico) << text;
        EXPECT_EQ(reading.verdict, ReadVerdict::Malformed) << text;
    }
    // JSON that is not Indico's is left to the rest of the chain.
    EXPECT_NE(readBadge(R"({"id":"x"})", kFormatDefaults).kind, BadgeKind::Indico);
}

TEST(MecardBadge, ReadsFieldsAndSplitsLastFirst) {
    const auto reading = readBadge(
        "MECARD:N:Doe,Jane;ORG:Acme Corp;TITLE:CTO;TEL:+1 555 0100;EMAIL:jane@acme.test;UID:R-77;NOTE:hi;;",
        kFormatDefaults);
    EXPECT_EQ(reading.kind, BadgeKind::Mecard);
    ASSERT_TRUE(reading.ok()) << reading.reason;
    EXPECT_EQ(reading.code, "R-77");
    const Contact expected{"R-77", "Jane", "Doe", "Acme Corp", "CTO", "jane@acme.test", "+1 555 0100"};
    EXPECT_EQ(*reading.contact, expected);
}

TEST(MecardBadge, ResolvesBackslashEscapes) {
    const auto contact = parseMecard(R"(MECARD:N:O\,Brien\;Jr,Se\:án;ORG:A\;B\\C\, Ltd;EMAIL:x@y.z;;)");
    ASSERT_TRUE(contact.ok()) << contact.error().message;
    EXPECT_EQ(contact->lastName, "O,Brien;Jr");
    EXPECT_EQ(contact->firstName, "Se:án");
    EXPECT_EQ(contact->company, "A;B\\C, Ltd");
}

TEST(MecardBadge, NameWithoutCommaAndLowerCasePrefix) {
    const auto reading = readBadge("mecard:N:Ada Lovelace;EMAIL:ada@example.org;;", kFormatDefaults);
    ASSERT_TRUE(reading.ok()) << reading.reason;
    EXPECT_EQ(reading.contact->firstName, "Ada");
    EXPECT_EQ(reading.contact->lastName, "Lovelace");
    EXPECT_EQ(reading.code, ""); // no UID: core matches by e-mail
}

TEST(MecardBadge, EmptyOrBrokenCardsAreMalformed) {
    for (const std::string& text :
         std::vector<std::string>{"MECARD:;;", "MECARD:NOTE:only a note;;", "MECARD:N Doe;;"}) {
        const auto reading = readBadge(text, kFormatDefaults);
        EXPECT_EQ(reading.kind, BadgeKind::Mecard) << text;
        EXPECT_EQ(reading.verdict, ReadVerdict::Malformed) << text;
    }
}

TEST(DelimitedBadge, FiveFields) {
    const auto reading = readBadge("AT-0042::Nakamura::Hiro::Example KK::hiro@example.jp", kFormatDefaults);
    EXPECT_EQ(reading.kind, BadgeKind::Delimited);
    ASSERT_TRUE(reading.ok()) << reading.reason;
    EXPECT_EQ(reading.code, "AT-0042");
    const Contact expected{"", "Hiro", "Nakamura", "Example KK", "", "hiro@example.jp", ""};
    EXPECT_EQ(*reading.contact, expected);
}

TEST(DelimitedBadge, EmptyFieldsAllowed) {
    const auto reading = readBadge("77::Lee::::::", kFormatDefaults);
    ASSERT_TRUE(reading.ok()) << reading.reason;
    EXPECT_EQ(reading.code, "77");
    EXPECT_EQ(reading.contact->lastName, "Lee");
    EXPECT_EQ(reading.contact->email, "");
}

TEST(DelimitedBadge, WrongFieldCountOrIdIsMalformed) {
    for (const std::string& text :
         std::vector<std::string>{"1::Doe::Jane", "1::Doe::Jane::Acme", "1::Doe::Jane::Acme::j@a.b::extra",
                                  "::Doe::Jane::Acme::j@a.b", "two words::Doe::Jane::Acme::j@a.b"}) {
        const auto reading = readBadge(text, kFormatDefaults);
        EXPECT_EQ(reading.kind, BadgeKind::Delimited) << text;
        EXPECT_EQ(reading.verdict, ReadVerdict::Malformed) << text;
    }
    EXPECT_EQ(readBadge("ns::id", kFormatDefaults).kind, BadgeKind::PlainId);
}

} // namespace
} // namespace meetscan::scanner
