#include "core/store/erasure.hpp"

#include "core/domain/ulid.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

namespace meetscan::core {

void blankErasedAttendee(SQLite::Database& db, const std::string& attendeeId, TimeMs at) {
    auto run = [&](const char* sql) {
        SQLite::Statement statement(db, sql);
        statement.bind(1, attendeeId);
        statement.exec();
    };
    // The badge code is replaced by a placeholder unique to this id: codes can be secrets.
    SQLite::Statement blank(db, "UPDATE attendee SET badge_code = 'erased:' || id, first_name = '', last_name = '', "
                                "company = '', title = '', email = '', phone = '', country = '', role = '', "
                                "consent_exhibitors = 0, consent_networking = 0, erased_at = ?2, updated_at = ?2 "
                                "WHERE id = ?1 AND (badge_code IS NOT 'erased:' || id OR first_name <> '' "
                                "OR last_name <> '' OR company <> '' OR title <> '' OR email <> '' OR phone <> '' "
                                "OR country <> '' OR role <> '' OR consent_exhibitors <> 0 OR consent_networking <> 0 "
                                "OR erased_at IS NOT ?2 OR updated_at IS NOT ?2)");
    blank.bind(1, attendeeId);
    blank.bind(2, at);
    blank.exec();
    run("DELETE FROM attendee_code WHERE attendee_id = ?");
    run("UPDATE scan SET raw_text = '' WHERE attendee_id = ? AND raw_text <> ''");
    run("UPDATE lead SET note = '', answers = '{}', tags = '[]' WHERE attendee_id = ? "
        "AND (note <> '' OR answers <> '{}' OR tags <> '[]')");
    run("UPDATE lead_edit SET value = '' WHERE attendee_id = ? AND value <> ''");
    run("DELETE FROM mail_outbox WHERE kind = 'packet' AND subject_id = ?"); // it holds their address
}

Status eraseAttendee(SQLite::Database& db, const std::string& attendeeId, const std::string& stationId) {
    try {
        SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
        const TimeMs at = nowMs();
        blankErasedAttendee(db, attendeeId, at);
        SQLite::Statement record(db, "INSERT OR IGNORE INTO erasure (attendee_id, station_id, at) VALUES (?, ?, ?)");
        record.bind(1, attendeeId);
        record.bind(2, stationId);
        record.bind(3, at);
        record.exec();
        transaction.commit();
        return Done{};
    } catch (const SQLite::Exception& e) {
        return Error::world(fmt::format("cannot erase {}: {}", attendeeId, e.what()));
    }
}

} // namespace meetscan::core
