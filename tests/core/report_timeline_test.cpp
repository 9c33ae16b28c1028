// The report's time axis as people read it: local hours and days, across summer-time changes,
// with every scan in the bar of its local day.
#include "core/domain/scan_record.hpp"
#include "core/report/event_report.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <numeric>

namespace meetscan::core {
namespace {

constexpr TimeMs kHour = 3600LL * 1000;

// Ten days of scans, one every five hours, in `zone`, from 2026-03-29 or 2026-04-19: Berlin goes
// to summer time at 02:00 on 2026-03-29, Cairo at midnight on 2026-04-24 (the day then starts at
// 01:00). Over a week, the axis has a bar a day.
EventReport tenDaysIn(const std::string& zone, TimeMs from) {
    test::TempDir dir;
    auto store = std::move(Store::open(dir / "event.db")).value();
    auto event = store->events().event();
    event.settings.timeZone = zone;
    EXPECT_TRUE(store->events().saveEvent(event));
    const std::string station = store->events().station().id;
    for (TimeMs at = from; at < from + 240 * kHour; at += 5 * kHour) {
        ScanRecord record;
        record.id = newUlid(at);
        record.stationId = station;
        record.at = at;
        record.mode = "meet";
        record.outcome = Outcome::UnknownBadge;
        store->scans().append(record);
    }
    auto report = collectEventReport(*store, from + 300 * kHour);
    EXPECT_TRUE(report.ok());
    return std::move(report).value();
}

void expectOneBarPerLocalDay(const EventReport& report, const TimeZone& zone, int scans) {
    ASSERT_TRUE(report.timeline.daily);
    ASSERT_FALSE(report.timeline.starts.empty());
    std::string previous;
    for (const TimeMs start : report.timeline.starts) {
        const LocalDateTime local = toLocal(start, zone);
        // Midnight, or the first hour a day that skips midnight has.
        EXPECT_TRUE(local.hour == 0 || (local.hour == 1 && local.minute == 0))
            << formatLocal(start, zone, LocalFormat::Iso);
        const std::string day = formatLocal(start, zone, LocalFormat::Date);
        EXPECT_LT(previous, day) << "a day twice, or out of order";
        previous = day;
    }
    ASSERT_EQ(report.activity.size(), 1U);
    const auto& counts = report.activity.front().scans;
    EXPECT_EQ(std::accumulate(counts.begin(), counts.end(), 0), scans) << "every scan is in a bar";
    EXPECT_EQ(report.scansOffTheAxis, 0);
}

TEST(ReportTimeline, BerlinDaysAcrossTheSpringChangeStartAtLocalMidnight) {
    const auto zone = TimeZone::named("Europe/Berlin");
    ASSERT_TRUE(zone.ok());
    const TimeMs from = 1774771200000; // 2026-03-29T08:00Z: 10:00 on the day the clocks go forward
    expectOneBarPerLocalDay(tenDaysIn("Europe/Berlin", from), *zone, 48);
}

TEST(ReportTimeline, CairoDaysAcrossAMidnightChangeAreNeitherSkippedNorDoubled) {
    const auto zone = TimeZone::named("Africa/Cairo");
    if (!zone.ok())
        GTEST_SKIP() << "tzdata without Africa/Cairo";
    const TimeMs from = 1776589200000; // 2026-04-19T09:00Z
    expectOneBarPerLocalDay(tenDaysIn("Africa/Cairo", from), *zone, 48);
}

} // namespace
} // namespace meetscan::core
