#include "core/report/event_report.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>

namespace meetscan::core {

namespace {

constexpr TimeMs kHourMs = 3600LL * 1000;
constexpr TimeMs kDayMs = 24 * kHourMs;
constexpr TimeMs kLongestHourlyMs = 7 * kDayMs; // beyond a week of scans, bars are days
constexpr TimeMs kShortestSpanMs = 7 * kHourMs;
constexpr TimeMs kLongestSpanMs = 62 * kDayMs;  // beyond two months, a kiosk's clock was wrong

TimeMs floorMod(TimeMs value, TimeMs size) { return ((value % size) + size) % size; }

TimeMs offsetMs(const TimeZone& zone, TimeMs at) { return static_cast<TimeMs>(zone.offsetSeconds(at)) * 1000; }

// The start of the local hour holding `at`, as a UTC instant.
TimeMs hourStart(TimeMs at, const TimeZone& zone) {
    const TimeMs local = at + offsetMs(zone, at);
    return local - floorMod(local, kHourMs) - offsetMs(zone, at);
}

// The start of the local calendar day holding `at`: local midnight, converted with the offset in
// force at midnight rather than at `at`, which differs on a summer-time day. Where the clocks
// skip midnight itself, the day starts at `at` at the latest.
TimeMs dayStart(TimeMs at, const TimeZone& zone) {
    const TimeMs local = at + offsetMs(zone, at);
    const TimeMs midnight = local - floorMod(local, kDayMs);
    const TimeMs guess = midnight - offsetMs(zone, at);
    return std::min(at, midnight - offsetMs(zone, guess));
}

TimeMs bucketStart(TimeMs at, const TimeZone& zone, bool daily) {
    return daily ? dayStart(at, zone) : hourStart(at, zone);
}

// The axis from `first` to `last`. A kiosk whose clock was wrong (1970, or years ahead) must not
// stretch it: it ends a day after `now` at the latest and spans two months at most; what falls
// outside is counted apart (bucketOf).
ReportTimeline timelineFor(TimeMs first, TimeMs last, TimeMs now, const TimeZone& zone) {
    last = std::min(last, now + kDayMs);
    first = std::min(std::max(first, last - kLongestSpanMs), last);
    // A short event, or a booth with one busy hour, still reads as time: at least eight bars.
    last = std::max(last, first + kShortestSpanMs);
    ReportTimeline timeline;
    timeline.daily = last - first > kLongestHourlyMs;
    const TimeMs step = timeline.daily ? kDayMs : kHourMs;
    // Local buckets stepped through in UTC: a probe one and a half steps on always lands in the
    // next bucket, whether a summer-time change made this one short or long.
    TimeMs at = bucketStart(first, zone, timeline.daily);
    while (at <= last) {
        timeline.starts.push_back(at);
        const TimeMs next = bucketStart(at + step + step / 2, zone, timeline.daily);
        at = next > at ? next : at + step;
    }
    timeline.end = at;
    return timeline;
}

// The bucket of `at`, or nothing when it falls outside the axis.
std::optional<std::size_t> bucketOf(const ReportTimeline& timeline, TimeMs at) {
    if (timeline.starts.empty() || at < timeline.starts.front() || at >= timeline.end)
        return std::nullopt;
    const auto after = std::upper_bound(timeline.starts.begin(), timeline.starts.end(), at);
    return static_cast<std::size_t>(after - timeline.starts.begin() - 1);
}

// The plausible span of the times in `column` of `table`: the latest no more than a day after
// `now`, the earliest no more than two months before that, so one scan from a kiosk whose clock
// said 1970 does not squeeze the event into a sliver. {0, -1} when there is none.
std::pair<TimeMs, TimeMs> plausibleSpan(SQLite::Database& db, std::string_view table, std::string_view column,
                                        TimeMs now) {
    SQLite::Statement latest(db, fmt::format("SELECT max({1}) FROM {0} WHERE {1} <= ?", table, column));
    latest.bind(1, now + kDayMs);
    if (!latest.executeStep() || latest.getColumn(0).isNull())
        return {0, -1};
    const TimeMs last = latest.getColumn(0).getInt64();
    SQLite::Statement earliest(db, fmt::format("SELECT min({1}) FROM {0} WHERE {1} >= ?", table, column));
    earliest.bind(1, last - kLongestSpanMs);
    earliest.executeStep();
    return {earliest.getColumn(0).getInt64(), last};
}

void addRating(RatingCounts& counts, const std::string& rating, int count) {
    if (rating == "hot")
        counts.hot += count;
    else if (rating == "warm")
        counts.warm += count;
    else if (rating == "cold")
        counts.cold += count;
    else
        counts.unrated += count;
}

// Leads per exhibitor id, by rating.
std::map<std::string, RatingCounts> leadsByExhibitor(SQLite::Database& db) {
    std::map<std::string, RatingCounts> leads;
    SQLite::Statement query(db, "SELECT exhibitor_id, rating, count(*) FROM lead GROUP BY exhibitor_id, rating");
    while (query.executeStep())
        addRating(leads[query.getColumn(0).getString()], query.getColumn(1).getString(), query.getColumn(2).getInt());
    return leads;
}

double median(std::vector<int> values) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    return values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
}

// How many people made 0, 1, 2, 3-4, 5-9, 10-19 and 20 or more connections (at `stationId`
// only, when it is given).
std::vector<std::pair<std::string, int>> connectionBuckets(SQLite::Database& db, int people,
                                                           const std::string& stationId = "") {
    static const std::vector<std::pair<int, std::string>> kBuckets{{0, "0"},     {1, "1"},     {2, "2"},  {3, "3-4"},
                                                                   {5, "5-9"}, {10, "10-19"}, {20, "20+"}};
    std::vector<std::pair<std::string, int>> counts;
    for (const auto& [from, label] : kBuckets)
        counts.emplace_back(label, 0);
    SQLite::Statement query(db, "WITH pair AS (SELECT DISTINCT attendee_a AS a, attendee_b AS b FROM meeting "
                                "WHERE ?1 = '' OR station_id = ?1) "
                                "SELECT count(*) FROM (SELECT a AS person FROM pair UNION ALL SELECT b FROM pair) "
                                "GROUP BY person");
    query.bind(1, stationId);
    int connected = 0;
    while (query.executeStep()) {
        const int made = query.getColumn(0).getInt();
        std::size_t bucket = kBuckets.size() - 1;
        while (bucket > 0 && made < kBuckets[bucket].first)
            --bucket;
        ++counts[bucket].second;
        ++connected;
    }
    counts[0].second = std::max(0, people - connected);
    return counts;
}

int outcomeCount(const std::map<std::string, int>& counts, Outcome outcome) {
    const auto found = counts.find(std::string(toString(outcome)));
    return found == counts.end() ? 0 : found->second;
}

} // namespace

