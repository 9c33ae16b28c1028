// Every vCard in ../shared/peer-suites/vcards/ (ez-vcard's samples from real address books)
// must yield the right name, organisation, title, e-mail and phone. Expectations written by hand
// from reading each file.
#include "meetscan/scanner/badge_reading.hpp"
#include "meetscan/scanner/vcard.hpp"
#include "support/temp_dir.hpp"

#include <filesystem>
#include <gtest/gtest.h>
#include <map>

namespace meetscan::scanner {
namespace {

std::string repeat(std::string_view piece, int times, std::string_view separator = "") {
    std::string out;
    for (int i = 0; i < times; ++i) {
        if (i > 0)
            out += separator;
        out += piece;
    }
    return out;
}

// uid, first, last, company, title, email, phone
const std::map<std::string, std::vector<Contact>>& expectations() {
    static const std::map<std::string, std::vector<Contact>> kExpected = {
        {"John_Doe_ANDROID.vcf",
         {
             {"", "", "", "", "", "john.doe@company.com", ""},
             {"", "", "", "", "", "jane.doe@company.com", ""},
             {"", "", repeat("Ñ", 4, " "), "", "", "", "123456789"},
             {"", "", repeat("Ñ", 11, " "), "", "", "", "123456"},
             {"", repeat("Ñ", 3, " "), repeat("Ñ", 2, " "), repeat("Ñ", 12), "", "bob@company.com", "123456"},
             {"", "", repeat("Ñ", 4), repeat("Ñ", 44), "", "henry@company.com", "55556666"},
         }},
        {"John_Doe_EVOLUTION.vcf",
         {{"477343c8e6bf375a9bac1f96a5000837", "John", "Doe", "IBM", "Money Counter", "john.doe@ibm.com",
           "905-666-1234"}}},
        {"John_Doe_GMAIL.vcf",
         {{"", "John", "Doe", "IBM", "Money Counter", "john.doe@ibm.com", "905-555-1234"}}},
        {"John_Doe_IPHONE.vcf",
         {{"", "John", "Doe", "IBM", "Money Counter", "john.doe@ibm.com", "905-555-1234"}}},
        {"John_Doe_MAC_ADDRESS_BOOK.vcf",
         {{"", "John", "Doe", "IBM", "Money Counter", "john.doe@ibm.com", "905-777-1234"}}},
        {"John_Doe_MS_OUTLOOK.vcf",
         {{"", "John", "Doe", "IBM", "Money Counter", "john.doe@ibm.cm", "(905) 555-1234"}}},
        {"gmail-single.vcf",
         {{"", "Greg", "Dartmouth", "TheCompany", "TheJobTitle", "gdartmouth@hotmail.com", "555 555 1111"}}},
        {"outlook-2007.vcf",
         {{"", "Michael", "Angstadt", "TheCompany", "TheJobTitle", "mike.angstadt@gmail.com",
           "(111) 555-4444"}}},
        {"rfc6350-example.vcf",
         {{"", "Simon", "Perreault", "Viagenie", "", "simon.perreault@viagenie.ca",
           "+1-418-656-9254;ext=102"}}},
    };
    return kExpected;
}

std::filesystem::path suiteDir() {
    const auto shared = test::sharedDir();
    return shared.empty() ? std::filesystem::path() : shared / "peer-suites" / "vcards";
}

void expectContact(const Contact& actual, const Contact& expected, const std::string& where) {
    EXPECT_EQ(actual.firstName, expected.firstName) << where;
    EXPECT_EQ(actual.lastName, expected.lastName) << where;
    EXPECT_EQ(actual.company, expected.company) << where;
    EXPECT_EQ(actual.title, expected.title) << where;
    EXPECT_EQ(actual.email, expected.email) << where;
    EXPECT_EQ(actual.phone, expected.phone) << where;
    EXPECT_EQ(actual.uid, expected.uid) << where;
}

TEST(VCardPeerSuite, EveryFileHasExpectations) {
    const auto dir = suiteDir();
    if (dir.empty() || !std::filesystem::is_directory(dir))
        GTEST_SKIP() << "no ../shared/peer-suites/vcards";
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".vcf")
            continue;
        ++files;
        EXPECT_TRUE(expectations().contains(entry.path().filename().string()))
            << entry.path().filename() << " is new: write its expectations";
    }
    EXPECT_EQ(files, static_cast<int>(expectations().size()));
}

TEST(VCardPeerSuite, EveryCardYieldsTheRightContact) {
    const auto dir = suiteDir();
    if (dir.empty() || !std::filesystem::is_directory(dir))
        GTEST_SKIP() << "no ../shared/peer-suites/vcards";
    for (const auto& [name, expected] : expectations()) {
        const auto path = dir / name;
        ASSERT_TRUE(std::filesystem::exists(path)) << path;
        const auto contacts = parseVCards(test::readFile(path));
        ASSERT_TRUE(contacts.ok()) << name << ": " << contacts.error().message;
        ASSERT_EQ(contacts->size(), expected.size()) << name;
        for (std::size_t i = 0; i < expected.size(); ++i)
            expectContact((*contacts)[i], expected[i], name + " card " + std::to_string(i + 1));
    }
}

TEST(VCardPeerSuite, ReadBadgeTakesTheFirstCardOfEachFile) {
    const auto dir = suiteDir();
    if (dir.empty() || !std::filesystem::is_directory(dir))
        GTEST_SKIP() << "no ../shared/peer-suites/vcards";
    ReaderConfig config;
    config.maxLength = 1 << 20; // the address-book exports carry photos; a badge would not
    for (const auto& [name, expected] : expectations()) {
        const auto reading = readBadge(test::readFile(dir / name), config);
        EXPECT_EQ(reading.kind, BadgeKind::VCard) << name;
        ASSERT_EQ(reading.verdict, ReadVerdict::Ok) << name << ": " << reading.reason;
        ASSERT_TRUE(reading.contact.has_value());
        expectContact(*reading.contact, expected.front(), name);
        EXPECT_EQ(reading.code, expected.front().uid) << name;
    }
}

} // namespace
} // namespace meetscan::scanner
