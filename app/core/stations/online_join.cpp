#include "core/stations/online_join.hpp"

#include "core/merge/row_owners.hpp"
#include "core/store/database.hpp"
#include "core/store/event_repository.hpp"
#include "core/store/private_scratch.hpp"
#include "core/sync/sync_client.hpp"

#include <fmt/format.h>

#include <system_error>

namespace meetscan::core {

namespace {

Status moveIntoPlace(const std::filesystem::path& from, const std::filesystem::path& target) {
    std::error_code error;
    std::filesystem::rename(from, target, error);
    if (error)
        return Error::world(fmt::format("cannot write {}: {}", target.string(), error.message()));
    return Done{};
}

} // namespace

Expected<JoinSummary> joinThroughServer(const SetupCode& code, const std::filesystem::path& target) {
    std::error_code error;
    if (std::filesystem::exists(target, error) && std::filesystem::file_size(target, error) > 0)
        return Error::badInput(fmt::format("{} is already a database; a set-up code makes a new one (--db PATH)",
                                           target.string()));
    auto scratch = PrivateScratch::create(target);
    if (!scratch)
        return scratch.error();
    const auto building = scratch->path() / "joining.db";
    try {
        // The database exists before the code is spent, so little can fail between spending
        // it and keeping the login it brings.
        auto db = openDatabase(building);
        if (!db)
            return db.error();
        auto redeemed = redeemSetupCode(code);
        if (!redeemed)
            return redeemed.error();
        EventRepository events(**db);
        events.saveMetaValue("event_id", redeemed->eventId);
        events.saveMetaValue("station_id", redeemed->station.id);
        makeStationOf(**db, redeemed->officeId);
        saveStationLogin(**db, redeemed->login);
        // Its own row, queued: the kiosk owns it and sends it with the first sync.
        if (auto saved = events.saveStation(redeemed->station); !saved)
            return saved.error();

        auto server = conninfoWithLogin(redeemed->login.server, redeemed->login.user, redeemed->login.password);
        if (!server)
            return server.error();
        SyncClient client(*server);
        auto synced = client.syncOnce(**db);
        const bool complete = synced && !events.event().name.empty() && !events.event().id.empty();
        if (!complete) {
            const std::string why = synced ? std::string("the server holds no event for it yet; sync the office "
                                                         "(meetscan sync --once) first")
                                           : synced.error().message;
            db->reset();
            if (auto moved = moveIntoPlace(building, target); !moved)
                return moved.error();
            return Error::world(fmt::format("{} joined the event, but its first download failed: {}. Run `meetscan "
                                            "sync --once` there to finish",
                                            target.string(), why));
        }
        JoinSummary summary;
        summary.station = events.station();
        summary.eventName = events.event().name;
        summary.attendees = (*db)->execAndGet("SELECT count(*) FROM attendee").getInt();
        summary.exhibitors = (*db)->execAndGet("SELECT count(*) FROM exhibitor").getInt();
        db->reset();
        if (auto moved = moveIntoPlace(building, target); !moved)
            return moved.error();
        return summary;
    } catch (const SQLite::Exception& e) {
        return Error::world(fmt::format("cannot write {}: {}", target.string(), e.what()));
    }
}

} // namespace meetscan::core
