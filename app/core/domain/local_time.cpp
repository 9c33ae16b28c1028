#include "core/domain/local_time.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>
#include <vector>

namespace meetscan::core {

namespace {

using namespace std::chrono;

constexpr std::size_t kMaxZoneFileBytes = 1 << 20; // real ones are a few kB
constexpr int kDefaultRuleTime = 2 * 3600;         // POSIX: a change happens at 02:00 unless it says

// One end of a summer-time period in a POSIX TZ rule: "Mm.w.d", "Jn" or "n", and "/time".
struct RuleDate {
    enum class Kind { MonthWeekDay, JulianNoLeap, ZeroBasedDay };
    Kind kind = Kind::MonthWeekDay;
    int month = 0, week = 0, weekday = 0, day = 0;
    int time = kDefaultRuleTime; // seconds after local midnight; may be negative or past 24 h (RFC 8536)
};

// "CET-1CEST,M3.5.0,M10.5.0/3": standard and summer offsets and when summer time starts and ends.
struct PosixRule {
    int standard = 0; // seconds east of UTC (POSIX writes them west of UTC, hence the signs below)
    std::optional<int> summer;
    RuleDate start, end;
};

class RuleParser {
public:
    explicit RuleParser(std::string_view text) : m_text(text) {}

    std::optional<PosixRule> parse() {
        PosixRule rule;
        if (!name())
            return std::nullopt;
        const auto standard = clock(24);
        if (!standard)
            return std::nullopt;
        rule.standard = -*standard;
        if (atEnd())
            return rule;
        if (!name())
            return std::nullopt;
        rule.summer = rule.standard + 3600;
        if (!atEnd() && peek() != ',') {
            const auto summer = clock(24);
            if (!summer)
                return std::nullopt;
            rule.summer = -*summer;
        }
        if (atEnd()) { // no rule: glibc's default, the United States' since 2007
            rule.start = {RuleDate::Kind::MonthWeekDay, 3, 2, 0, 0, kDefaultRuleTime};
            rule.end = {RuleDate::Kind::MonthWeekDay, 11, 1, 0, 0, kDefaultRuleTime};
            return rule;
        }
        if (!eat(',') || !date(rule.start) || !eat(',') || !date(rule.end) || !atEnd())
            return std::nullopt;
        return rule;
    }

private:
    [[nodiscard]] bool atEnd() const { return m_at >= m_text.size(); }
    [[nodiscard]] char peek() const { return atEnd() ? '\0' : m_text[m_at]; }
    bool eat(char c) {
        if (peek() != c)
            return false;
        ++m_at;
        return true;
    }
    static bool isAlpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
    static bool isDigit(char c) { return c >= '0' && c <= '9'; }

    // "CET", or quoted "<+0330>".
    bool name() {
        const std::size_t from = m_at;
        if (eat('<')) {
            while (!atEnd() && peek() != '>')
                ++m_at;
            return eat('>') && m_at - from >= 5;
        }
        while (isAlpha(peek()))
            ++m_at;
        return m_at - from >= 3;
    }

    std::optional<int> number(int max) {
        if (!isDigit(peek()))
            return std::nullopt;
        int value = 0;
        while (isDigit(peek())) {
            value = value * 10 + (m_text[m_at++] - '0');
            if (value > max)
                return std::nullopt;
        }
        return value;
    }

    // [+-]hh[:mm[:ss]] in seconds.
    std::optional<int> clock(int maxHours) {
        const int sign = eat('-') ? -1 : (eat('+'), 1);
        const auto hours = number(maxHours);
        if (!hours)
            return std::nullopt;
        int seconds = *hours * 3600;
        for (const int unit : {60, 1}) {
            if (!eat(':'))
                break;
            const auto part = number(59);
            if (!part)
                return std::nullopt;
            seconds += *part * unit;
        }
        return sign * seconds;
    }

    bool date(RuleDate& into) {
        if (eat('M')) {
            const auto month = number(12);
            if (!month || !eat('.'))
                return false;
            const auto week = number(5);
            if (!week || !eat('.'))
                return false;
            const auto weekday = number(6);
            if (!weekday || *month < 1 || *week < 1)
                return false;
            into = {RuleDate::Kind::MonthWeekDay, *month, *week, *weekday, 0, kDefaultRuleTime};
        } else if (eat('J')) {
            const auto day = number(365);
            if (!day || *day < 1)
                return false;
            into = {RuleDate::Kind::JulianNoLeap, 0, 0, 0, *day, kDefaultRuleTime};
        } else {
            const auto day = number(365);
            if (!day)
                return false;
            into = {RuleDate::Kind::ZeroBasedDay, 0, 0, 0, *day, kDefaultRuleTime};
        }
        if (eat('/')) {
            const auto time = clock(167);
            if (!time)
                return false;
            into.time = *time;
        }
        return true;
    }