Expected<EventReport> collectEventReport(Store& store, TimeMs now) {
    try {
        auto& db = store.database();
        const Event event = store.events().event();
        EventReport report;
        report.eventName = event.name;
        report.zone = TimeZone::forSettingOrUtc(event.settings.timeZone);
        report.generatedAt = now;
        report.attendees = store.attendees().count(); // as `meetscan stats` counts them: erased people not
        report.scans = store.scans().count();
        report.connections = store.meetings().connectionCount();
        report.meetings = store.meetings().meetingCount();
        report.leads = store.leads().count();
        report.stations = db.execAndGet("SELECT count(*) FROM station").getInt();

        const auto [first, last] = plausibleSpan(db, "scan", "at", now);
        if (first <= last) {
            report.timeline = timelineFor(first, last, now, report.zone);
            std::map<std::string, std::size_t> stationIndex;
            SQLite::Statement stations(db, "SELECT id, name, mode FROM station ORDER BY name, id");
            while (stations.executeStep()) {
                stationIndex[stations.getColumn(0).getString()] = report.activity.size();
                report.activity.push_back({stations.getColumn(1).getString(), stations.getColumn(2).getString(),
                                           std::vector<int>(report.timeline.starts.size(), 0)});
            }
            std::map<TimeMs, int> perHour;
            SQLite::Statement scans(db, "SELECT station_id, at FROM scan");
            while (scans.executeStep()) {
                const TimeMs at = scans.getColumn(1).getInt64();
                const auto bucket = bucketOf(report.timeline, at);
                if (!bucket) {
                    ++report.scansOffTheAxis;
                    continue;
                }
                const auto station = stationIndex.find(scans.getColumn(0).getString());
                if (station != stationIndex.end())
                    ++report.activity[station->second].scans[*bucket];
                ++perHour[hourStart(at, report.zone)];
            }
            std::erase_if(report.activity, [](const StationActivity& station) {
                return std::all_of(station.scans.begin(), station.scans.end(), [](int n) { return n == 0; });
            });
            for (const auto& [start, scanCount] : perHour)
                report.busiestHours.push_back({start, scanCount});
            std::stable_sort(report.busiestHours.begin(), report.busiestHours.end(),
                             [](const BusyHour& a, const BusyHour& b) { return a.scans > b.scans; });
            if (report.busiestHours.size() > 5)
                report.busiestHours.resize(5);
        }

        const auto leads = leadsByExhibitor(db);
        for (const Exhibitor& exhibitor : store.exhibitors().all()) {
            const auto found = leads.find(exhibitor.id);
            report.exhibitorLeads.push_back(
                {exhibitor.name, exhibitor.booth, found == leads.end() ? RatingCounts{} : found->second});
        }
        report.exhibitors = static_cast<int>(report.exhibitorLeads.size());
        std::stable_sort(report.exhibitorLeads.begin(), report.exhibitorLeads.end(),
                         [](const ExhibitorLeads& a, const ExhibitorLeads& b) { return a.leads.total() > b.leads.total(); });
        report.connectionsPerAttendee = connectionBuckets(db, report.attendees);

        const auto outcomes = store.scans().countsByOutcome();
        report.consentRefusals = outcomeCount(outcomes, Outcome::NoConsent);
        report.unknownBadges = outcomeCount(outcomes, Outcome::UnknownBadge);
        report.badSignatures = outcomeCount(outcomes, Outcome::BadSignature);
        report.notBadges = outcomeCount(outcomes, Outcome::Malformed);
        return report;
    } catch (const SQLite::Exception& e) {
        return Error::world(fmt::format("cannot read the event's figures: {}", e.what()));
    }
}

