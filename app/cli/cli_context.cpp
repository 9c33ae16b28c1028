#include "cli/cli_context.hpp"

#include "core/merge/row_owners.hpp"

#include <fmt/format.h>

#include <cstdlib>

namespace meetscan::cli {

namespace {

std::string environment(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr ? value : "";
}

} // namespace

std::filesystem::path CliContext::databasePath() const {
    if (!dbOption.empty())
        return dbOption;
    if (auto fromEnv = environment("MEETSCAN_DB"); !fromEnv.empty())
        return fromEnv;
    std::filesystem::path dataHome = environment("XDG_DATA_HOME");
    if (dataHome.empty()) {
        const std::string home = environment("HOME");
        if (home.empty())
            throw CliError::badInput("no database given: use --db, $MEETSCAN_DB, $XDG_DATA_HOME or $HOME");
        dataHome = std::filesystem::path(home) / ".local" / "share";
    }
    return dataHome / "meetscan" / "meetscan.db";
}

core::Store& CliContext::store() {
    if (!m_store)
        m_store = orThrow(core::Store::open(databasePath()));
    return *m_store;
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