    std::string_view m_text;
    std::size_t m_at = 0;
};

sys_days dayOf(int y, const RuleDate& date) {
    const year yr{y};
    switch (date.kind) {
    case RuleDate::Kind::JulianNoLeap: { // 1..365, 29 February never counted
        const int leapDay = yr.is_leap() && date.day >= 60 ? 1 : 0;
        return sys_days{yr / January / 1} + days{date.day - 1 + leapDay};
    }
    case RuleDate::Kind::ZeroBasedDay:
        return sys_days{yr / January / 1} + days{date.day};
    case RuleDate::Kind::MonthWeekDay:
        break;
    }
    const month mon{static_cast<unsigned>(date.month)};
    const weekday wd{static_cast<unsigned>(date.weekday)};
    if (date.week == 5)
        return sys_days{yr / mon / weekday_last{wd}};
    return sys_days{yr / mon / wd[static_cast<unsigned>(date.week)]};
}

int ruleOffset(const PosixRule& rule, std::int64_t utc) {
    if (!rule.summer)
        return rule.standard;
    const auto localDay = floor<days>(sys_seconds{seconds{utc + rule.standard}});
    const int y = static_cast<int>(year_month_day{localDay}.year());
    // The start is given in standard time, the end in summer time.
    const std::int64_t start =
        seconds{dayOf(y, rule.start).time_since_epoch()}.count() + rule.start.time - rule.standard;
    const std::int64_t end = seconds{dayOf(y, rule.end).time_since_epoch()}.count() + rule.end.time - *rule.summer;
    const bool summer = start < end ? (utc >= start && utc < end) : !(utc >= end && utc < start);
    return summer ? *rule.summer : rule.standard;
}

} // namespace

// A zone as its TZif file gives it: offsets by transition, then the POSIX rule for later times.
struct ZoneRules {
    std::vector<std::int64_t> transitions; // UTC seconds, ascending
    std::vector<std::uint8_t> typeOf;      // the local time type from each transition on
    std::vector<int> offsets;              // per type, seconds east of UTC
    std::optional<PosixRule> footer;

    [[nodiscard]] int offsetAt(std::int64_t utc) const {
        if (transitions.empty() || utc < transitions.front()) {
            if (transitions.empty() && footer)
                return ruleOffset(*footer, utc);
            return offsets.empty() ? 0 : offsets.front(); // RFC 8536: type 0 before the first transition
        }
        if (utc >= transitions.back() && footer)
            return ruleOffset(*footer, utc);
        const auto after = std::upper_bound(transitions.begin(), transitions.end(), utc);
        return offsets.at(typeOf.at(static_cast<std::size_t>(after - transitions.begin() - 1)));
    }
};

namespace {

class TzifReader {
public:
    explicit TzifReader(std::string_view bytes) : m_bytes(bytes) {}

    std::optional<ZoneRules> read() {
        const auto first = header();
        if (!first)
            return std::nullopt;
        if (first->version == '\0') // version 1: 32-bit times only
            return block(*first, 4);
        // Version 2 and later repeat the data with 64-bit times, then the footer rule.
        if (!skip(first->blockSize(4)))
            return std::nullopt;
        const auto second = header();
        if (!second)
            return std::nullopt;
        auto rules = block(*second, 8);
        if (!rules || !eat('\n'))
            return std::nullopt;
        const auto end = m_bytes.find('\n', m_at);
        if (end == std::string_view::npos)
            return std::nullopt;
        const auto footer = m_bytes.substr(m_at, end - m_at);
        if (!footer.empty()) {
            rules->footer = RuleParser(footer).parse();
            if (!rules->footer)
                return std::nullopt;
        }
        return rules;
    }

private:
    struct Header {
        char version = '\0';
        std::uint32_t isUtc = 0, isStd = 0, leaps = 0, times = 0, types = 0, chars = 0;
        [[nodiscard]] std::size_t blockSize(std::size_t timeSize) const {
            return std::size_t{times} * (timeSize + 1) + std::size_t{types} * 6 + chars +
                   std::size_t{leaps} * (timeSize + 4) + isStd + isUtc;
        }
    };

