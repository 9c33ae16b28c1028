#include "core/stations/setup_qr.hpp"

#include "core/export/badge_qr.hpp"
#include "core/merge/row_owners.hpp"
#include "core/store/event_repository.hpp"
#include "core/sync/sync_client.hpp"

#include <fmt/format.h>

namespace meetscan::core {

Expected<SetupCode> writeSetupQr(SQLite::Database& office, const std::string& server, const Station& station,
                                 const StationLogin& login, const std::filesystem::path& png) {
    SyncClient sync(server);
    if (auto synced = sync.syncOnce(office); !synced)
        return Error{synced.error().kind, fmt::format("cannot send the event to the server: {}", synced.error().message)};
    auto admin = PgConnection::connect(server);
    if (!admin)
        return admin.error();
    auto code = createSetupCode(*admin, EventRepository(office).metaValue("event_id"), officeIdOf(office), station, login);
    if (!code)
        return code.error();
    if (auto written = writeQrPng(setupCodeText(*code), png); !written)
        return written.error();
    // The code is a bearer token until it is spent: for its owner only, like the pack.
    std::error_code error;
    std::filesystem::permissions(png, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, error);
    return code;
}

} // namespace meetscan::core
