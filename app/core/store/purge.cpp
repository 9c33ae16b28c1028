#include "core/store/purge.hpp"

#include "core/store/erasure.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <charconv>
#include <ctime>
#include <vector>

namespace meetscan::core {

namespace {

// People not erased yet whose latest trace in this database is older than the cutoff.
constexpr const char* kStaleAttendees = R"sql(
SELECT a.id FROM attendee a
WHERE a.erased_at IS NULL AND a.updated_at < ?1
  AND NOT EXISTS (SELECT 1 FROM scan s WHERE s.attendee_id = a.id AND s.at >= ?1)
  AND NOT EXISTS (SELECT 1 FROM meeting m WHERE (m.attendee_a = a.id OR m.attendee_b = a.id) AND m.at >= ?1)
  AND NOT EXISTS (SELECT 1 FROM lead l WHERE l.attendee_id = a.id AND (l.last_scan_at >= ?1 OR l.updated_at >= ?1))
  AND NOT EXISTS (SELECT 1 FROM lead_edit e WHERE e.attendee_id = a.id AND e.at >= ?1)
ORDER BY a.id
)sql";

constexpr const char* kCountScans = "SELECT count(*) FROM scan WHERE at < ?1 AND raw_text <> ''";
constexpr const char* kBlankScans = "UPDATE scan SET raw_text = '' WHERE at < ?1 AND raw_text <> ''";
constexpr const char* kCountLeads =
    "SELECT count(*) FROM lead WHERE updated_at < ?1 AND (note <> '' OR answers <> '{}' OR tags <> '[]')";
constexpr const char* kClearLeads =
    "UPDATE lead SET note = '', answers = '{}', tags = '[]' WHERE updated_at < ?1 AND (note <> '' OR answers <> '{}' OR tags <> '[]')";
constexpr const char* kCountEdits = "SELECT count(*) FROM lead_edit WHERE at < ?1 AND value <> ''";
constexpr const char* kClearEdits = "UPDATE lead_edit SET value = '' WHERE at < ?1 AND value <> ''";

bool readInt(std::string_view text, std::size_t at, std::size_t length, int& out) {
    if (at + length > text.size())
        return false;
    const char* first = text.data() + at;
    auto [end, error] = std::from_chars(first, first + length, out);
    return error == std::errc{} && end == first + length;
}

int countWhere(SQLite::Database& db, const char* sql, TimeMs cutoff) {
    SQLite::Statement query(db, sql);
    query.bind(1, cutoff);
    return query.executeStep() ? query.getColumn(0).getInt() : 0;
}

void updateWhere(SQLite::Database& db, const char* sql, TimeMs cutoff) {
    SQLite::Statement statement(db, sql);
    statement.bind(1, cutoff);
    statement.exec();
}

} // namespace

Expected<TimeMs> parsePurgeDate(std::string_view text) {
    const auto bad = [&] {
        return Error::badInput(fmt::format("bad date \"{}\": expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]Z (UTC)", text));
    };
    std::tm tm{};
    int year = 0;
    int month = 0;
    int day = 0;
    if (text.size() < 10 || text[4] != '-' || text[7] != '-' || !readInt(text, 0, 4, year) || !readInt(text, 5, 2, month) ||
        !readInt(text, 8, 2, day))
        return bad();
    int hour = 0;
    int minute = 0;
    int second = 0;
    if (text.size() > 10) {
        const bool shortForm = text.size() == 17 && text[16] == 'Z';
        const bool longForm = text.size() == 20 && text[16] == ':' && text[19] == 'Z' && readInt(text, 17, 2, second);
        if ((text[10] != 'T' && text[10] != ' ') || text[13] != ':' || !readInt(text, 11, 2, hour) ||
            !readInt(text, 14, 2, minute) || !(shortForm || longForm))
            return bad();
    }
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
        return bad();
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_min = minute;
    tm.tm_sec = second;
    const std::time_t seconds = timegm(&tm);
    // timegm normalises 31 February into March: a date that moved was not a real date.
    if (tm.tm_mday != day || tm.tm_mon != month - 1)
        return bad();
    return static_cast<TimeMs>(seconds) * 1000;
}

Expected<PurgeReport> purgeBefore(SQLite::Database& db, TimeMs cutoff, const std::string& stationId, bool dryRun) {
    PurgeReport report;
    try {
        std::vector<std::string> stale;
        {
            SQLite::Statement query(db, kStaleAttendees);
            query.bind(1, cutoff);
            while (query.executeStep())
                stale.push_back(query.getColumn(0).getString());
        }
        // Counted before anything changes: the erasures below blank some of the same rows, and
        // those have to count once whichever step blanks them.
        report.attendeesErased = static_cast<int>(stale.size());
        report.scansBlanked = countWhere(db, kCountScans, cutoff);
        report.leadsCleared = countWhere(db, kCountLeads, cutoff);
        report.leadEditsCleared = countWhere(db, kCountEdits, cutoff);
        if (dryRun)
            return report;
        // One transaction: the erasure's own blanking (the same as `meetscan erase`) for every
        // stale person, recorded so a merge cannot bring them back, then the old texts.
        const TimeMs at = nowMs();
        // Blanked text must not linger in freed space inside the file, nor in the WAL.
        const int secureDelete = db.execAndGet("PRAGMA secure_delete").getInt();
        db.exec("PRAGMA secure_delete = ON");
        SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement record(db, "INSERT OR IGNORE INTO erasure (attendee_id, station_id, at) VALUES (?, ?, ?)");
        for (const auto& id : stale) {
            blankErasedAttendee(db, id, at);
            record.bind(1, id);
            record.bind(2, stationId);
            record.bind(3, at);
            record.exec();
            record.reset();
        }
        updateWhere(db, kBlankScans, cutoff);
        updateWhere(db, kClearLeads, cutoff);
        updateWhere(db, kClearEdits, cutoff);
        transaction.commit();
        // Best effort: a kiosk reading the database at this moment keeps the WAL until it lets go.
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        db.exec(fmt::format("PRAGMA secure_delete = {}", secureDelete));
        return report;
    } catch (const SQLite::Exception& e) {
        return Error::world(fmt::format("purge failed: {}", e.what()));
    }
}

} // namespace meetscan::core
