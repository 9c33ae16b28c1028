#pragma once
#include "core/domain/ulid.hpp"

#include <map>
#include <string>
#include <vector>

namespace meetscan::core {

// One lead per (exhibitor, attendee); scanning the visitor again opens the same lead.
struct Lead {
    std::string id;
    std::string stationId;
    std::string exhibitorId;
    std::string attendeeId;
    TimeMs firstScanAt = 0;
    TimeMs lastScanAt = 0;
    int scanCount = 0;
    std::string staffId;
    std::string rating; // "", hot, warm, cold
    std::vector<std::string> tags;
    std::map<std::string, std::string> answers; // question id -> answer
    std::string note;
};

// A meeting in Meet mode; the pair is stored ordered (attendeeA < attendeeB).
struct Meeting {
    std::string id;
    std::string stationId;
    TimeMs at = 0;
    std::string attendeeA;
    std::string attendeeB;
    std::string scanA;
    std::string scanB;
};

// A connection as seen from one attendee.
struct Connection {
    std::string otherId;
    TimeMs firstAt = 0;
    TimeMs lastAt = 0;
    int meetings = 0;
};

} // namespace meetscan::core
