// The event's local time: our TZif reader against GNU date (the C library's reading of the same
// tzdata), POSIX rules, names that must not open files, and the formats outputs use.
#include "core/domain/local_time.hpp"
#include "support/run_process.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>

namespace meetscan::core {
namespace {

constexpr TimeMs kMarch14 = 1773479100000; // 2026-03-14T09:05:00Z

TimeZone zone(const char* name) {
    auto loaded = TimeZone::named(name);
    EXPECT_TRUE(loaded.ok()) << name << ": " << (loaded ? "" : loaded.error().message);
    return loaded ? std::move(loaded).value() : TimeZone();
}

TEST(LocalTime, FormatsTheEventsWallClockWithItsOffset) {
    const auto berlin = zone("Europe/Berlin");
    EXPECT_EQ(berlin.label(), "Europe/Berlin");
    EXPECT_EQ(formatLocal(kMarch14, berlin, LocalFormat::MinuteWithOffset), "2026-03-14 10:05 +01:00");
    EXPECT_EQ(formatLocal(kMarch14, berlin, LocalFormat::Minute), "2026-03-14 10:05");
    EXPECT_EQ(formatLocal(kMarch14 + 41999, berlin, LocalFormat::Iso), "2026-03-14T10:05:41+01:00");
    EXPECT_EQ(formatLocal(kMarch14, berlin, LocalFormat::Date), "2026-03-14");
    // Summer time, and a zone west of UTC whose local date is the day before.
    EXPECT_EQ(formatLocal(1782000000000, berlin, LocalFormat::MinuteWithOffset), "2026-06-21 02:00 +02:00");
    EXPECT_EQ(formatLocal(kMarch14 - 10 * 3600000, zone("America/New_York"), LocalFormat::MinuteWithOffset),
              "2026-03-13 19:05 -04:00");
    EXPECT_EQ(formatLocal(kMarch14, zone("Asia/Kolkata"), LocalFormat::MinuteWithOffset), "2026-03-14 14:35 +05:30");
    EXPECT_EQ(formatLocal(kMarch14, TimeZone(), LocalFormat::MinuteWithOffset), "2026-03-14 09:05 +00:00");
    EXPECT_EQ(TimeZone().label(), "UTC");
    const auto parts = toLocal(kMarch14 + 41250, berlin);
    EXPECT_EQ(parts.hour, 10U);
    EXPECT_EQ(parts.second, 41U);
    EXPECT_EQ(parts.millisecond, 250U);
    EXPECT_EQ(parts.offsetSeconds, 3600);
}

// Every zone here has something to get wrong: half-hour and 45-minute offsets, summer time in
// the southern hemisphere, a 30-minute summer shift (Lord Howe), Mexico's end of summer time
// in 2022 (ICU 72's own rules still have it), Morocco's Ramadan switches, and years past the
// transitions listed in the file, where the POSIX rule at its end takes over.
TEST(LocalTime, AgreesWithGnuDateOnTheSameTzdata) {
    const std::vector<const char*> zones{"Europe/Berlin",     "America/Mexico_City", "Australia/Lord_Howe",
                                         "Asia/Kathmandu",    "America/St_Johns",    "Pacific/Chatham",
                                         "Africa/Casablanca", "America/Santiago",    "Europe/London",
                                         "Asia/Tokyo",        "America/Nuuk",        "Etc/GMT+5"};
    std::vector<long long> instants{-2000000000, 0, 1000000000, 1667091600, 1773479100, 1782000000,
                                    1792990800,  2147483647, 2500000000, 4000000000};
    for (long long step = 1767225600; step < 1798761600; step += 86400 * 7 + 3600) // 2026, weekly
        instants.push_back(step);
    std::ostringstream dates;
    for (const auto instant : instants)
        dates << '@' << instant << '\n';
    for (const char* name : zones) {
        const auto tz = zone(name);
        test::RunOptions options;
        options.env = {{"TZ", name}};
        options.stdinText = dates.str();
        const auto date = test::runProcess({"date", "-f", "-", "+%Y-%m-%dT%H:%M:%S%:z"}, options);
        ASSERT_EQ(date.exitCode, 0) << date.err;
        std::istringstream lines(date.out);
        std::string expected;
        for (const auto instant : instants) {
            ASSERT_TRUE(std::getline(lines, expected)) << name;
            EXPECT_EQ(formatLocal(instant * 1000, tz, LocalFormat::Iso), expected) << name << " @" << instant;
        }
    }
}

TEST(LocalTime, RefusesWhatIsNotAZoneBeforeOpeningAnything) {
    for (const char* bad : {"", "../../etc/passwd", "/etc/localtime", "Europe/../../etc/passwd", "Europe//Berlin",
                            "Europe/Berlin/", "Europe/Berlin\n", "Europe/Berlin;rm", "Nowhere/City", "Europe",
                            "zone.tab", "Europe/Berlin "}) {
        const auto loaded = TimeZone::named(bad);
        EXPECT_FALSE(loaded.ok()) << bad;
        if (!loaded.ok()) {
            EXPECT_EQ(loaded.error().kind, Error::Kind::BadInput) << bad;
        }
    }
    EXPECT_FALSE(isZoneNameShape("a/./b"));
    EXPECT_TRUE(isZoneNameShape("America/Argentina/Buenos_Aires"));
    EXPECT_TRUE(isZoneNameShape("Etc/GMT-14"));
    EXPECT_TRUE(TimeZone::forSetting("").ok()); // the machine's zone
    EXPECT_EQ(TimeZone::forSettingOrUtc("Nowhere/City").label(), "UTC");
}

// The machine's zone follows TZ as the C library does, POSIX rules included.
TEST(LocalTime, MachineZoneFollowsTz) {
    const char* saved = std::getenv("TZ");
    const std::string previous = saved != nullptr ? saved : "";
    auto restore = [&] {
        if (saved != nullptr)
            setenv("TZ", previous.c_str(), 1);
        else
            unsetenv("TZ");
    };
    setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
    EXPECT_EQ(formatLocal(kMarch14, TimeZone::machine(), LocalFormat::MinuteWithOffset), "2026-03-14 10:05 +01:00");
    EXPECT_EQ(formatLocal(1782000000000, TimeZone::machine(), LocalFormat::MinuteWithOffset),
              "2026-06-21 02:00 +02:00");
    setenv("TZ", "<+0530>-5:30", 1);
    EXPECT_EQ(formatLocal(kMarch14, TimeZone::machine(), LocalFormat::MinuteWithOffset), "2026-03-14 14:35 +05:30");
    setenv("TZ", ":America/New_York", 1);
    EXPECT_EQ(TimeZone::machine().label(), "America/New_York");
    EXPECT_EQ(formatLocal(kMarch14, *TimeZone::forSetting(""), LocalFormat::MinuteWithOffset),
              "2026-03-14 05:05 -04:00");
    setenv("TZ", "Europe/Berlin", 1);
    EXPECT_EQ(formatLocal(kMarch14, *TimeZone::forSetting("Asia/Tokyo"), LocalFormat::MinuteWithOffset),
              "2026-03-14 18:05 +09:00"); // a setting wins over the machine
    restore();
}

} // namespace
} // namespace meetscan::core