    bool skip(std::size_t count) {
        if (m_bytes.size() - m_at < count)
            return false;
        m_at += count;
        return true;
    }
    bool eat(char c) {
        if (m_at >= m_bytes.size() || m_bytes[m_at] != c)
            return false;
        ++m_at;
        return true;
    }
    std::int64_t bigEndian(std::size_t size) {
        std::uint64_t value = 0;
        for (std::size_t i = 0; i < size; ++i)
            value = (value << 8) | static_cast<unsigned char>(m_bytes[m_at + i]);
        m_at += size;
        if (size == 4) // sign-extend
            return static_cast<std::int32_t>(static_cast<std::uint32_t>(value));
        return static_cast<std::int64_t>(value);
    }

    std::optional<Header> header() {
        if (m_bytes.size() - m_at < 44 || m_bytes.substr(m_at, 4) != "TZif")
            return std::nullopt;
        Header h;
        h.version = m_bytes[m_at + 4];
        m_at += 20;
        for (auto* count : {&h.isUtc, &h.isStd, &h.leaps, &h.times, &h.types, &h.chars})
            *count = static_cast<std::uint32_t>(bigEndian(4));
        if (h.types == 0 || h.types > 256 || h.chars == 0 || (h.isUtc != 0 && h.isUtc != h.types) ||
            (h.isStd != 0 && h.isStd != h.types))
            return std::nullopt;
        return h;
    }

    std::optional<ZoneRules> block(const Header& h, std::size_t timeSize) {
        if (m_bytes.size() - m_at < h.blockSize(timeSize))
            return std::nullopt;
        ZoneRules rules;
        for (std::uint32_t i = 0; i < h.times; ++i) {
            rules.transitions.push_back(bigEndian(timeSize));
            if (i > 0 && rules.transitions[i] <= rules.transitions[i - 1])
                return std::nullopt;
        }
        for (std::uint32_t i = 0; i < h.times; ++i) {
            const auto type = static_cast<unsigned char>(m_bytes[m_at++]);
            if (type >= h.types)
                return std::nullopt;
            rules.typeOf.push_back(type);
        }
        for (std::uint32_t i = 0; i < h.types; ++i) {
            const auto offset = bigEndian(4);
            m_at += 2; // is-DST flag and abbreviation index: not needed for offsets
            if (offset < -25 * 3600 || offset > 26 * 3600)
                return std::nullopt;
            rules.offsets.push_back(static_cast<int>(offset));
        }
        m_at += h.chars + std::size_t{h.leaps} * (timeSize + 4) + h.isStd + h.isUtc;
        return rules;
    }

    std::string_view m_bytes;
    std::size_t m_at = 0;
};

std::filesystem::path zoneDirectory() {
    const char* dir = std::getenv("TZDIR");
    return dir != nullptr && *dir != '\0' ? std::filesystem::path(dir) : std::filesystem::path("/usr/share/zoneinfo");
}

std::optional<ZoneRules> readZoneFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::string bytes;
    bytes.resize(kMaxZoneFileBytes + 1);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > kMaxZoneFileBytes)
        return std::nullopt;
    return TzifReader(bytes).read();
}

// "Europe/Berlin" from /etc/localtime -> /usr/share/zoneinfo/Europe/Berlin, or Debian's /etc/timezone.
std::string machineZoneName() {
    std::error_code error;
    const auto target = std::filesystem::read_symlink("/etc/localtime", error).generic_string();
    if (const auto at = target.find("zoneinfo/"); !error && at != std::string::npos)
        if (const auto name = target.substr(at + 9); isZoneNameShape(name))
            return name;
    std::ifstream file("/etc/timezone");
    std::string name;
    if (std::getline(file, name) && isZoneNameShape(name))
        return name;
    return "local time";
}

// Zones are read once per process and name: a packet export asks for its zone per attendee.
std::mutex g_cacheMutex;
std::map<std::string, std::shared_ptr<const ZoneRules>, std::less<>> g_cache;

std::shared_ptr<const ZoneRules> cachedZone(const std::string& key, const std::filesystem::path& file) {
    {
        const std::lock_guard lock(g_cacheMutex);
        if (const auto found = g_cache.find(key); found != g_cache.end())
            return found->second;
    }
    auto rules = readZoneFile(file);
    if (!rules)
        return nullptr;
    auto shared = std::make_shared<const ZoneRules>(std::move(*rules));
    const std::lock_guard lock(g_cacheMutex);
    return g_cache.emplace(key, std::move(shared)).first->second;
}

} // namespace

