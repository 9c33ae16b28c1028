// The packet export's worker threads (each with its own SQLite connection, sharing the QR and
// font caches) on a small event: every packet complete under its final name, folders and zips.
// Left out of CI's ThreadSanitizer stage by name (deploy/quickstart.sh): under TSan the
// workers' pango layouts (packet_pdf.cpp) and the font subsetting (PacketFonts::prepare) report
// writes to the same HarfBuzz memory, not analysed yet. Interrupting an export is covered by
// tests/cli/export_packets_cli_test.cpp.
#include "core/export/packet_writer.hpp"
#include "core/store/store.hpp"
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

class PacketExportParallel : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Store::open(m_dir / "event.db");
        ASSERT_TRUE(opened.ok()) << opened.error().message;
        m_store = std::move(opened).value();
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

    test::TempDir m_dir;
    std::unique_ptr<Store> m_store;
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

} // namespace
} // namespace meetscan::core
