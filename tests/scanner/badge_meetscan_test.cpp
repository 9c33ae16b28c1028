#include "meetscan/scanner/badge_reading.hpp"
#include "meetscan/scanner/base64.hpp"
#include "meetscan/scanner/signing.hpp"
#include "support/temp_dir.hpp"

#include <fstream>
#include <gtest/gtest.h>
#include <sodium.h>
#include <sys/stat.h>

namespace meetscan::scanner {
namespace {

struct Ms1Parts {
    std::string payload, signature;
};

Ms1Parts splitBadge(const std::string& text) {
    const auto first = text.find('.');
    const auto second = text.find('.', first + 1);
    return {*decodeBase64Url(text.substr(first + 1, second - first - 1)),
            *decodeBase64Url(text.substr(second + 1))};
}

std::string joinBadge(const Ms1Parts& parts) {
    return "MS1." + encodeBase64Url(parts.payload) + "." + encodeBase64Url(parts.signature);
}

class MeetScanBadgeTest : public ::testing::Test {
protected:
    KeyPair m_keys = generateKeyPair();
    ReaderConfig m_config{{m_keys.publicKey}, {}, {}, 4096};
    BadgePayload m_payload{"A-1042", "Zoë", "Åkerlund", "Nordic Widgets AB"};
};

TEST_F(MeetScanBadgeTest, SignedBadgeReadsBackWithCodeAndContact) {
    const std::string text = signBadge(m_payload, m_keys);
    ASSERT_TRUE(text.starts_with("MS1."));
    const BadgeReading reading = readBadge(text, m_config);
    EXPECT_EQ(reading.kind, BadgeKind::MeetScanSigned);
    EXPECT_EQ(reading.verdict, ReadVerdict::Ok) << reading.reason;
    EXPECT_EQ(reading.code, "A-1042");
    ASSERT_TRUE(reading.contact.has_value());
    EXPECT_EQ(reading.contact->firstName, "Zoë");
    EXPECT_EQ(reading.contact->lastName, "Åkerlund");
    EXPECT_EQ(reading.contact->company, "Nordic Widgets AB");
    ASSERT_TRUE(reading.signedBy.has_value());
    EXPECT_EQ(*reading.signedBy, m_keys.publicKey);
}

TEST_F(MeetScanBadgeTest, PayloadIsTheDocumentedCompactJson) {
    EXPECT_EQ(encodeBadgePayload({"B7", "Ann", "", ""}), R"({"c":"B7","f":"Ann","v":1})");
    const auto parts = splitBadge(signBadge(m_payload, m_keys));
    EXPECT_EQ(parts.payload, encodeBadgePayload(m_payload));
    EXPECT_EQ(parts.signature.size(), 64u);
}

TEST_F(MeetScanBadgeTest, AnyOfSeveralTrustedKeysVerifies) {
    const KeyPair other = generateKeyPair();
    const ReaderConfig config{{other.publicKey, m_keys.publicKey}, {}, {}, 4096};
    EXPECT_TRUE(readBadge(signBadge(m_payload, m_keys), config).ok());
}

TEST_F(MeetScanBadgeTest, FlippedPayloadByteIsForged) {
    auto parts = splitBadge(signBadge(m_payload, m_keys));
    for (std::size_t i = 0; i < parts.payload.size(); i += 7) {
        auto altered = parts;
        altered.payload[i] = static_cast<char>(altered.payload[i] ^ 0x01);
        const auto reading = readBadge(joinBadge(altered), m_config);
        EXPECT_EQ(reading.verdict, ReadVerdict::Forged) << "byte " << i;
        EXPECT_EQ(reading.kind, BadgeKind::MeetScanSigned);
        EXPECT_FALSE(reading.reason.empty());
    }
}

TEST_F(MeetScanBadgeTest, ChangedCodeWithOldSignatureIsForged) {
    auto parts = splitBadge(signBadge(m_payload, m_keys));
    parts.payload = encodeBadgePayload({"A-9999", "Zoë", "Åkerlund", "Nordic Widgets AB"});
    EXPECT_EQ(readBadge(joinBadge(parts), m_config).verdict, ReadVerdict::Forged);
}

TEST_F(MeetScanBadgeTest, FlippedSignatureByteIsForged) {
    auto parts = splitBadge(signBadge(m_payload, m_keys));
    for (std::size_t i = 0; i < parts.signature.size(); i += 5) {
        auto altered = parts;
        altered.signature[i] = static_cast<char>(altered.signature[i] ^ 0x80);
        EXPECT_EQ(readBadge(joinBadge(altered), m_config).verdict, ReadVerdict::Forged) << "byte " << i;
    }
}

TEST_F(MeetScanBadgeTest, UntrustedKeyIsForged) {
    const KeyPair stranger = generateKeyPair();
    const auto reading = readBadge(signBadge(m_payload, stranger), m_config);
    EXPECT_EQ(reading.verdict, ReadVerdict::Forged);
    EXPECT_NE(reading.reason.find("trusted"), std::string::npos) << reading.reason;
    EXPECT_EQ(readBadge(signBadge(m_payload, m_keys), ReaderConfig{}).verdict, ReadVerdict::Forged);
}

TEST_F(MeetScanBadgeTest, StructurallyBrokenBadgesAreMalformed) {
    const std::string good = signBadge(m_payload, m_keys);
    const auto parts = splitBadge(good);
    const std::vector<std::string> broken = {
        "MS1.",
        "MS1.abc",
        good.substr(0, good.size() - 10),                  // truncated signature
        good.substr(0, good.find('.', 4)),                 // no signature at all
        good + ".extra",                                   // a fourth part
        "MS1." + encodeBase64Url(parts.payload) + ".!!!!", // bad base64
        "MS1.@@@." + encodeBase64Url(parts.signature),
        "MS1." + encodeBase64Url(parts.payload) + "." + encodeBase64Url(parts.signature + "xx"),
    };
    for (const auto& text : broken) {
        const auto reading = readBadge(text, m_config);
        EXPECT_EQ(reading.kind, BadgeKind::MeetScanSigned) << text;
        EXPECT_EQ(reading.verdict, ReadVerdict::Malformed) << text;
        EXPECT_FALSE(reading.reason.empty());
    }
}

TEST_F(MeetScanBadgeTest, ValidlySignedButUnusablePayloadIsMalformed) {
    const auto signRaw = [&](const std::string& payload) {
        Ms1Parts parts{payload, std::string(crypto_sign_BYTES, '\0')};
        crypto_sign_detached(reinterpret_cast<unsigned char*>(parts.signature.data()), nullptr,
                             reinterpret_cast<const unsigned char*>(payload.data()), payload.size(),
                             m_keys.secretKey.data());
        return joinBadge(parts);
    };
    ASSERT_TRUE(readBadge(signRaw(R"({"v":1,"c":"Q7"})"), m_config).ok());
    for (const std::string& payload :
         std::vector<std::string>{R"({"v":2,"c":"Q7"})", R"({"c":"Q7"})", R"({"v":1})", R"({"v":1,"c":""})",
                                  "not json", R"(["v",1])"}) {
        const auto reading = readBadge(signRaw(payload), m_config);
        EXPECT_EQ(reading.verdict, ReadVerdict::Malformed) << payload;
        EXPECT_FALSE(reading.reason.empty());
    }
}

TEST(PublicKeyText, RoundTripsThroughBase64) {
    const KeyPair keys = generateKeyPair();
    const std::string text = encodePublicKey(keys.publicKey);
    EXPECT_EQ(text.size(), 44u);
    const auto back = decodePublicKey(text);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, keys.publicKey);
    EXPECT_FALSE(decodePublicKey("not base64!").ok());
    EXPECT_FALSE(decodePublicKey(encodeBase64("too short")).ok());
}

TEST(KeyPairFile, WritesMode0600AndReadsBack) {
    const test::TempDir dir;
    const auto path = dir / "event.key";
    const KeyPair keys = generateKeyPair();
    ASSERT_TRUE(writeKeyPairFile(path, keys).ok());
    struct stat info {};
    ASSERT_EQ(::stat(path.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    const auto back = readKeyPairFile(path);
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(back->publicKey, keys.publicKey);
    EXPECT_EQ(back->secretKey, keys.secretKey);
    // A key read from the file signs badges the original key's readers accept.
    EXPECT_TRUE(
        readBadge(signBadge({"X1", "", "", ""}, *back), ReaderConfig{{keys.publicKey}, {}, {}, 4096}).ok());
}

TEST(KeyPairFile, ReplacingAWorldReadableFileTightensItsMode) {
    const test::TempDir dir;
    const auto path = dir.write("event.key", "old");
    ASSERT_EQ(::chmod(path.c_str(), 0644), 0);
    ASSERT_TRUE(writeKeyPairFile(path, generateKeyPair()).ok());
    struct stat info {};
    ASSERT_EQ(::stat(path.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
}

TEST(KeyPairFile, RejectsMissingBrokenAndMismatchedFiles) {
    const test::TempDir dir;
    EXPECT_FALSE(readKeyPairFile(dir / "missing.key").ok());
    EXPECT_FALSE(readKeyPairFile(dir.write("a.key", "not json")).ok());
    EXPECT_FALSE(readKeyPairFile(dir.write("b.key", R"({"format":"other"})")).ok());
    const KeyPair one = generateKeyPair();
    const KeyPair two = generateKeyPair();
    const std::string mismatched =
        std::string(R"({"format":"meetscan-ed25519","public_key":")") + encodePublicKey(two.publicKey) +
        R"(","secret_key":")" + encodeBase64(std::string(one.secretKey.begin(), one.secretKey.end())) + "\"}";
    const auto result = readKeyPairFile(dir.write("c.key", mismatched));
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().message.find("does not belong"), std::string::npos) << result.error().message;
}

} // namespace
} // namespace meetscan::scanner
