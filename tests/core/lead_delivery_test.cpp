// Leads taken away at the booth: finding the mounted USB sticks, writing the lead list onto one,
// and counting what is new since the last export and the last e-mail.
#include "core/demo/demo_event.hpp"
#include "core/export/lead_delivery.hpp"
#include "core/export/lead_list.hpp"
#include "core/system/removable_drives.hpp"
#include "support/fresh_store.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace meetscan::core {
namespace {

// A sysfs-like block folder: sdb is a removable stick with one partition, sda a fixed disk,
// sdc a fixed disk that is not on the USB bus.
std::filesystem::path fakeSysBlock(const test::TempDir& dir) {
    const auto block = dir / "sys-block";
    auto flag = [](const std::filesystem::path& folder, const char* value) {
        std::filesystem::create_directories(folder);
        std::ofstream(folder / "removable") << value << "\n";
    };
    flag(block / "sda", "0");
    std::filesystem::create_directories(block / "sda" / "sda2");
    flag(block / "sdb", "1");
    std::filesystem::create_directories(block / "sdb" / "sdb1");
    flag(block / "mmcblk0", "1");
    std::filesystem::create_directories(block / "mmcblk0" / "mmcblk0p1");
    return block;
}

TEST(RemovableDrives, OnlyWritableRemovableMountsCount) {
    test::TempDir dir;
    const auto block = fakeSysBlock(dir);
    const std::string mounts = "sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0\n"
                               "/dev/sda2 / ext4 rw,relatime 0 0\n"
                               "tmpfs /run tmpfs rw,nosuid,nodev,size=1620652k,mode=755 0 0\n"
                               "/dev/sdb1 /media/kiosk/LEADS\\040STICK vfat rw,nosuid,nodev,relatime,uid=1000 0 0\n"
                               "/dev/mmcblk0p1 /mnt/card exfat ro,relatime 0 0\n"
                               "garbage\n";
    const auto drives = removableDrivesIn(mounts, block);
    ASSERT_EQ(drives.size(), 1U);
    EXPECT_EQ(drives[0].mountPoint, "/media/kiosk/LEADS STICK"); // \040 is a space
    EXPECT_EQ(drives[0].label, "LEADS STICK");
    EXPECT_EQ(drives[0].device, "/dev/sdb1");
}

TEST(RemovableDrives, RemovableDiskAnywhereAndDesktopMountsOfUnknownDevices) {
    test::TempDir dir;
    const auto block = fakeSysBlock(dir);
    const std::string mounts = "/dev/mmcblk0p1 /mnt/card exfat rw,relatime 0 0\n"
                               "/dev/sdz1 /run/media/staff/BACKUP ext4 rw 0 0\n"
                               "/dev/sda2 /home ext4 rw 0 0\n";
    const auto drives = removableDrivesIn(mounts, block);
    ASSERT_EQ(drives.size(), 2U);
    EXPECT_EQ(drives[0].label, "card");
    EXPECT_EQ(drives[1].mountPoint, "/run/media/staff/BACKUP");
}

TEST(RemovableDrives, RootOverrideListsSubfolders) {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "root" / "STICK_B");
    std::filesystem::create_directories(dir / "root" / "STICK_A");
    dir.write("root/not-a-drive.txt", "x");
    const auto drives = findRemovableDrives(dir / "root");
    ASSERT_EQ(drives.size(), 2U);
    EXPECT_EQ(drives[0].label, "STICK_A");
    EXPECT_EQ(drives[1].mountPoint, dir / "root" / "STICK_B");
    EXPECT_TRUE(findRemovableDrives(dir / "missing").empty());
}

TEST(LeadFileStem, NamesTheExhibitorAndTheLocalMinute) {
    auto berlin = TimeZone::named("Europe/Berlin");
    ASSERT_TRUE(berlin) << berlin.error().message;
    // 2026-03-14 09:05:41 UTC is 10:05 in Berlin.
    EXPECT_EQ(leadFileStem("acme", 1773479141000, *berlin), "acme-leads-2026-03-14-1005");
    EXPECT_EQ(leadFileStem("a/b c", 1773479141000, TimeZone()), "a-b-c-leads-2026-03-14-0905");
}

class LeadDelivery : public test::FreshStore {
protected:
    void SetUp() override {
        FreshStore::SetUp();
        DemoOptions options;
        options.attendees = 40;
        auto demo = createDemoEvent(*m_store, options);
        ASSERT_TRUE(demo) << demo.error().message;
        m_demo = std::move(demo).value();
        m_exhibitor = m_demo.exhibitorIds.front();
    }

