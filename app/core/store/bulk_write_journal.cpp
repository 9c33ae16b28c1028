#include "core/store/bulk_write_journal.hpp"

namespace meetscan::core {

BulkWriteJournal::BulkWriteJournal(SQLite::Database& db) : m_db(db) {
    try {
        m_switched = m_db.execAndGet("PRAGMA journal_mode = DELETE").getString() == "delete";
    } catch (const SQLite::Exception&) {
        // Another connection has the database open (SQLITE_BUSY): the write stays in the WAL.
    }
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
