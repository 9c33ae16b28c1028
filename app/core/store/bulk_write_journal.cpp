#include "core/store/bulk_write_journal.hpp"

#include <string>

namespace meetscan::core {

BulkWriteJournal::BulkWriteJournal(SQLite::Database& db) : m_db(db) {
    // Asking costs nothing, waiting would: with the connection's busy timeout, a running kiosk
    // would hold the import up for the whole timeout before it went ahead in the WAL anyway.
    const int busyTimeoutMs = m_db.execAndGet("PRAGMA busy_timeout").getInt();
    m_db.exec("PRAGMA busy_timeout = 0");
    try {
        m_switched = m_db.execAndGet("PRAGMA journal_mode = DELETE").getString() == "delete";
    } catch (const SQLite::Exception&) {
        // Another connection has the database open (SQLITE_BUSY): the write stays in the WAL.
    }
    m_db.exec("PRAGMA busy_timeout = " + std::to_string(busyTimeoutMs));
}

BulkWriteJournal::~BulkWriteJournal() {
    if (!m_switched)
        return;
    try {
        m_db.exec("PRAGMA journal_mode = WAL");
    } catch (const SQLite::Exception&) {
        // Someone opened the database meanwhile and waits for it: their Store::open turns the WAL
        // back on, as it does at every open.
    }
}

} // namespace meetscan::core