Expected<StationReport> collectStationReport(Store& store, const Station& station, TimeMs now) {
    constexpr int kHours = 12;
    try {
        auto& db = store.database();
        const TimeZone zone = TimeZone::forSettingOrUtc(store.events().event().settings.timeZone);
        StationReport report;
        report.timeline = timelineFor(now - (kHours - 1) * kHourMs, now, now, zone);
        report.scans.assign(report.timeline.starts.size(), 0);
        for (const TimeMs start : report.timeline.starts)
            report.hourLabels.push_back(fmt::format("{:02}", toLocal(start, zone).hour));
        report.zoneLabel = zone.label();
        SQLite::Statement scans(db, "SELECT at, outcome FROM scan WHERE station_id = ? AND at >= ?");
        scans.bind(1, station.id);
        scans.bind(2, report.timeline.starts.front());
        while (scans.executeStep()) {
            if (const auto bucket = bucketOf(report.timeline, scans.getColumn(0).getInt64()))
                ++report.scans[*bucket];
        }
        SQLite::Statement outcomes(db, "SELECT outcome, count(*) FROM scan WHERE station_id = ? GROUP BY outcome");
        outcomes.bind(1, station.id);
        std::map<std::string, int> counts;
        while (outcomes.executeStep())
            counts[outcomes.getColumn(0).getString()] = outcomes.getColumn(1).getInt();
        report.consentRefusals = outcomeCount(counts, Outcome::NoConsent);
        report.unknownBadges = outcomeCount(counts, Outcome::UnknownBadge);
        report.badSignatures = outcomeCount(counts, Outcome::BadSignature);
        report.notBadges = outcomeCount(counts, Outcome::Malformed);
        if (!station.exhibitorId.empty()) {
            SQLite::Statement leads(db, "SELECT rating, count(*) FROM lead WHERE station_id = ? AND exhibitor_id = ? "
                                        "GROUP BY rating");
            leads.bind(1, station.id);
            leads.bind(2, station.exhibitorId);
            while (leads.executeStep())
                addRating(report.leads, leads.getColumn(0).getString(), leads.getColumn(1).getInt());
        }
        report.connectionsPerAttendee = connectionBuckets(db, 0, station.id);
        // "0" would count everyone who met nobody here: the whole roster, not this station.
        report.connectionsPerAttendee.erase(report.connectionsPerAttendee.begin());
        return report;
    } catch (const SQLite::Exception& e) {
        return Error::world(fmt::format("cannot read the station's figures: {}", e.what()));
    }
}

