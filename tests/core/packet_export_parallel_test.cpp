// The packet export's worker threads (each with its own SQLite connection, sharing the QR cache
// and the cut fonts) on a small event: every packet complete under its final name, folders and
// zips, with the cut fonts (a whole-event export) and with pango's own per-thread font maps
// (attendees named). Part of CI's ThreadSanitizer stage (deploy/quickstart.sh); the HarfBuzz
// memory that pango itself hands between threads, under a lock and reference counts TSan cannot
// see, is explained in tests/tsan.supp. Interrupting an export is covered by
// tests/cli/export_packets_cli_test.cpp.
#include "core/export/packet_writer.hpp"
#include "core/store/store.hpp"
#include "support/fresh_store.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace meetscan::core {
namespace {

constexpr int kExportPeople = 12;

Attendee exportPerson(int i) {
    Attendee a;
    a.badgeCode = "PX" + std::to_string(100 + i);
    a.id = attendeeIdForCode(a.badgeCode);
    a.firstName = i % 3 == 0 ? "李" : "Ana";
    a.lastName = "Person " + std::to_string(i);
    a.company = "Acme";
    a.email = a.badgeCode + "@example.org";
    return a;
}

// Files and folders under `dir` whose name says they were left half-written.
std::vector<std::string> leftovers(const std::filesystem::path& dir) {
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
        if (entry.path().filename().string().find(".tmp") != std::string::npos)
            found.push_back(entry.path().string());
    return found;
}

// Each summary.pdf read back with pdftotext: one "Follow-up for <name>" per attendee, the Han
// names (every third person) shaped and embedded like the Latin ones, whichever worker drew them.
void expectEveryoneShown(const std::filesystem::path& dir) {
    if (test::runProcess({"sh", "-c", "command -v pdftotext"}).exitCode != 0)
        GTEST_SKIP() << "needs pdftotext (poppler-utils) to read the PDFs back";
    std::multiset<std::string> shown;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (!entry.is_directory())
            continue;
        const auto text =
            test::runProcess({"pdftotext", "-enc", "UTF-8", (entry.path() / "summary.pdf").string(), "-"});
        ASSERT_EQ(text.exitCode, 0) << entry.path() << ": " << text.err;
        for (int i = 0; i < kExportPeople; ++i)
            if (text.out.find("Follow-up for " + exportPerson(i).displayName() + "\n") != std::string::npos)
                shown.insert(exportPerson(i).displayName());
    }
    std::multiset<std::string> everyone;
    for (int i = 0; i < kExportPeople; ++i)
        everyone.insert(exportPerson(i).displayName());
    EXPECT_EQ(shown, everyone);
}

class PacketExportParallel : public test::FreshStore {
protected:
    void SetUp() override {
        FreshStore::SetUp();
        if (HasFatalFailure())
            return;
        std::vector<Attendee> people;
        for (int i = 0; i < kExportPeople; ++i)
            people.push_back(exportPerson(i));
        ASSERT_TRUE(m_store->attendees().importAll(people).ok());
        const auto station = m_store->events().station().id;
        TimeMs at = nowMs();
        // A ring: everyone met the next two people, so each packet lists four.
        for (int i = 0; i < kExportPeople; ++i) {
            for (int step = 1; step <= 2; ++step) {
                const auto& other = people[static_cast<std::size_t>((i + step) % kExportPeople)];
                ++at;
                m_store->meetings().add({newUlid(at), station, at, people[static_cast<std::size_t>(i)].id, other.id,
                                         newUlid(at), newUlid(at)});
            }
        }
    }
};

