#pragma once
#include "core/store/store.hpp"
#include "core/sync/event_download.hpp"

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

namespace meetscan::cli {

// A command's failure: main prints `meetscan: error: <message>` and exits with `exitCode`
// (2 for bad usage or bad input, 1 when the world failed: disk, camera, printer).
class CliError : public std::runtime_error {
public:
    CliError(int exitCode, const std::string& message) : std::runtime_error(message), m_exitCode(exitCode) {}
    static CliError badInput(const std::string& message) { return {2, message}; }
    static CliError world(const std::string& message) { return {1, message}; }
    static CliError from(const Error& error) {
        return {error.kind == Error::Kind::BadInput ? 2 : 1, error.message};
    }
    [[nodiscard]] int exitCode() const { return m_exitCode; }

private:
    int m_exitCode;
};

// Unwraps an Expected or throws its error as a CliError.
template <class T>
T orThrow(Expected<T> result) {
    if (!result)
        throw CliError::from(result.error());
    return std::move(result).value();
}

// What every subcommand shares: the database location and the store, opened on first use.
class CliContext {
public:
    std::string dbOption; // --db

    // --db, else $MEETSCAN_DB, else $XDG_DATA_HOME/meetscan/meetscan.db (~/.local/share when unset).
    [[nodiscard]] std::filesystem::path databasePath() const;

    // The database path, which must exist: a mistyped --db or $MEETSCAN_DB must not start an
    // empty event that greets every attendee with "not on the guest list". Throws CliError.
    [[nodiscard]] std::filesystem::path existingDatabasePath() const;

    // Opens (and migrates) the existing database on first call; throws CliError on failure.
    core::Store& store();

    // As store(), but makes the database when it does not exist yet: for `init` alone.
    core::Store& createOrOpenStore();

    // The store, which must be the event's office: the roster, exhibitors, keys, erasures and
    // badges are the office's to change. On a station: bad input naming `action`.
    core::Store& officeStore(const char* action);

    // `--server URL`: the whole event, downloaded from the central server into a throw-away
    // database beside this one, which lives as long as the context; empty: this database.
    core::Store& storeOrServer(const std::string& server);

private:
    std::unique_ptr<core::Store> m_store;
    std::unique_ptr<core::DownloadedEvent> m_download;
};

} // namespace meetscan::cli
