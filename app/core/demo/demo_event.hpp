#pragma once
#include "core/store/store.hpp"
#include "meetscan/scanner/expected.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace meetscan::core {

inline constexpr int kMinDemoAttendees = 30; // room for exhibitor staff, speakers and the no-consent few
inline constexpr int kMaxDemoAttendees = 9999;

// The demo's own admin PIN, printed when the demo starts: a real event has no PIN anybody knows,
// and its kiosk does not start without one of its own.
inline constexpr const char* kDemoAdminPin = "246813";

struct DemoOptions {
    int attendees = 200; // kMinDemoAttendees..kMaxDemoAttendees
    std::uint64_t seed = 42;
    std::string eventName = "MeetScan Demo Summit";
    std::string adminPin = kDemoAdminPin;
};

struct DemoEvent {
    std::vector<std::string> badgeTexts; // one signed MS1 badge text per attendee, same order as attendeeIds
    std::vector<std::string> attendeeIds;
    std::vector<std::string> exhibitorIds;
    std::map<std::string, std::vector<std::string>> staffBadges; // exhibitor id -> badge texts of its staff
    std::string publicKey;                                       // base64 of the event's MS1 public key
};

// Fills `store` with a fictional event: a roster of people from many countries and scripts
// (badge codes MSD-0001, MSD-0002, ...), exhibitors with tags, questions and two staff each, a
// trusted MS1 key pair and one signed badge per attendee; names the event and makes this station
// the "Demo kiosk" in Meet mode. The roster is the same for the same seed. Running it again on
// the same database updates the demo rows in place and keeps signing with the stored key pair,
// so badges printed earlier stay valid.
Expected<DemoEvent> createDemoEvent(Store& store, const DemoOptions& options);

} // namespace meetscan::core
