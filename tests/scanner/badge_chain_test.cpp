// The chain as a whole: plain ids, refusals before any reader, and robustness against garbage.
#include "meetscan/scanner/badge_reading.hpp"
#include "meetscan/scanner/pretix_ticket.hpp"
#include "meetscan/scanner/signing.hpp"

#include <gtest/gtest.h>
#include <random>

namespace meetscan::scanner {
namespace {

const ReaderConfig kChainDefaults{};

TEST(BadgeKindNames, MatchTheCommandLineContract) {
    EXPECT_EQ(toString(BadgeKind::MeetScanSigned), "meetscan");
    EXPECT_EQ(toString(BadgeKind::PretixSigned), "pretix");
    EXPECT_EQ(toString(BadgeKind::UrlToken), "url");
    EXPECT_EQ(toString(BadgeKind::Indico), "indico");
    EXPECT_EQ(toString(BadgeKind::Mecard), "mecard");
    EXPECT_EQ(toString(BadgeKind::VCard), "vcard");
    EXPECT_EQ(toString(BadgeKind::Delimited), "delimited");
    EXPECT_EQ(toString(BadgeKind::PlainId), "plain");
    EXPECT_EQ(toString(ReadVerdict::Ok), "ok");
    EXPECT_EQ(toString(ReadVerdict::Malformed), "malformed");
    EXPECT_EQ(toString(ReadVerdict::Forged), "forged");
}

TEST(PlainIdBadge, PrintableTokensAreIds) {
    for (const std::string& text :
         std::vector<std::string>{"7", "ORDER-AB12C", "4006381333931", "a2ks9fjq8d7w6e5r4t3y2u1i0o9p8l7k",
                                  std::string(128, 'x'), "id:with/odd~chars!"}) {
        const auto reading = readBadge(text, kChainDefaults);
        EXPECT_EQ(reading.kind, BadgeKind::PlainId) << text;
        EXPECT_TRUE(reading.ok()) << text << ": " << reading.reason;
        EXPECT_EQ(reading.code, text);
    }
}

TEST(PlainIdBadge, SurroundingWhiteSpaceFromWedgeScannersIsDropped) {
    const auto reading = readBadge("  ORDER-1\r\n", kChainDefaults);
    ASSERT_TRUE(reading.ok());
    EXPECT_EQ(reading.code, "ORDER-1");
}

TEST(PlainIdBadge, ByteOrderMarkIsDropped) {
    const auto reading = readBadge("\xEF\xBB\xBF"
                                   "BEGIN:VCARD\r\nN:Okafor;Chidi\r\nEND:VCARD\r\n",
                                   kChainDefaults);
    EXPECT_EQ(reading.kind, BadgeKind::VCard);
    EXPECT_TRUE(reading.ok()) << reading.reason;
}

TEST(PlainIdBadge, OtherTextIsMalformedWithAReason) {
    for (const std::string& text :
         std::vector<std::string>{std::string(129, 'x'), "two words", "Ünïcode", "line\nbreak"}) {
        const auto reading = readBadge(text, kChainDefaults);
        EXPECT_EQ(reading.verdict, ReadVerdict::Malformed) << text;
        EXPECT_FALSE(reading.reason.empty()) << text;
    }
}

TEST(BadgeRefusals, EmptyAndBlankText) {
    for (const std::string& text : std::vector<std::string>{"", " ", "\r\n\t"}) {
        const auto reading = readBadge(text, kChainDefaults);
        EXPECT_EQ(reading.verdict, ReadVerdict::Malformed);
        EXPECT_NE(reading.reason.find("empty"), std::string::npos) << reading.reason;
    }
}

TEST(BadgeRefusals, InvalidUtf8) {
    for (const std::string& text :
         std::vector<std::string>{std::string("abc\xff"), std::string("\xc3\x28"), std::string("\xe2\x82"),
                                  std::string("\xc0\xaf"),         // overlong '/'
                                  std::string("\xed\xa0\x80"),     // surrogate
                                  std::string("\xf4\x90\x80\x80"), // above U+10FFFF
                                  std::string("BEGIN:VCARD\nN:\xff;x\nEND:VCARD")}) {
        const auto reading = readBadge(text, kChainDefaults);
        EXPECT_EQ(reading.verdict, ReadVerdict::Malformed);
        EXPECT_NE(reading.reason.find("UTF-8"), std::string::npos) << reading.reason;
    }
    EXPECT_TRUE(readBadge("MECARD:N:Ñandú,Zoë 🦩;;", kChainDefaults).ok());
}

TEST(BadgeRefusals, ControlCharacters) {
    for (const std::string& text : std::vector<std::string>{
             std::string("abc\0def", 7), std::string("id\x1b[31m"), std::string("x\x7fy")}) {
        const auto reading = readBadge(text, kChainDefaults);
        EXPECT_EQ(reading.verdict, ReadVerdict::Malformed);
        EXPECT_NE(reading.reason.find("control"), std::string::npos) << reading.reason;
    }
}

TEST(BadgeRefusals, OverTheLengthLimit) {
    const std::string megabyte(1 << 20, 'A');
    const auto reading = readBadge(megabyte, kChainDefaults);
    EXPECT_EQ(reading.verdict, ReadVerdict::Malformed);
    EXPECT_NE(reading.reason.find("limit"), std::string::npos) << reading.reason;

    ReaderConfig small;
    small.maxLength = 10;
    EXPECT_EQ(readBadge("ABCDEFGHIJK", small).verdict, ReadVerdict::Malformed);
    EXPECT_TRUE(readBadge("ABCDEFGHIJ", small).ok());
}

TEST(BadgeRefusals, HugeInputUnderARaisedLimitStillEndsCleanly) {
    ReaderConfig unlimited;
    unlimited.maxLength = 4 << 20;
    const std::string megabyteUrl = "https://h/t/a/" + std::string(1 << 20, 'a');
    EXPECT_EQ(readBadge(megabyteUrl, unlimited).verdict, ReadVerdict::Malformed);
    const std::string megabyteCard = "BEGIN:VCARD\nN:" + std::string(1 << 20, 'z') + ";x\nEND:VCARD";
    const auto card = readBadge(megabyteCard, unlimited);
    EXPECT_TRUE(card.ok()) << card.reason;
    EXPECT_EQ(readBadge(std::string(1 << 20, '{'), unlimited).verdict, ReadVerdict::Malformed);
}

TEST(BadgeChain, OrderDecidesBetweenLookAlikes) {
    // An MS1 prefix wins even when the rest would make a URL or id.
    EXPECT_EQ(readBadge("MS1.https://h/t/a/b", kChainDefaults).kind, BadgeKind::MeetScanSigned);
    // A URL with "::" in it is a URL first.
    ReaderConfig config;
    config.urlPatterns = {"^https://h/x::([a-z]+)::y::z$"};
    EXPECT_EQ(readBadge("https://h/x::abc::y::z", config).kind, BadgeKind::UrlToken);
}

TEST(BadgeChain, RandomBytesNeverCrashOrThrow) {
    std::mt19937 random(20240611);
    const KeyPair keys = generateKeyPair();
    const ReaderConfig config{{keys.publicKey}, {keys.publicKey}, {}, 4096};
    const std::vector<std::string> seeds = {signBadge({"S-1", "A", "B", "C"}, keys),
                                            makePretixTicket({"seed", 1, 2, 3, 4, 5}, keys),
                                            R"({"i":[2,"h","Pxwqjlt9TgmabwwtS44fcA=="]})",
                                            "MECARD:N:A,B;EMAIL:a@b;;",
                                            "BEGIN:VCARD\nN;ENCODING=QUOTED-PRINTABLE:=C3=91=\nA\nEND:VCARD",
                                            "1::2::3::4::5"};
    int ok = 0;
    for (int round = 0; round < 4000; ++round) {
        std::string text;
        if (round % 2 == 0) {
            text.resize(random() % 300);
            for (auto& c : text)
                c = static_cast<char>(random() % 256);
        } else {
            // Mutate a valid badge of each kind: flips, cuts and insertions.
            text = seeds[static_cast<std::size_t>(round / 2) % seeds.size()];
            for (int edits = 1 + static_cast<int>(random() % 4); edits > 0 && !text.empty(); --edits) {
                const std::size_t at = random() % text.size();
                switch (random() % 3) {
                case 0:
                    text[at] = static_cast<char>(random() % 128);
                    break;
                case 1:
                    text.erase(at, random() % 8);
                    break;
                default:
                    text.insert(at, 1, static_cast<char>(32 + random() % 95));
                    break;
                }
            }
        }
        const BadgeReading reading = readBadge(text, config);
        if (reading.ok())
            ++ok;
        else
            EXPECT_FALSE(reading.reason.empty()) << "round " << round;
    }
    EXPECT_LT(ok, 4000);
}

} // namespace
} // namespace meetscan::scanner