TEST_F(PacketExportParallel, ThreeWorkersWriteEveryPacketWhole) {
    PacketExportOptions options;
    options.outDir = m_dir / "packets";
    options.threads = 3;
    auto result = exportPackets(*m_store, options);
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result->written, static_cast<std::size_t>(kExportPeople));
    EXPECT_FALSE(result->interrupted);

    std::set<std::string> folders;
    for (const auto& entry : std::filesystem::directory_iterator(options.outDir)) {
        if (!entry.is_directory())
            continue;
        folders.insert(entry.path().filename().string());
        for (const char* file : {"summary.pdf", "contacts.vcf", "connections.csv", "packet.json"})
            EXPECT_GT(std::filesystem::file_size(entry.path() / file), 0U) << entry.path() << " " << file;
    }
    EXPECT_EQ(folders.size(), static_cast<std::size_t>(kExportPeople));
    EXPECT_TRUE(std::filesystem::exists(options.outDir / "index.csv"));
    EXPECT_TRUE(leftovers(options.outDir).empty());
    expectEveryoneShown(options.outDir);
}

TEST_F(PacketExportParallel, TwoWorkersZipEveryPacket) {
    PacketExportOptions options;
    options.outDir = m_dir / "zipped";
    options.threads = 2;
    options.zip = true;
    auto result = exportPackets(*m_store, options);
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result->written, static_cast<std::size_t>(kExportPeople));
    std::size_t archives = 0;
    for (const auto& entry : std::filesystem::directory_iterator(options.outDir))
        if (entry.path().extension() == ".zip" && std::filesystem::file_size(entry.path()) > 0)
            ++archives;
    EXPECT_EQ(archives, static_cast<std::size_t>(kExportPeople));
    EXPECT_TRUE(leftovers(options.outDir).empty());
}

TEST_F(PacketExportParallel, TwoWorkersWithTheSystemFontsWriteTheNamedPackets) {
    PacketExportOptions options;
    options.outDir = m_dir / "named";
    options.threads = 2;
    for (int i = 0; i < kExportPeople; ++i)
        options.attendees.push_back(exportPerson(i).id); // named: no font cuts, pango's default font maps
    auto result = exportPackets(*m_store, options);
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result->written, static_cast<std::size_t>(kExportPeople));
    EXPECT_TRUE(leftovers(options.outDir).empty());
    expectEveryoneShown(options.outDir);
}

// The embedded fonts of the first packet under `dir`, decompressed by qpdf: the font files'
// table tags ("glyf", "fpgm", ...) appear in them as plain bytes.
std::string uncompressedPdf(const std::filesystem::path& dir, const std::filesystem::path& out) {
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.is_directory()) {
            const auto qdf = test::runProcess(
                {"qpdf", "--qdf", "--object-streams=disable", (entry.path() / "summary.pdf").string(), out.string()});
            EXPECT_EQ(qdf.exitCode, 0) << qdf.err;
            return test::readFile(out);
        }
    return {};
}

// The cuts drop TrueType's hinting programs (fpgm), which PDF viewers ignore, from every
// summary.pdf; the same packet drawn with the system fonts still carries them.
TEST_F(PacketExportParallel, WholeEventPacketsEmbedTheirFontsWithoutHinting) {
    if (test::runProcess({"sh", "-c", "command -v qpdf"}).exitCode != 0)
        GTEST_SKIP() << "needs qpdf to read the PDFs' fonts";
    PacketExportOptions named;
    named.outDir = m_dir / "system-fonts";
    named.attendees.push_back(exportPerson(1).id);
    ASSERT_TRUE(exportPackets(*m_store, named).ok());
    const auto system = uncompressedPdf(named.outDir, m_dir / "system.pdf");
    if (system.find("fpgm") == std::string::npos)
        GTEST_SKIP() << "this machine's Sans font has no TrueType hinting to drop";

    PacketExportOptions whole;
    whole.outDir = m_dir / "cut-fonts";
    whole.threads = 2;
    ASSERT_TRUE(exportPackets(*m_store, whole).ok());
    const auto cut = uncompressedPdf(whole.outDir, m_dir / "cut.pdf");
    EXPECT_NE(cut.find("glyf"), std::string::npos) << "no TrueType font embedded";
    EXPECT_EQ(cut.find("fpgm"), std::string::npos) << "hinting embedded";
    EXPECT_LT(cut.size(), system.size());
}

} // namespace
} // namespace meetscan::core
