// vCard 4.0 text rules (RFC 6350 3.2 folding, 3.4 escaping) and the packet JSON/CSV shape.
#include "core/export/latin_fold.hpp"
#include "core/export/packet_connections_csv.hpp"
#include "core/export/packet_data.hpp"
#include "core/export/packet_json.hpp"
#include "core/export/vcard_writer.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <thread>

namespace meetscan::core {
namespace {

TEST(ExportVCard, EscapesBackslashCommaSemicolonAndNewlines) {
    EXPECT_EQ(escapeVCardText("a\\b,c;d\ne\r\nf"), "a\\\\b\\,c\\;d\\ne\\nf");
}

TEST(ExportVCard, FoldsAt75OctetsWithoutSplittingCharacters) {
    std::string line = "NOTE:";
    for (int i = 0; i < 60; ++i)
        line += "Жа"; // two octets each: folds fall between characters only if we are careful
    line += "x王";
    const auto folded = foldVCardLine(line);
    std::string unfolded;
    std::size_t start = 0;
    bool first = true;
    while (start < folded.size()) {
        const auto end = folded.find("\r\n", start);
        ASSERT_NE(end, std::string::npos);
        const auto physical = folded.substr(start, end - start);
        EXPECT_LE(physical.size(), 75U);
        if (!first) {
            ASSERT_EQ(physical[0], ' ');
            EXPECT_NE(static_cast<unsigned char>(physical[1]) & 0xC0U, 0x80U) << "continuation byte after fold";
        }
        unfolded += first ? physical : physical.substr(1);
        first = false;
        start = end + 2;
    }
    EXPECT_EQ(unfolded, line);
    EXPECT_EQ(foldVCardLine("FN:Ana"), "FN:Ana\r\n");
}

TEST(ExportVCard, CardHasVersionAndOnlyTheGivenDetails) {
    VCardContact contact;
    contact.uid = "X1";
    contact.fullName = "Ana Silva";
    contact.organisation = "Acme, Inc";
    const auto card = vcardOf(contact);
    EXPECT_EQ(card, "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ana Silva\r\nORG:Acme\\, Inc\r\nUID:urn:meetscan:X1\r\n"
                    "END:VCARD\r\n");
}

TEST(ExportPacket, FolderNamesAreSafeSlugsPlusId) {
    Attendee a;
    a.id = "ID1";
    a.firstName = "Ana María";
    a.lastName = "O'Brien/../x";
    LatinFolder latin;
    EXPECT_EQ(packetFolderName(a, latin), "ana-maria-o-brien-x_ID1");
    a.firstName = "Vinícius";
    a.lastName = "Assunção Þórsson";
    EXPECT_EQ(packetFolderName(a, latin), "vinicius-assuncao-thorsson_ID1");
    // Any script is spelt in Latin letters, so a file manager shows whose packet it is.
    a.firstName = "小明";
    a.lastName = "王";
    EXPECT_EQ(packetFolderName(a, latin), "wang-xiao-ming_ID1");
    a.firstName = "Иван";
    a.lastName = "Петров";
    EXPECT_EQ(packetFolderName(a, latin), "ivan-petrov_ID1");
    a.firstName = "太郎";
    a.lastName = "山田";
    EXPECT_EQ(packetFolderName(a, latin), "shan-tian-tai-lang_ID1");
    a.firstName = "Ελένη";
    a.lastName = "Παππά";
    EXPECT_EQ(packetFolderName(a, latin), "elene-pappa_ID1");
    a.firstName = "😀";
    a.lastName = "";
    EXPECT_EQ(packetFolderName(a, latin), "ID1"); // nothing to spell: the id alone
}

TEST(LatinFold, SpellsNamesOfAnyScriptInAsciiAndMarksTheRest) {
    LatinFolder latin;
    EXPECT_EQ(latin.fold("Łukasz Dąbrowski, Søren Kierkegaard, Iñaki Ibáñez, Nguyễn Văn An"),
              "Lukasz Dabrowski, Soren Kierkegaard, Inaki Ibanez, Nguyen Van An");
    EXPECT_EQ(latin.fold("Straße"), "Strasse");
    EXPECT_EQ(latin.fold("¼ ½"), " 1/4  1/2"); // longer than the UTF-8 it came from
    EXPECT_EQ(latin.fold("李 Анна"), "li Anna");
    EXPECT_EQ(latin.fold("Иван Петров"), "Ivan Petrov");
    EXPECT_EQ(latin.fold("김민준"), "gimminjun");
    EXPECT_EQ(latin.fold("😀"), "?");
    EXPECT_EQ(latin.fold("ok\xff\xfeok"), "ok??ok"); // not UTF-8: one '?' a byte, and on
    EXPECT_EQ(latin.fold(""), "");
    EXPECT_EQ(latin.fold("Þór"), "THor"); // each text starts afresh after one that was not UTF-8
    std::string folded; // one thread at a time, but any thread may fold
    std::thread([&] { folded = latin.fold("Ólafur"); }).join();
    EXPECT_EQ(folded, "Olafur");
}

TEST(ExportPacket, JsonCarriesSchemaVersionAndNullForUnsharedDetails) {
    Packet packet;
    packet.event.name = "Summit";
    packet.summary.attendee.id = "A";
    packet.summary.attendee.firstName = "Ana";
    MetPerson person;
    person.id = "B";
    person.name = "Bo";
    person.meetings = 2;
    packet.summary.people.push_back(person);
    const auto json = nlohmann::json::parse(packetJson(packet));
    EXPECT_EQ(json["schema_version"], kPacketSchemaVersion);
    EXPECT_TRUE(json["connections"][0]["email"].is_null());
    EXPECT_EQ(json["connections"][0]["meetings"], 2);
    EXPECT_NE(connectionsCsv(packet).find("\r\nBo,"), std::string::npos);
}

} // namespace
} // namespace meetscan::core
