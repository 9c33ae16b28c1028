#include "meetscan/scanner/badge_reading.hpp"
#include "meetscan/scanner/vcard.hpp"

#include <gtest/gtest.h>

namespace meetscan::scanner {
namespace {

const ReaderConfig kVcardDefaults{};

TEST(VCardBadge, Version3WithEscapesAndPreferredFields) {
    const std::string text =
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:M\\;ller\\, Sr.;Anna;;Dr.;\r\nFN:Dr. Anna Müller\r\n"
        "ORG:Müller\\, Schmidt & Co.;R&D\r\nTITLE:Head of R\\&D\\nEMEA\r\n"
        "EMAIL;TYPE=work:work@example.de\r\nEMAIL;TYPE=home,pref:anna@example.de\r\n"
        "TEL;TYPE=work:+49 30 1\r\nTEL;TYPE=cell:+49 170 2\r\nUID:urn:uuid:1234\r\nEND:VCARD\r\n";
    const auto reading = readBadge(text, kVcardDefaults);
    EXPECT_EQ(reading.kind, BadgeKind::VCard);
    ASSERT_TRUE(reading.ok()) << reading.reason;
    EXPECT_EQ(reading.code, "urn:uuid:1234");
    const Contact expected{
        "urn:uuid:1234",   "Anna",     "M;ller, Sr.", "Müller, Schmidt & Co.", "Head of R\\&D\nEMEA",
        "anna@example.de", "+49 170 2"};
    EXPECT_EQ(*reading.contact, expected);
}

TEST(VCardBadge, Version21QuotedPrintableWithSoftBreaksAndLatin1) {
    // "Jürgen" and "Größe GmbH" in ISO-8859-1, the organisation split by a soft line break.
    const std::string text =
        "BEGIN:VCARD\r\nVERSION:2.1\r\n"
        "N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Wei=DF;J=FCrgen\r\n"
        "ORG;CHARSET=ISO-8859-1;QUOTED-PRINTABLE:Gr=F6=DFe =\r\nGmbH\r\n"
        "TITLE;CHARSET=windows-1252;ENCODING=QUOTED-PRINTABLE:Caf=E9 =80 Boss\r\n"
        "TEL;WORK;VOICE:+49 1\r\nTEL;CELL:+49 2\r\nEMAIL;INTERNET:j@example.de\r\nEND:VCARD\r\n";
    const auto reading = readBadge(text, kVcardDefaults);
    ASSERT_TRUE(reading.ok()) << reading.reason;
    EXPECT_EQ(reading.contact->firstName, "Jürgen");
    EXPECT_EQ(reading.contact->lastName, "Weiß");
    EXPECT_EQ(reading.contact->company, "Größe GmbH");
    EXPECT_EQ(reading.contact->title, "Café € Boss");
    EXPECT_EQ(reading.contact->phone, "+49 2");
    EXPECT_EQ(reading.contact->email, "j@example.de");
}

TEST(VCardBadge, Version4FoldedLinesAndUriValues) {
    const std::string text =
        "BEGIN:VCARD\nVERSION:4.0\nFN:Kwame\n  Mensah\nN:Mensah;Kwa\n me;;;\nORG:Ga\n\tna Tech\n"
        "EMAIL;PREF=2:second@example.gh\nEMAIL;PREF=1:mailto:first@example.gh\n"
        "TEL;VALUE=uri;TYPE=\"voice,cell\":tel:+233-20-555-0101\nEND:VCARD\n";
    const auto reading = readBadge(text, kVcardDefaults);
    ASSERT_TRUE(reading.ok()) << reading.reason;
    EXPECT_EQ(reading.contact->firstName, "Kwame");
    EXPECT_EQ(reading.contact->lastName, "Mensah");
    EXPECT_EQ(reading.contact->company, "Gana Tech");
    EXPECT_EQ(reading.contact->email, "first@example.gh");
    EXPECT_EQ(reading.contact->phone, "+233-20-555-0101");
}

TEST(VCardBadge, FullNameFallbackAndBase64Value) {
    // TITLE "Señora" as UTF-8 in base64, the way vCard 3.0 ENCODING=b carries binary-safe text.
    const std::string text =
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:María José García\r\nTITLE;ENCODING=b:U2XDsW9yYQ==\r\n"
        "PHOTO;ENCODING=b;TYPE=JPEG:!!!not base64 but never decoded!!!\r\nEND:VCARD";
    const auto reading = readBadge(text, kVcardDefaults);
    ASSERT_TRUE(reading.ok()) << reading.reason;
    EXPECT_EQ(reading.contact->firstName, "María José");
    EXPECT_EQ(reading.contact->lastName, "García");
    EXPECT_EQ(reading.contact->title, "Señora");
}

TEST(VCardBadge, AppleGroupPrefixes) {
    const std::string text =
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Chen;Li;;;\r\nitem1.EMAIL;type=INTERNET:li@x.cn\r\n"
        "item1.X-ABLabel:work\r\nitem2.TEL:+86 10 1\r\nEND:VCARD\r\n";
    const auto reading = readBadge(text, kVcardDefaults);
    ASSERT_TRUE(reading.ok()) << reading.reason;
    EXPECT_EQ(reading.contact->email, "li@x.cn");
    EXPECT_EQ(reading.contact->phone, "+86 10 1");
}

TEST(VCardBadge, FirstOfSeveralCards) {
    const std::string text =
        "BEGIN:VCARD\nVERSION:3.0\nN:One;Ann\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nN:Two;Bo\n"
        "END:VCARD\n";
    const auto reading = readBadge(text, kVcardDefaults);
    ASSERT_TRUE(reading.ok());
    EXPECT_EQ(reading.contact->lastName, "One");
    const auto all = parseVCards(text);
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 2u);
    EXPECT_EQ((*all)[1].firstName, "Bo");
}

TEST(VCardBadge, SoftBreakBeforeEndDoesNotSwallowTheEnd) {
    const auto reading = readBadge(
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Ito;Yui\r\nNOTE;QUOTED-PRINTABLE:a=\r\nEND:VCARD\r\n", kVcardDefaults);
    ASSERT_TRUE(reading.ok()) << reading.reason;
    EXPECT_EQ(reading.contact->lastName, "Ito");
}

TEST(VCardBadge, BrokenCardsAreMalformed) {
    for (const std::string& text : std::vector<std::string>{
             "BEGIN:VCARD\nVERSION:3.0\nN:Cut;Off\n", "BEGIN:VCARD\nVERSION:3.0\nEND:VCARD",
             "BEGIN:VCARD\nN;CHARSET=utf-8;ENCODING=QUOTED-PRINTABLE:=C3=28\nEND:VCARD",
             "BEGIN:VCARD\nN;CHARSET=no-such-charset;ENCODING=QUOTED-PRINTABLE:abc\nEND:VCARD",
             "BEGIN:VCARD\nTITLE;ENCODING=b:%%%%\nN:A;B\nEND:VCARD"}) {
        const auto reading = readBadge(text, kVcardDefaults);
        EXPECT_EQ(reading.kind, BadgeKind::VCard) << text;
        EXPECT_EQ(reading.verdict, ReadVerdict::Malformed) << text;
        EXPECT_FALSE(reading.reason.empty());
    }
}

} // namespace
} // namespace meetscan::scanner
