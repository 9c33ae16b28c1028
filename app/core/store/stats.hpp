#pragma once
#include "core/store/store.hpp"

#include <map>
#include <string>

namespace meetscan::core {

struct EventStats {
    int attendees = 0;
    int walkIns = 0;
    int erased = 0;
    int exhibitors = 0;
    int stations = 0;
    int scans = 0;
    int meetings = 0;
    int connections = 0;
    int leads = 0;
    std::map<std::string, int> scansByOutcome;
    std::map<std::string, int> scansByHour; // last 24 hours
};

[[nodiscard]] EventStats collectStats(Store& store, TimeMs now);

} // namespace meetscan::core
