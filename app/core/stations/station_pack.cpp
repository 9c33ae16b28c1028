#include "core/stations/station_pack.hpp"

#include "core/merge/merge_rules.hpp"
#include "core/merge/row_checks.hpp"
#include "core/merge/row_owners.hpp"
#include "core/store/database.hpp"
#include "core/store/event_repository.hpp"
#include "core/store/exhibitor_repository.hpp"
#include "core/store/private_scratch.hpp"
#include "core/sync/station_login.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <array>
#include <optional>
#include <system_error>

namespace meetscan::core {

namespace {

// What a kiosk gets of the office, in an order that keeps references valid.
constexpr std::array kPackedTables{"event", "station", "exhibitor", "attendee", "attendee_code", "trusted_key",
                                   "erasure"};

int countRows(SQLite::Database& db, const std::string& schema, const char* table) {
    return db.execAndGet(fmt::format("SELECT count(*) FROM {}.{}", schema, table)).getInt();
}

std::string metaIn(SQLite::Database& db, const std::string& schema, const char* key) {
    SQLite::Statement query(db, fmt::format("SELECT value FROM {}.meta WHERE key = ?", schema));
    query.bind(1, key);
    return query.executeStep() ? query.getColumn(0).getString() : std::string{};
}

void setMeta(SQLite::Database& db, const std::string& schema, const char* key, const std::string& value) {
    SQLite::Statement save(db, fmt::format("INSERT OR REPLACE INTO {}.meta (key, value) VALUES (?, ?)", schema));
    save.bind(1, key);
    save.bind(2, value);
    save.exec();
}

Status checkNewStation(SQLite::Database& office, const Station& station) {
    if (station.mode == Mode::Booth && station.exhibitorId.empty())
        return Error::badInput("a booth station needs --exhibitor ID (see `meetscan exhibitors list`)");
    if (!station.exhibitorId.empty() && !ExhibitorRepository(office).byId(station.exhibitorId))
        return Error::badInput(fmt::format("exhibitor {} is not imported (meetscan import exhibitors FILE)",
                                           station.exhibitorId));
    return Done{};
}

Expected<StationLogin> makeLogin(SQLite::Database& office, const std::string& server, const std::string& stationId) {
    auto admin = PgConnection::connect(server);
    if (!admin)
        return admin.error();
    return createStationLogin(*admin, metaIn(office, "main", "event_id"), stationId);
}

void setLogin(SQLite::Database& db, const std::string& schema, const StationLogin& login) {
    setMeta(db, schema, kMetaSyncServer, login.server);
    setMeta(db, schema, kMetaSyncUser, login.user);
    setMeta(db, schema, kMetaSyncPassword, login.password);
}

// Copies the office's rows into the attached, freshly migrated pack. The outbox triggers of the
// pack stay quiet: a kiosk never sends the office's rows back.
void fillPack(SQLite::Database& office, const Station& station, const std::optional<StationLogin>& login) {
    SQLite::Transaction transaction(office, SQLite::TransactionBehavior::IMMEDIATE);
    office.exec("INSERT INTO pack.sync_state (key, value) VALUES ('applying', '1')");
    for (const char* table : kPackedTables)
        office.exec(fmt::format("INSERT INTO pack.{0} SELECT * FROM main.{0}", table));
    office.exec("DELETE FROM pack.sync_state");
    office.exec("DELETE FROM pack.meta");
    setMeta(office, "pack", "event_id", metaIn(office, "main", "event_id"));
    setMeta(office, "pack", "station_id", station.id);
    setMeta(office, "pack", kPackWrittenAtKey, std::to_string(nowMs()));
    makeStationOf(office, officeIdOf(office), "pack");
    if (login)
        setLogin(office, "pack", *login);
    transaction.commit();
}

class AttachedPack {
public:
    AttachedPack(SQLite::Database& db, const std::filesystem::path& path) : m_db(db) {
        SQLite::Statement attach(m_db, "ATTACH DATABASE ? AS pack");
        attach.bind(1, path.string());
        attach.exec();
    }
    ~AttachedPack() {
        try {
            m_db.exec("DETACH DATABASE pack");
        } catch (const SQLite::Exception&) {
            // The connection closes soon and the file is removed or moved.
        }
    }
    AttachedPack(const AttachedPack&) = delete;
    AttachedPack& operator=(const AttachedPack&) = delete;

private:
    SQLite::Database& m_db;
};

Error fromSqlite(const SQLite::Exception& e, const std::string& what) {
    const int code = e.getErrorCode() & 0xff;
    if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
        return Error::badInput(fmt::format("{}: not a MeetScan station pack ({})", what, e.what()));
    return Error::world(fmt::format("{}: {}", what, e.what()));
}

} // namespace

Expected<PackSummary> writeStationPack(SQLite::Database& office, PackRequest request) {
    if (databaseRole(office) != DatabaseRole::Office)
        return Error::badInput("this database is a station: packs are made at the event's office");
    const bool writesPack = !request.out.empty();
    std::error_code error;
    if (writesPack) {
        const auto folder = request.out.has_parent_path() ? request.out.parent_path() : std::filesystem::path(".");
        if (!std::filesystem::is_directory(folder, error))
            return Error::badInput(
                fmt::format("cannot write {}: {} is not a folder", request.out.string(), folder.string()));
        if (std::filesystem::is_directory(request.out, error))
            return Error::badInput(fmt::format("cannot write {}: it is a folder", request.out.string()));
    }
    try {
        const bool isNew = request.station.id.empty();
        if (isNew) {
            if (auto checked = checkNewStation(office, request.station); !checked)
                return checked.error();
            request.station.id = newUlid();
        }
        PackSummary summary;
        if (!request.server.empty()) {
            auto made = makeLogin(office, request.server, request.station.id);
            if (!made)
                return made.error();
            summary.login = std::move(*made);
        }
        if (isNew)
            if (auto added = EventRepository(office).saveStation(request.station); !added)
                return added.error();
        summary.station = request.station;
        summary.eventName = EventRepository(office).event().name;
        if (!writesPack)
            return summary;
        auto scratch = PrivateScratch::create(request.out);
        if (!scratch)
            return scratch.error();
        const auto building = scratch->path() / "pack.db";
        {
            auto pack = openDatabase(building);
            if (!pack)
                return pack.error();
            (*pack)->exec("PRAGMA journal_mode = DELETE");
        }
        {
            AttachedPack attached(office, building);
            office.exec("PRAGMA pack.synchronous = OFF");
            fillPack(office, request.station, summary.login);
            summary.attendees = countRows(office, "pack", "attendee");
            summary.exhibitors = countRows(office, "pack", "exhibitor");
            summary.trustedKeys = countRows(office, "pack", "trusted_key");
        }
        // The pack holds the roster, and with --server the station's password: for its owner only.
        std::filesystem::permissions(building, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                     error);
        std::filesystem::rename(building, request.out, error);
        if (error)
            return Error::world(fmt::format("cannot write {}: {}", request.out.string(), error.message()));
        return summary;
    } catch (const SQLite::Exception& e) {
        return fromSqlite(e, fmt::format("cannot write the station pack {}", request.out.string()));
    }
}

namespace {

struct PackInfo {
    std::string eventId;
    std::string stationId;
};

Expected<PackInfo> readPackInfo(const std::filesystem::path& pack) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(pack, error))
        return Error::badInput(fmt::format("cannot read {}: not a file", pack.string()));
    const auto notAPack = Error::badInput(fmt::format("{} is not a MeetScan station pack (the office makes one with "
                                                      "`meetscan station add --out FILE`)",
                                                      pack.string()));
    try {
        SQLite::Database db(pack.string(), SQLite::OPEN_READONLY);
        const int version = db.execAndGet("PRAGMA user_version").getInt();
        if (version < 1 || !db.tableExists("meta"))
            return notAPack;
        if (version > latestSchemaVersion())
            return Error::badInput(fmt::format("{} was written by a newer MeetScan (schema {}, this one knows {})",
                                               pack.string(), version, latestSchemaVersion()));
        PackInfo info{metaIn(db, "main", "event_id"), metaIn(db, "main", "station_id")};
        if (metaIn(db, "main", kPackWrittenAtKey).empty() || databaseRole(db) != DatabaseRole::Station ||
            info.eventId.empty() || info.stationId.empty())
            return notAPack;
        return info;
    } catch (const SQLite::Exception& e) {
        return fromSqlite(e, pack.string());
    }
}

