#pragma once
#include <SQLiteCpp/Database.h>

namespace meetscan::core {

// For one large write into a database nobody else has open: a rollback journal instead of the
// WAL, and the WAL back afterwards.
//
// In WAL mode every page a transaction writes is written twice, once into the WAL at the commit
// and once more into the database by the checkpoint that follows. A bulk import writes mostly
// new pages, which a rollback journal need not copy: each page goes to disk once and the commit
// syncs the file once. Measured on a 100,000-row roster, this is a fifth of the import's time.
//
// SQLite leaves WAL mode only when this is the database's only connection (it asks for an
// exclusive lock and does not wait): while a kiosk has the database open, the write simply stays
// in the WAL. A process that opens the database during the write waits for it like for any
// writer, and Store::open puts the WAL back should this process die before it could.
class BulkWriteJournal {
public:
    // Call outside any transaction; the write's transaction goes inside this object's lifetime.
    explicit BulkWriteJournal(SQLite::Database& db);
    ~BulkWriteJournal();
    BulkWriteJournal(const BulkWriteJournal&) = delete;
    BulkWriteJournal& operator=(const BulkWriteJournal&) = delete;

    // Whether the write goes through a rollback journal (false: it stays in the WAL).
    [[nodiscard]] bool switched() const { return m_switched; }

private:
    SQLite::Database& m_db;
    bool m_switched = false;
};

} // namespace meetscan::core