Expected<ExhibitorReport> collectExhibitorReport(Store& store, const std::string& exhibitorId, TimeMs now) {
    const auto exhibitor = store.exhibitors().byId(exhibitorId);
    if (!exhibitor)
        return Error::badInput(fmt::format("no exhibitor {} (see `meetscan exhibitors list`)", exhibitorId));
    try {
        auto& db = store.database();
        const Event event = store.events().event();
        ExhibitorReport report;
        report.eventName = event.name;
        report.exhibitorName = exhibitor->name;
        report.booth = exhibitor->booth;
        report.zone = TimeZone::forSettingOrUtc(event.settings.timeZone);
        report.generatedAt = now;

        const auto leadsOf = leadsByExhibitor(db);
        std::vector<int> totals;
        for (const Exhibitor& other : store.exhibitors().all()) {
            const auto found = leadsOf.find(other.id);
            totals.push_back(found == leadsOf.end() ? 0 : found->second.total());
        }
        report.booths = static_cast<int>(totals.size());
        report.medianBoothLeads = median(totals);

        const std::vector<Lead> leads = store.leads().forExhibitor(exhibitorId);
        std::map<std::string, int> tagCounts;
        std::map<std::string, std::map<std::string, int>> chosen;
        std::map<std::string, int> freeText;
        for (const Lead& lead : leads) {
            addRating(report.leads, lead.rating, 1);
            for (const auto& tag : lead.tags)
                ++tagCounts[tag];
            for (const auto& [question, answer] : lead.answers)
                if (!answer.empty()) {
                    ++chosen[question][answer];
                    ++freeText[question];
                }
        }
        report.rank = 1 + static_cast<int>(std::count_if(totals.begin(), totals.end(),
                                                         [&](int total) { return total > report.leads.total(); }));
        for (const auto& [tag, count] : tagCounts)
            report.tags.emplace_back(tag, count);
        std::stable_sort(report.tags.begin(), report.tags.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
        // Only the organiser's options are counted by name: a free-text answer may name a person.
        for (const Question& question : exhibitor->questions) {
            AnswerCounts counts{question.text, {}, 0};
            if (question.options.empty()) {
                counts.freeTextAnswers = freeText[question.id];
            } else {
                for (const auto& option : question.options)
                    counts.options.emplace_back(option, chosen[question.id][option]);
            }
            report.answers.push_back(std::move(counts));
        }

        if (!leads.empty()) {
            // Over the whole event's hours, so the booth sees when its visitors came in the day.
            auto [first, last] = plausibleSpan(db, "scan", "at", now);
            if (const auto [firstLead, lastLead] = plausibleSpan(db, "lead", "first_scan_at", now);
                firstLead <= lastLead) {
                first = first <= last ? std::min(first, firstLead) : firstLead;
                last = std::max(last, lastLead);
            }
            if (first <= last) {
                report.timeline = timelineFor(first, last, now, report.zone);
                report.leadsOverTime.assign(report.timeline.starts.size(), 0);
                for (const Lead& lead : leads)
                    if (const auto bucket = bucketOf(report.timeline, lead.firstScanAt))
                        ++report.leadsOverTime[*bucket];
            }
        }
        return report;
    } catch (const SQLite::Exception& e) {
        return Error::world(fmt::format("cannot read the exhibitor's figures: {}", e.what()));
    }
}

} // namespace meetscan::core