// A new kiosk: the pack is copied into a private folder beside the target, migrated, checked,
// and only then moved into place.
Expected<JoinSummary> joinNew(const std::filesystem::path& pack, const std::filesystem::path& target) {
    auto scratch = PrivateScratch::create(target);
    if (!scratch)
        return scratch.error();
    const auto copy = scratch->path() / "joining.db";
    JoinSummary summary;
    try {
        {
            SQLite::Database source(pack.string(), SQLite::OPEN_READONLY);
            SQLite::Statement vacuum(source, "VACUUM INTO ?");
            vacuum.bind(1, copy.string());
            vacuum.exec();
        }
        auto db = openDatabase(copy);
        if (!db)
            return db.error();
        if (auto checked = checkIncomingRows(**db, "main"); !checked)
            return Error::badInput(fmt::format("{}: {}", pack.string(), checked.error().message));
        // What the pack brought is the office's to send; the kiosk sends only its own station row.
        (*db)->exec("DELETE FROM sync_outbox; INSERT INTO sync_outbox (tbl, row_id) "
                    "SELECT 'station', value FROM meta WHERE key = 'station_id'");
        const EventRepository events(**db);
        summary.station = events.station();
        summary.eventName = events.event().name;
        summary.attendees = countRows(**db, "main", "attendee");
        summary.exhibitors = countRows(**db, "main", "exhibitor");
    } catch (const SQLite::Exception& e) {
        return fromSqlite(e, fmt::format("cannot join from {}", pack.string()));
    }
    std::error_code error;
    std::filesystem::rename(copy, target, error);
    if (error)
        return Error::world(fmt::format("cannot write {}: {}", target.string(), error.message()));
    return summary;
}

