#include "core/store/hybrid_clock.hpp"

#include <SQLiteCpp/Statement.h>

#include <algorithm>

namespace meetscan::core {

namespace {

const char* clockKey(OrderedRows rows) {
    return rows == OrderedRows::LeadEdits ? "hlc_leads" : "hlc_office";
}

TimeMs lastTick(SQLite::Database& db, OrderedRows rows) {
    SQLite::Statement query(db, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?");
    query.bind(1, clockKey(rows));
    return query.executeStep() ? query.getColumn(0).getInt64() : 0;
}

void saveTick(SQLite::Database& db, OrderedRows rows, TimeMs tick) {
    SQLite::Statement save(db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
    save.bind(1, clockKey(rows));
    save.bind(2, std::to_string(tick));
    save.exec();
}

void observe(SQLite::Database& db, OrderedRows rows, TimeMs seen) {
    if (seen > lastTick(db, rows))
        saveTick(db, rows, seen);
}

} // namespace

TimeMs hybridClockTick(SQLite::Database& db, OrderedRows rows, TimeMs now) {
    const TimeMs tick = std::max(now, lastTick(db, rows) + 1);
    saveTick(db, rows, tick);
    return tick;
}

void hybridClockObserveRows(SQLite::Database& db) {
    observe(db, OrderedRows::LeadEdits, db.execAndGet("SELECT coalesce(max(at), 0) FROM lead_edit").getInt64());
    observe(db, OrderedRows::OfficeRows,
            db.execAndGet("SELECT max(coalesce((SELECT max(updated_at) FROM attendee), 0), "
                          "coalesce((SELECT max(updated_at) FROM exhibitor), 0))")
                .getInt64());
}

} // namespace meetscan::core
