#include "meetscan/scanner/badge_reading.hpp"
#include "meetscan/scanner/base64.hpp"
#include "meetscan/scanner/pretix_ticket.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

namespace meetscan::scanner {
namespace {

// Made independently with Python's `cryptography` the way pretix/base/secrets.py does it:
// key = Ed25519 from bytes 0..31, payload = Ticket{seed "x7kq2mz9p", item 12, variation 3,
// subevent 1001}, secret = b64encode(0x01 | n | m | payload | signature).decode()[::-1].
constexpr std::string_view kPythonKeyPem = "LS0tLS1CRUdJTiBQVUJMSUMgS0VZLS0tLS0KTUNvd0JRWURLMlZ3QXlFQUE2RUh2L"
                                           "1BPRUw0ZGNOMFk1MHZBbVdmazFqQ2JwUTFmSGR5R1pCSlZN"
                                           "Ymc9Ci0tLS0tRU5EIFBVQkxJQyBLRVktLS0tLQo=";
constexpr std::string_view kPythonRawKey = "A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=";
constexpr std::string_view kPythonTicket = "EsTt1jwicAFJdrbQitcDJ9EwjoSHpawmapjmUqSHKEb6t48pilXYsqAkVFk+"
                                           "o0Q3lGmV3LPAqDp3b2OhfGilWeQ6gMAGMABc5oXbyE3a3gXCKAEASAQA";

std::string reverse(std::string_view text) {
    return {text.rbegin(), text.rend()};
}

// The raw bytes inside a ticket, and back.
std::string rawOf(std::string_view ticket) {
    return *decodeBase64(reverse(ticket));
}

std::string ticketOf(const std::string& raw) {
    return reverse(encodeBase64(raw));
}

class PretixTicketTest : public ::testing::Test {
protected:
    KeyPair m_keys = generateKeyPair();
    ReaderConfig m_config{{}, {m_keys.publicKey}, {}, 4096};
    PretixTicket m_ticket{"abcdefghi", 17, 0, 0, std::nullopt, std::nullopt};
};

TEST(PretixCompatibility, ReadsATicketMadeByPretixsOwnAlgorithm) {
    const auto key = parsePretixKey(kPythonKeyPem);
    ASSERT_TRUE(key.ok()) << key.error().message;
    EXPECT_EQ(*decodeBase64(kPythonRawKey), std::string(key->bytes.begin(), key->bytes.end()));
    const auto reading = readBadge(kPythonTicket, ReaderConfig{{}, {*key}, {}, 4096});
    EXPECT_EQ(reading.kind, BadgeKind::PretixSigned);
    ASSERT_EQ(reading.verdict, ReadVerdict::Ok) << reading.reason;
    EXPECT_EQ(reading.code, kPythonTicket); // the whole secret, as pretix exports it
    ASSERT_TRUE(reading.pretix.has_value());
    EXPECT_EQ(reading.pretix->seed, "x7kq2mz9p");
    EXPECT_EQ(reading.pretix->item, 12);
    EXPECT_EQ(reading.pretix->variation, 3);
    EXPECT_EQ(reading.pretix->subevent, 1001);
    EXPECT_FALSE(reading.pretix->validFromUnixTime.has_value());
}

TEST(PretixCompatibility, OurKeyStringsMatchPythonsPem) {
    const auto key = parsePretixKey(kPythonKeyPem);
    ASSERT_TRUE(key.ok());
    EXPECT_EQ(pretixPublicKeyPem(*key), kPythonKeyPem);
}

TEST_F(PretixTicketTest, MadeTicketReadsBackWithAllFields) {
    const PretixTicket full{"Zq8Lm3Np2", 4242, 7, 99, 1700000000, 1900000000};
    const std::string text = makePretixTicket(full, m_keys);
    const auto reading = readBadge(text, m_config);
    ASSERT_EQ(reading.verdict, ReadVerdict::Ok) << reading.reason;
    EXPECT_EQ(reading.kind, BadgeKind::PretixSigned);
    EXPECT_EQ(reading.code, text);
    ASSERT_TRUE(reading.pretix.has_value());
    EXPECT_EQ(*reading.pretix, full);
    EXPECT_EQ(reading.signedBy, m_keys.publicKey);
}

TEST_F(PretixTicketTest, NegativeAndZeroFieldsSurviveTheProtobufRoundTrip) {
    const PretixTicket odd{"s", -5, 0, 1LL << 40, 0, -1};
    const auto reading = readBadge(makePretixTicket(odd, m_keys), m_config);
    ASSERT_TRUE(reading.ok()) << reading.reason;
    EXPECT_EQ(*reading.pretix, odd);
}

TEST_F(PretixTicketTest, KeyStringRoundTrips) {
    const std::string pem = pretixPublicKeyPem(m_keys.publicKey);
    const auto decoded = decodeBase64(pem);
    ASSERT_TRUE(decoded.has_value());
    EXPECT_TRUE(decoded->starts_with("-----BEGIN PUBLIC KEY-----\n"));
    const auto back = parsePretixKey(pem);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, m_keys.publicKey);
    const auto fromPemText = parsePretixKey(*decoded);
    ASSERT_TRUE(fromPemText.ok());
    EXPECT_EQ(*fromPemText, m_keys.publicKey);
}

TEST_F(PretixTicketTest, BadKeyStringsAreRejected) {
    EXPECT_FALSE(parsePretixKey("").ok());
    EXPECT_FALSE(parsePretixKey("%%%").ok());
    EXPECT_FALSE(parsePretixKey(encodeBase64("no pem here")).ok());
    // An RSA-sized body, or an Ed25519 prefix with the wrong length.
    EXPECT_FALSE(parsePretixKey(encodeBase64("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A\n"
                                             "-----END PUBLIC KEY-----\n"))
                     .ok());
    EXPECT_FALSE(parsePretixKey(
                     encodeBase64("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n"))
                     .ok());
}

TEST_F(PretixTicketTest, FlippedPayloadByteIsForged) {
    const std::string raw = rawOf(makePretixTicket(m_ticket, m_keys));
    const std::size_t payloadSize = encodePretixPayload(m_ticket).size();
    for (std::size_t i = 5; i < 5 + payloadSize; ++i) {
        std::string altered = raw;
        altered[i] = static_cast<char>(altered[i] ^ 0x01);
        const auto reading = readBadge(ticketOf(altered), m_config);
        EXPECT_EQ(reading.kind, BadgeKind::PretixSigned);
        EXPECT_EQ(reading.verdict, ReadVerdict::Forged) << "byte " << i;
    }
}

TEST_F(PretixTicketTest, FlippedSignatureByteIsForged) {
    const std::string raw = rawOf(makePretixTicket(m_ticket, m_keys));
    for (std::size_t i = raw.size() - 64; i < raw.size(); i += 3) {
        std::string altered = raw;
        altered[i] = static_cast<char>(altered[i] ^ 0x10);
        EXPECT_EQ(readBadge(ticketOf(altered), m_config).verdict, ReadVerdict::Forged) << "byte " << i;
    }
}

TEST_F(PretixTicketTest, WrongOrMissingKeyIsForged) {
    const std::string text = makePretixTicket(m_ticket, generateKeyPair());
    const auto reading = readBadge(text, m_config);
    EXPECT_EQ(reading.verdict, ReadVerdict::Forged);
    EXPECT_NE(reading.reason.find("trusted"), std::string::npos) << reading.reason;
    EXPECT_EQ(readBadge(makePretixTicket(m_ticket, m_keys), ReaderConfig{}).verdict, ReadVerdict::Forged);
    // MeetScan keys are not pretix keys.
    EXPECT_EQ(
        readBadge(makePretixTicket(m_ticket, m_keys), ReaderConfig{{m_keys.publicKey}, {}, {}, 4096}).verdict,
        ReadVerdict::Forged);
}

TEST_F(PretixTicketTest, TruncatedTicketsAreMalformed) {
    const std::string text = makePretixTicket(m_ticket, m_keys);
    // The text is reversed base64: cutting its front loses the signature's tail, its end the header.
    for (const std::size_t cut : {1u, 2u, 4u, 8u, 20u}) {
        const auto front = readBadge(text.substr(cut), m_config);
        EXPECT_EQ(front.kind, BadgeKind::PretixSigned) << cut;
        EXPECT_EQ(front.verdict, ReadVerdict::Malformed) << cut;
    }
    // Cutting the end loses the version byte; such text is only told from a plain id when it
    // starts with reversed base64 padding, which a 10-character seed gives (83 raw bytes).
    const std::string padded = makePretixTicket({"0123456789", 17, 0, 0, std::nullopt, std::nullopt}, m_keys);
    ASSERT_EQ(padded.front(), '=');
    for (const std::size_t cut : {1u, 3u, 4u, 9u}) {
        const auto back = readBadge(padded.substr(0, padded.size() - cut), m_config);
        EXPECT_EQ(back.kind, BadgeKind::PretixSigned) << cut;
        EXPECT_EQ(back.verdict, ReadVerdict::Malformed) << cut;
        EXPECT_FALSE(readBadge(text.substr(0, text.size() - cut), m_config).pretix.has_value());
    }
}

TEST_F(PretixTicketTest, BadBase64IsMalformed) {
    std::string text = makePretixTicket(m_ticket, m_keys);
    text[text.size() / 2] = '=';
    const auto reading = readBadge(text, m_config);
    EXPECT_EQ(reading.kind, BadgeKind::PretixSigned);
    EXPECT_EQ(reading.verdict, ReadVerdict::Malformed);
}

TEST_F(PretixTicketTest, LengthsThatDoNotAddUpAreMalformed) {
    const std::string raw = rawOf(makePretixTicket(m_ticket, m_keys));
    for (const auto& [offset, value] : std::vector<std::pair<std::size_t, unsigned char>>{
             {1, 0xFF}, {2, 0xFF}, {3, 0xFF}, {4, 0x00}, {4, 0x41}}) {
        std::string altered = raw;
        altered[offset] = static_cast<char>(value);
        const auto reading = readBadge(ticketOf(altered), m_config);
        EXPECT_EQ(reading.kind, BadgeKind::PretixSigned) << offset;
        EXPECT_EQ(reading.verdict, ReadVerdict::Malformed) << offset;
    }
    // A signature that is not 64 bytes, with the header telling the truth about it.
    std::string shortSignature = raw.substr(0, raw.size() - 1);
    shortSignature[4] = 63;
    const auto reading = readBadge(ticketOf(shortSignature), m_config);
    EXPECT_EQ(reading.verdict, ReadVerdict::Malformed);
    EXPECT_NE(reading.reason.find("signature"), std::string::npos) << reading.reason;
}

TEST_F(PretixTicketTest, OtherVersionIsMalformed) {
    std::string raw = rawOf(makePretixTicket(m_ticket, m_keys));
    raw[0] = 0x02;
    const auto reading = readBadge(ticketOf(raw), m_config);
    EXPECT_EQ(reading.kind, BadgeKind::PretixSigned);
    EXPECT_EQ(reading.verdict, ReadVerdict::Malformed);
    EXPECT_NE(reading.reason.find("version"), std::string::npos) << reading.reason;
}

TEST_F(PretixTicketTest, SignedPayloadThatIsNoTicketIsMalformed) {
    const auto signedTicket = [&](const std::string& payload) {
        std::string signature(crypto_sign_BYTES, '\0');
        crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr,
                             reinterpret_cast<const unsigned char*>(payload.data()), payload.size(),
                             m_keys.secretKey.data());
        std::string raw{'\x01', '\0', static_cast<char>(payload.size()), '\0', '\x40'};
        return ticketOf(raw + payload + signature);
    };
    ASSERT_TRUE(readBadge(signedTicket(std::string("\x0a\x03"
                                                   "abc\x10\x05",
                                                   7)),
                          m_config)
                    .ok());
    const std::vector<std::string> notTickets = {
        std::string("\x12\x01x", 3), // item (2) as a length-delimited field
        std::string("\x0a\x09"
                    "abc",
                    5),                     // seed longer than the message
        std::string("\x10\xff\xff", 3),     // varint cut off
        std::string("\x0a\x02\xc3\x28", 4), // seed not UTF-8
        std::string("\x0b\x00", 2),         // wire type 3 (group)
    };
    for (const auto& payload : notTickets) {
        const auto reading = readBadge(signedTicket(payload), m_config);
        EXPECT_EQ(reading.kind, BadgeKind::PretixSigned);
        EXPECT_EQ(reading.verdict, ReadVerdict::Malformed) << reading.reason;
    }
    // Unknown fields are skipped as protobuf does.
    const auto future =
        readBadge(signedTicket(std::string("\x0a\x01z\x38\x01\x42\x02hi\x10\x07", 11)), m_config);
    ASSERT_TRUE(future.ok()) << future.reason;
    EXPECT_EQ(future.pretix->seed, "z");
    EXPECT_EQ(future.pretix->item, 7);
}

TEST_F(PretixTicketTest, PlainIdsAndRandomPretixSecretsAreNotClaimed) {
    for (const std::string& text : std::vector<std::string>{
             "abcd", "AQAB", "2n8tqmhc7p5zkx3vb9wj4ray6dfe", "abcdefghjkmnpqrstuvwxyz23456789a",
             "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4"}) {
        const auto reading = readBadge(text, m_config);
        EXPECT_EQ(reading.kind, BadgeKind::PlainId) << text;
        EXPECT_EQ(reading.verdict, ReadVerdict::Ok) << text << ": " << reading.reason;
    }
}

} // namespace
} // namespace meetscan::scanner