// A kiosk that has this station already: the office's newer rows come in through the fold.
Expected<JoinSummary> joinUpdate(const std::filesystem::path& pack, SQLite::Database& kiosk) {
    auto scratch = PrivateScratch::create(kiosk.getFilename());
    if (!scratch)
        return scratch.error();
    const auto copy = scratch->path() / "update.db";
    JoinSummary summary;
    summary.updated = true;
    try {
        {
            SQLite::Database source(pack.string(), SQLite::OPEN_READONLY);
            SQLite::Statement vacuum(source, "VACUUM INTO ?");
            vacuum.bind(1, copy.string());
            vacuum.exec();
        }
        if (auto migrated = openDatabase(copy); !migrated)
            return migrated.error();
        AttachedPack attached(kiosk, copy);
        SQLite::Transaction transaction(kiosk, SQLite::TransactionBehavior::IMMEDIATE);
        // A pack carries no proof of its office: joining one is the same deliberate act as
        // setting the kiosk up from the first pack, so it is taken as the office's when it
        // names the kiosk's office.
        if (officeIdOf(kiosk, "pack") != officeIdOf(kiosk))
            return Error::badInput(fmt::format("{} was written by another office than this kiosk's", pack.string()));
        auto folded = foldAttached(kiosk, "pack", FoldInto::Database, RowSource::Office);
        if (!folded)
            return Error{folded.error().kind, fmt::format("{}: {}", pack.string(), folded.error().message)};
        // The event's name and settings are the office's to change.
        kiosk.exec("UPDATE main.event SET name = p.name, settings = p.settings FROM pack.event p "
                   "WHERE p.id = main.event.id AND (main.event.name, main.event.settings) IS NOT (p.name, p.settings)");
        if (const auto user = metaIn(kiosk, "pack", kMetaSyncUser); !user.empty())
            setLogin(kiosk, "main",
                     {metaIn(kiosk, "pack", kMetaSyncServer), user, metaIn(kiosk, "pack", kMetaSyncPassword)});
        transaction.commit();
        const EventRepository events(kiosk);
        summary.station = events.station();
        summary.eventName = events.event().name;
        summary.attendees = countRows(kiosk, "main", "attendee");
        summary.exhibitors = countRows(kiosk, "main", "exhibitor");
        return summary;
    } catch (const SQLite::Exception& e) {
        return fromSqlite(e, fmt::format("cannot join from {}", pack.string()));
    }
}

} // namespace

Expected<JoinSummary> joinStationPack(const std::filesystem::path& pack, const std::filesystem::path& target) {
    auto info = readPackInfo(pack);
    if (!info)
        return info.error();
    std::error_code error;
    if (!std::filesystem::exists(target, error) || std::filesystem::file_size(target, error) == 0)
        return joinNew(pack, target);
    auto kiosk = openDatabase(target);
    if (!kiosk)
        return kiosk.error();
    const EventRepository events(**kiosk);
    if (events.metaValue("event_id") != info->eventId || events.metaValue("station_id") != info->stationId)
        return Error::badInput(fmt::format("{} is already a database of another event or station; join into a new "
                                           "file (--db PATH)",
                                           target.string()));
    return joinUpdate(pack, **kiosk);
}

} // namespace meetscan::core
