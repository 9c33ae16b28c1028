#include "core/merge/database_merge.hpp"

#include "core/store/database.hpp"
#include "core/store/event_repository.hpp"
#include "core/store/private_scratch.hpp"
#include "core/merge/row_owners.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <system_error>

namespace meetscan::core {

namespace {

std::string eventName(SQLite::Database& db, const std::string& eventId) {
    SQLite::Statement query(db, "SELECT name FROM event WHERE id = ?");
    query.bind(1, eventId);
    return query.executeStep() ? query.getColumn(0).getString() : std::string{};
}

struct SourceCopy {
    std::filesystem::path path;
    std::string eventId;
    std::string stationId;
    std::string officeSecret; // proves the file is the office's own copy (row_owners.hpp)
};

// Checks that `path` is a MeetScan database and snapshots it into `copy` (VACUUM INTO reads a
// consistent view, WAL included, through a read-only connection), then migrates the copy.
Expected<SourceCopy> copySource(const std::filesystem::path& path, const std::filesystem::path& copy) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error))
        return Error::badInput(fmt::format("cannot read {}: not a file", path.string()));
    try {
        SQLite::Database source(path.string(), SQLite::OPEN_READONLY);
        const int version = source.execAndGet("PRAGMA user_version").getInt();
        if (version < 1 || !source.tableExists("meta"))
            return Error::badInput(fmt::format("{} is not a MeetScan database", path.string()));
        if (version > latestSchemaVersion())
            return Error::badInput(fmt::format("{} was written by a newer MeetScan (schema {}, this one knows {})",
                                               path.string(), version, latestSchemaVersion()));
        if (EventRepository(source).metaValue("event_id").empty())
            return Error::badInput(fmt::format("{} is not a MeetScan database: it names no event", path.string()));
        SQLite::Statement vacuum(source, "VACUUM INTO ?");
        vacuum.bind(1, copy.string());
        vacuum.exec();
    } catch (const SQLite::Exception& e) {
        const int code = e.getErrorCode() & 0xff;
        if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
            return Error::badInput(fmt::format("{} is not a MeetScan database: {}", path.string(), e.what()));
        if (code == SQLITE_CANTOPEN || code == SQLITE_PERM || code == SQLITE_AUTH)
            return Error::badInput(fmt::format("cannot read {}: {}", path.string(), e.what()));
        return Error::world(fmt::format("cannot copy {}: {}", path.string(), e.what()));
    }
    auto migrated = openDatabase(copy);
    if (!migrated)
        return Error{migrated.error().kind, fmt::format("{}: {}", path.string(), migrated.error().message)};
    EventRepository copied(**migrated);
    return SourceCopy{copy, copied.metaValue("event_id"), copied.metaValue("station_id"),
                      databaseRole(**migrated) == DatabaseRole::Office ? copied.metaValue("office_secret") : ""};
}

// Attaches a database file for the lifetime of the guard. Declared before the transaction
// that uses it, so the transaction ends (commit or rollback) before the detach.
class Attached {
public:
    Attached(SQLite::Database& db, const std::filesystem::path& path, std::string schema)
        : m_db(db), m_schema(std::move(schema)) {
        SQLite::Statement attach(m_db, fmt::format("ATTACH DATABASE ? AS {}", m_schema));
        attach.bind(1, path.string());
        attach.exec();
    }
    ~Attached() {
        try {
            m_db.exec(fmt::format("DETACH DATABASE {}", m_schema));
        } catch (const SQLite::Exception&) {
            // Nothing to do: the connection is closed soon and the copy removed.
        }
    }
    Attached(const Attached&) = delete;
    Attached& operator=(const Attached&) = delete;

private:
    SQLite::Database& m_db;
    std::string m_schema;
};

Expected<MergeCounts> foldFile(SQLite::Database& db, const std::filesystem::path& path, FoldInto into) {
    Attached attached(db, path, "merge_source");
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    auto counts = foldAttached(db, "merge_source", into);
    if (counts)
        transaction.commit();
    return counts;
}

} // namespace

Expected<MergeReport> mergeDatabases(SQLite::Database& target, const std::vector<std::filesystem::path>& others) {
    auto scratch = PrivateScratch::create(target.getFilename());
    if (!scratch)
        return scratch.error();
    MergeReport report;
    try {
        const EventRepository targetEvent(target);
        const std::string eventId = targetEvent.metaValue("event_id");
        const std::string stationId = targetEvent.metaValue("station_id");
        // Every file is checked before anything is folded, so a bad one is reported first.
        std::vector<SourceCopy> copies;
        for (std::size_t i = 0; i < others.size(); ++i) {
            auto copy = copySource(others[i], scratch->path() / fmt::format("source-{}.db", i));
            if (!copy)
                return copy.error();
            if (copy->eventId != eventId) {
                auto source = openDatabase(copy->path);
                const std::string otherName = source ? eventName(**source, copy->eventId) : std::string{};
                return Error::badInput(fmt::format("{} belongs to another event: \"{}\" ({}); this database is "
                                                   "\"{}\" ({}). Stations of one event are made from its office: "
                                                   "`meetscan station add --out PACK` there, then `meetscan init "
                                                   "--join PACK` on the kiosk",
                                                   others[i].string(), otherName, copy->eventId,
                                                   eventName(target, eventId), eventId));
            }
            if (!stationId.empty() && copy->stationId == stationId)
                report.warnings.push_back(fmt::format("{} has this station's id (was it copied from this database? "
                                                      "make each kiosk from a station pack instead)",
                                                      others[i].string()));
            copies.push_back(std::move(*copy));
        }
        // Folding is associative, so the files are folded together in scratch databases first
        // (SQLite cannot attach more than a few files at once). Only files that prove they are
        // the office's own copy (row_owners.hpp) carry its authority, so they are folded apart
        // and reach the target first; the stations' copies are then checked against the office's
        // rows. Both scratch databases are filled before the target is touched.
        const std::string office = officeIdOf(target);
        std::vector<std::size_t> officeFiles;
        std::vector<std::size_t> stationFiles;
        for (std::size_t i = 0; i < copies.size(); ++i)
            (!office.empty() && officeIdForSecret(copies[i].officeSecret) == office ? officeFiles : stationFiles)
                .push_back(i);
        std::vector<std::filesystem::path> stagings;
        for (const auto* group : {&officeFiles, &stationFiles}) {
            if (group->empty())
                continue;
            const auto stagingPath = scratch->path() / fmt::format("staging-{}.db", stagings.size());
            auto staging = openDatabase(stagingPath);
            if (!staging)
                return staging.error();
            if (group == &officeFiles)
                saveOfficeSecret(**staging, copies[group->front()].officeSecret);
            else
                makeStationOf(**staging, office);
            for (const std::size_t i : *group)
                if (auto folded = foldFile(**staging, copies[i].path, FoldInto::Scratch); !folded)
                    return Error{folded.error().kind, fmt::format("{}: {}", others[i].string(), folded.error().message)};
            stagings.push_back(stagingPath);
        }
        for (const auto& stagingPath : stagings) {
            auto counts = foldFile(target, stagingPath, FoldInto::Database);
            if (!counts)
                return counts.error();
            for (const auto& [table, folded] : counts->tables) {
                report.counts.tables[table].added += folded.added;
                report.counts.tables[table].updated += folded.updated;
            }
        }
        report.databases = static_cast<int>(others.size());
        return report;
    } catch (const SQLite::Exception& e) {
        return Error::world(fmt::format("merge failed: {}", e.what()));
    }
}

} // namespace meetscan::core