bool isZoneNameShape(std::string_view name) {
    if (name.empty() || name.size() > 64 || name.front() == '/' || name.back() == '/')
        return false;
    std::size_t partStart = 0;
    for (std::size_t i = 0; i <= name.size(); ++i) {
        if (i == name.size() || name[i] == '/') {
            const auto part = name.substr(partStart, i - partStart);
            if (part.empty() || part == "." || part == "..")
                return false;
            partStart = i + 1;
            continue;
        }
        const char c = name[i];
        const bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
                             c == '-' || c == '+' || c == '.';
        if (!allowed)
            return false;
    }
    return true;
}

TimeZone::TimeZone() : m_label("UTC") {}

TimeZone::TimeZone(std::shared_ptr<const ZoneRules> rules, std::string label)
    : m_rules(std::move(rules)), m_label(std::move(label)) {}

Expected<TimeZone> TimeZone::named(std::string_view ianaName) {
    if (!isZoneNameShape(ianaName))
        return Error::badInput(fmt::format("'{}' is not a time zone name (an IANA name such as Europe/Berlin)",
                                           ianaName));
    const std::string name(ianaName);
    auto rules = cachedZone(name, zoneDirectory() / name);
    if (!rules)
        return Error::badInput(fmt::format("unknown time zone '{}' (see /usr/share/zoneinfo, e.g. Europe/Berlin)",
                                           name));
    return TimeZone(std::move(rules), name);
}

TimeZone TimeZone::machine() {
    const char* tz = std::getenv("TZ");
    if (tz == nullptr) {
        auto rules = cachedZone("\x01/etc/localtime", "/etc/localtime");
        return rules ? TimeZone(std::move(rules), machineZoneName()) : TimeZone();
    }
    std::string_view value(tz);
    if (!value.empty() && value.front() == ':')
        value.remove_prefix(1);
    if (value.empty() || value == "UTC" || value == "UTC0")
        return TimeZone();
    if (isZoneNameShape(value))
        if (auto named = TimeZone::named(value))
            return std::move(named).value();
    // A POSIX rule in TZ itself, as the C library accepts it.
    if (auto rule = RuleParser(value).parse()) {
        auto rules = std::make_shared<ZoneRules>();
        rules->footer = std::move(rule);
        return TimeZone(std::move(rules), "local time");
    }
    return TimeZone(); // what glibc does with a TZ it cannot read
}

Expected<TimeZone> TimeZone::forSetting(std::string_view setting) {
    return setting.empty() ? Expected<TimeZone>(machine()) : named(setting);
}

TimeZone TimeZone::forSettingOrUtc(std::string_view setting) {
    auto zone = forSetting(setting);
    return zone ? std::move(zone).value() : TimeZone();
}

int TimeZone::offsetSeconds(TimeMs at) const {
    if (!m_rules)
        return 0;
    const std::int64_t utc = at >= 0 ? at / 1000 : -((-at + 999) / 1000);
    return m_rules->offsetAt(utc);
}

LocalDateTime toLocal(TimeMs at, const TimeZone& zone) {
    const auto instant = sys_time<milliseconds>{milliseconds{at}};
    const int offset = zone.offsetSeconds(at);
    const auto local = instant + seconds{offset};
    const auto day = floor<days>(local);
    const year_month_day date{day};
    const hh_mm_ss time{local - day};
    LocalDateTime result;
    result.year = static_cast<int>(date.year());
    result.month = static_cast<unsigned>(date.month());
    result.day = static_cast<unsigned>(date.day());
    result.hour = static_cast<unsigned>(time.hours().count());
    result.minute = static_cast<unsigned>(time.minutes().count());
    result.second = static_cast<unsigned>(time.seconds().count());
    result.millisecond = static_cast<unsigned>(time.subseconds().count());
    result.offsetSeconds = offset;
    return result;
}

std::string formatLocal(TimeMs at, const TimeZone& zone, LocalFormat format) {
    const auto t = toLocal(at, zone);
    const int magnitude = std::abs(t.offsetSeconds) / 60;
    const auto offset = fmt::format("{}{:02}:{:02}", t.offsetSeconds < 0 ? '-' : '+', magnitude / 60, magnitude % 60);
    switch (format) {
    case LocalFormat::Minute:
        return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", t.year, t.month, t.day, t.hour, t.minute);
    case LocalFormat::MinuteWithOffset:
        return fmt::format("{:04}-{:02}-{:02} {:02}:{:02} {}", t.year, t.month, t.day, t.hour, t.minute, offset);
    case LocalFormat::Iso:
        return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}", t.year, t.month, t.day, t.hour, t.minute,
                           t.second, offset);
    case LocalFormat::Date:
        break;
    }
    return fmt::format("{:04}-{:02}-{:02}", t.year, t.month, t.day);
}

} // namespace meetscan::core
