#pragma once
#include "core/domain/attendee.hpp"
#include "core/domain/lead.hpp"
#include "core/store/store.hpp"

#include <string>
#include <vector>

namespace meetscan::core {

// What an attendee may see of one person they met. Contact details are filled only where the
// design's consent rule allows (a mutual scan in Meet mode is agreement between those two).
struct MetPerson {
    std::string id;
    std::string name;
    std::string company;
    std::string title;
    std::string email; // empty unless shared
    std::string phone; // empty unless shared
    TimeMs firstAt = 0;
    TimeMs lastAt = 0;
    int meetings = 0;
};

struct VisitedBooth {
    std::string exhibitorId;
    std::string name;
    std::string booth;
    TimeMs firstAt = 0;
    std::string website{};  // the exhibitor's, for the follow-up; empty when it gave none
    std::string followUp{}; // a brochure or booking page the exhibitor offers its visitors
};

struct AttendeeSummary {
    Attendee attendee;
    std::vector<MetPerson> people;      // oldest meeting first
    std::vector<VisitedBooth> booths;   // first visit first
};

[[nodiscard]] AttendeeSummary summarizeAttendee(Store& store, const Attendee& attendee);

} // namespace meetscan::core
