#pragma once
// The figures of `meetscan report`: how the event went, for the team and the sponsors. Counts
// only: nothing here names, or could identify, an attendee. Times are bucketed by the event's
// local hour (or day, for events that ran longer than a week).
#include "core/domain/local_time.hpp"
#include "core/store/store.hpp"

#include <string>
#include <utility>
#include <vector>

namespace meetscan::core {

// The time axis shared by a report's charts: the start of each bucket, from the first scan's to
// the last's.
struct ReportTimeline {
    std::vector<TimeMs> starts;
    TimeMs end = 0;     // where the last bucket ends
    bool daily = false; // buckets of a local day instead of an hour
};

struct StationActivity {
    std::string name;
    std::string mode;
    std::vector<int> scans; // one per timeline bucket
};

struct RatingCounts {
    int hot = 0, warm = 0, cold = 0, unrated = 0;
    [[nodiscard]] int total() const { return hot + warm + cold + unrated; }
};

struct ExhibitorLeads {
    std::string name;
    std::string booth;
    RatingCounts leads;
};

struct BusyHour {
    TimeMs start = 0;
    int scans = 0;
};

struct EventReport {
    std::string eventName;
    TimeZone zone;
    TimeMs generatedAt = 0;
    int attendees = 0, scans = 0, connections = 0, meetings = 0, leads = 0, stations = 0, exhibitors = 0;
    ReportTimeline timeline;
    std::vector<StationActivity> activity;        // stations with at least one scan
    std::vector<ExhibitorLeads> exhibitorLeads;   // every exhibitor, most leads first
    std::vector<std::pair<std::string, int>> connectionsPerAttendee; // "0", "1", "2", "3-4", ... -> people
    std::vector<BusyHour> busiestHours;           // up to five, busiest first
    int consentRefusals = 0, unknownBadges = 0, badSignatures = 0, notBadges = 0;
    int scansOffTheAxis = 0; // times no clock at the event gave: a kiosk's clock was wrong
};

struct AnswerCounts {
    std::string question;
    std::vector<std::pair<std::string, int>> options; // each option and how many leads chose it
    int freeTextAnswers = 0;                          // a free-text question: only how many answered
};

struct ExhibitorReport {
    std::string eventName;
    std::string exhibitorName;
    std::string booth;
    TimeZone zone;
    TimeMs generatedAt = 0;
    RatingCounts leads;
    double medianBoothLeads = 0; // over every exhibitor of the event
    int booths = 0;
    int rank = 0; // 1 for the booth with the most leads
    ReportTimeline timeline;
    std::vector<int> leadsOverTime; // first scans, one per timeline bucket
    std::vector<std::pair<std::string, int>> tags; // most used first
    std::vector<AnswerCounts> answers;
};

// What the admin panel charts for its own station: the same figures, for the hours of the day.
struct StationReport {
    ReportTimeline timeline; // the last twelve local hours, up to now
    std::vector<int> scans;  // this station's, one per timeline bucket
    std::vector<std::string> hourLabels; // "09", "10": each bucket's local hour
    std::string zoneLabel;
    RatingCounts leads;      // Booth: the leads of this station's exhibitor, taken here
    std::vector<std::pair<std::string, int>> connectionsPerAttendee; // Meet: made here, "1" upward
    int consentRefusals = 0, unknownBadges = 0, badSignatures = 0, notBadges = 0;
};

[[nodiscard]] Expected<EventReport> collectEventReport(Store& store, TimeMs now);
[[nodiscard]] Expected<StationReport> collectStationReport(Store& store, const Station& station, TimeMs now);
// BadInput when there is no such exhibitor.
[[nodiscard]] Expected<ExhibitorReport> collectExhibitorReport(Store& store, const std::string& exhibitorId,
                                                               TimeMs now);

} // namespace meetscan::core
