#include "cli/cli_context.hpp"

#include "core/merge/row_owners.hpp"
#include "core/system/environment.hpp"

#include <fmt/format.h>

namespace meetscan::cli {

std::filesystem::path CliContext::databasePath() const {
    if (!dbOption.empty())
        return dbOption;
    if (auto fromEnv = core::environmentValue("MEETSCAN_DB"); !fromEnv.empty())
        return fromEnv;
    std::filesystem::path dataHome = core::environmentValue("XDG_DATA_HOME");
    if (dataHome.empty()) {
        const std::string home = core::environmentValue("HOME");
        if (home.empty())
            throw CliError::badInput("no database given: use --db, $MEETSCAN_DB, $XDG_DATA_HOME or $HOME");
        dataHome = std::filesystem::path(home) / ".local" / "share";
    }
    return dataHome / "meetscan" / "meetscan.db";
}

std::filesystem::path CliContext::existingDatabasePath() const {
    auto path = databasePath();
    std::error_code error;
    const bool there = std::filesystem::exists(path, error);
    if (error) // not "no database": a folder the user may not read (run it as the kiosk user)
        throw CliError::world(fmt::format("cannot look for the event database at {}: {}", path.string(),
                                          error.message()));
    if (!there)
        throw CliError::badInput(fmt::format("no event database at {}: `meetscan init --event NAME` makes one at the "
                                             "office, `meetscan init --join PACK` on a kiosk (or give --db PATH)",
                                             path.string()));
    return path;
}

core::Store& CliContext::store() {
    if (!m_store)
        m_store = orThrow(core::Store::open(existingDatabasePath()));
    return *m_store;
}

core::Store& CliContext::createOrOpenStore() {
    if (!m_store)
        m_store = orThrow(core::Store::open(databasePath()));
    return *m_store;
}

core::Store& CliContext::storeOrServer(const std::string& server) {
    if (server.empty())
        return store();
    if (!m_download)
        m_download = orThrow(core::DownloadedEvent::fetch(server, store().events().event().id, databasePath()));
    return m_download->store();
}

core::Store& CliContext::officeStore(const char* action) {
    auto& opened = store();
    if (core::databaseRole(opened.database()) == core::DatabaseRole::Station)
        throw CliError::badInput(fmt::format("this kiosk is a station of \"{}\": {} at the event's office, whose "
                                             "changes reach the kiosk as a new station pack or by sync",
                                             opened.events().event().name, action));
    return opened;
}

} // namespace meetscan::cli