    // Leads from `count` more visitors who may be scanned by exhibitors.
    void addLeads(std::size_t count) {
        const std::string station = m_store->events().station().id;
        for (; count > 0 && m_next < m_demo.attendeeIds.size(); ++m_next) {
            auto person = m_store->attendees().byId(m_demo.attendeeIds[m_next]);
            if (!person || !person->consentExhibitors || !person->exhibitorId.empty())
                continue;
            (void)m_store->leads().touch(m_exhibitor, person->id, "", station, nowMs());
            --count;
        }
    }

    DemoEvent m_demo;
    std::string m_exhibitor;
    std::size_t m_next = 0;
};

TEST_F(LeadDelivery, ExportWritesBothFilesAndCountsNewLeadsSinceIt) {
    addLeads(3);
    auto before = leadDeliveryCounts(*m_store, m_exhibitor);
    ASSERT_TRUE(before) << before.error().message;
    EXPECT_EQ(before->leads, 3U);
    EXPECT_EQ(before->newSinceExport, 3U);
    EXPECT_EQ(before->newSinceMail, 3U);
    EXPECT_EQ(before->lastExportAt, 0);

    const auto drive = m_dir / "STICK";
    std::filesystem::create_directories(drive);
    auto done = exportLeadsToFolder(*m_store, m_exhibitor, drive, nowMs());
    ASSERT_TRUE(done) << done.error().message;
    EXPECT_EQ(done->leads, 3U);
    EXPECT_EQ(done->newLeads, 3U);
    EXPECT_TRUE(std::filesystem::is_regular_file(drive / done->xlsxName));
    EXPECT_TRUE(std::filesystem::is_regular_file(drive / done->csvName));
    EXPECT_EQ(done->xlsxName.rfind(m_exhibitor + "-leads-", 0), 0U) << done->xlsxName;
    for (const auto& entry : std::filesystem::directory_iterator(drive))
        EXPECT_NE(entry.path().extension(), ".tmp") << "a temporary file was left on the drive";

    auto after = leadDeliveryCounts(*m_store, m_exhibitor);
    ASSERT_TRUE(after);
    EXPECT_EQ(after->newSinceExport, 0U);
    EXPECT_GT(after->lastExportAt, 0);
    EXPECT_EQ(after->newSinceMail, 3U) << "an export is not an e-mail";

    addLeads(2);
    auto later = leadDeliveryCounts(*m_store, m_exhibitor);
    ASSERT_TRUE(later);
    EXPECT_EQ(later->leads, 5U);
    EXPECT_EQ(later->newSinceExport, 2U);
    auto again = exportLeadsToFolder(*m_store, m_exhibitor, drive, nowMs());
    ASSERT_TRUE(again);
    EXPECT_EQ(again->newLeads, 2U);
    EXPECT_EQ(m_store->leadExports().entriesFor(m_exhibitor).size(), 2U);
}

TEST_F(LeadDelivery, MailCountsFollowTheSentLeadsMessages) {
    addLeads(2);
    auto list = collectLeadList(*m_store, m_exhibitor);
    ASSERT_TRUE(list);
    OutboxEntry sent;
    sent.kind = MailKind::Leads;
    sent.subjectId = m_exhibitor;
    sent.recipients = {"sales@example.org"};
    sent.contents = {list->rows.front().attendee.id};
    auto id = m_store->mailOutbox().queue(sent, std::nullopt);
    ASSERT_TRUE(id);
    auto queued = leadDeliveryCounts(*m_store, m_exhibitor);
    ASSERT_TRUE(queued);
    EXPECT_EQ(queued->newSinceMail, 2U) << "a message not sent carried nothing";
    ASSERT_TRUE(m_store->mailOutbox().mark(*id, MailState::Sent, "250 OK"));
    auto counts = leadDeliveryCounts(*m_store, m_exhibitor);
    ASSERT_TRUE(counts);
    EXPECT_EQ(counts->newSinceMail, 1U);
    EXPECT_GT(counts->lastMailAt, 0);
}

TEST_F(LeadDelivery, ExportToAMissingDriveIsAnErrorAndNotRecorded) {
    addLeads(1);
    auto done = exportLeadsToFolder(*m_store, m_exhibitor, m_dir / "gone", nowMs());
    EXPECT_FALSE(done);
    EXPECT_TRUE(m_store->leadExports().entriesFor(m_exhibitor).empty());
    auto unknown = leadDeliveryCounts(*m_store, "no-such-exhibitor");
    EXPECT_FALSE(unknown);
}

} // namespace
} // namespace meetscan::core
