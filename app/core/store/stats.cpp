#include "core/store/stats.hpp"

namespace meetscan::core {

EventStats collectStats(Store& store, TimeMs now) {
    auto& db = store.database();
    EventStats stats;
    stats.attendees = store.attendees().count();
    stats.walkIns = db.execAndGet("SELECT count(*) FROM attendee WHERE source = 'walk_in' AND erased_at IS NULL").getInt();
    stats.erased = db.execAndGet("SELECT count(*) FROM erasure").getInt();
    stats.exhibitors = db.execAndGet("SELECT count(*) FROM exhibitor").getInt();
    stats.stations = db.execAndGet("SELECT count(*) FROM station").getInt();
    stats.scans = store.scans().count();
    stats.meetings = store.meetings().meetingCount();
    stats.connections = store.meetings().connectionCount();
    stats.leads = store.leads().count();
    stats.scansByOutcome = store.scans().countsByOutcome();
    stats.scansByHour = store.scans().countsByHour(now, 24);
    return stats;
}

} // namespace meetscan::core
