// `meetscan sync` (push this station's outbox to the central PostgreSQL server and pull what
// changed) and `meetscan server init` (create or migrate the server's schema).
#include "cli/commands.hpp"

#include "core/sync/pg_connection.hpp"
#include "core/sync/server_schema.hpp"
#include "core/sync/sync_client.hpp"
#include "core/sync/sync_worker.hpp"

#include <fmt/core.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <thread>

namespace meetscan::cli {

namespace {

// Set by SIGINT/SIGTERM: a running sync stops after the batch in flight.
std::atomic<bool> g_syncStop{false};

extern "C" void onSyncSignal(int /*signal*/) { g_syncStop = true; }

struct SyncCommandOptions {
    std::string server;
    bool once = false;
    int batch = core::SyncOptions{}.batchSize;
    double interval = 2.0;
};

std::string requireServer(const std::string& option) {
    auto server = core::serverFromEnvironment(option);
    if (server.empty())
        throw CliError::badInput("no server given: use --server URL or $MEETSCAN_SERVER");
    return server;
}

void printReport(const core::SyncReport& report) {
    fmt::print("pushed {} rows in {} batches, pulled {} rows, {} waiting\n", report.pushedRows, report.batches,
               report.pulledRows, report.queued);
    std::fflush(stdout);
}

// Sleeps up to `wait`, waking early for a stop signal.
void pause(std::chrono::milliseconds wait) {
    const auto until = std::chrono::steady_clock::now() + wait;
    while (!g_syncStop && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
}

void runSync(CliContext& context, const SyncCommandOptions& options) {
    auto& db = context.store().database();
    const auto server = orThrow(core::syncServerFor(db, options.server));
    if (server.empty())
        throw CliError::badInput("no server given: use --server URL or $MEETSCAN_SERVER, or join with a station pack "
                                 "that holds a login");
    core::SyncOptions syncOptions;
    syncOptions.batchSize = options.batch;
    core::SyncClient client(server, syncOptions);
    auto stop = [] { return g_syncStop.load(); };
    if (options.once) {
        auto report = client.syncOnce(db);
        if (!report)
            throw CliError::from(report.error());
        printReport(*report);
        return;
    }
    g_syncStop = false;
    auto* previousInt = std::signal(SIGINT, onSyncSignal);
    auto* previousTerm = std::signal(SIGTERM, onSyncSignal);
    const auto interval = std::chrono::milliseconds(static_cast<long>(options.interval * 1000));
    const auto minBackoff = std::chrono::milliseconds(1000);
    const auto maxBackoff = std::chrono::milliseconds(60000);
    auto backoff = minBackoff;
    fmt::print(stderr, "syncing with {} (Ctrl-C stops)\n", core::redactServer(server));
    while (!g_syncStop) {
        auto report = client.syncOnce(db, stop);
        if (report) {
            if (report->pushedRows > 0 || report->pulledRows > 0)
                printReport(*report);
            backoff = minBackoff;
            pause(interval);
            continue;
        }
        fmt::print(stderr, "meetscan: warning: {}; retrying in {} s\n", report.error().message, backoff.count() / 1000);
        pause(backoff);
        backoff = core::nextBackoff(backoff, minBackoff, maxBackoff);
    }
    std::signal(SIGINT, previousInt);
    std::signal(SIGTERM, previousTerm);
}

void initServer(const std::string& option) {
    const auto server = requireServer(option);
    auto connection = core::PgConnection::connect(server);
    if (!connection)
        throw CliError::from(connection.error());
    const auto version = orThrow(core::initServerSchema(*connection));
    fmt::print("server schema at version {} on {}\n", version, core::redactServer(server));
}

} // namespace

void addSyncCommand(CLI::App& app, CliContext& context) {
    auto options = std::make_shared<SyncCommandOptions>();
    auto* sync = app.add_subcommand("sync", "Push this station's scans to the central server and pull roster changes");
    sync->add_option("--server", options->server,
                     "libpq conninfo or postgresql:// URI (default: $MEETSCAN_SERVER, else the station's own login)");
    sync->add_flag("--once", options->once, "One round (push everything waiting, pull once), then exit");
    sync->add_option("--batch", options->batch, "Outbox entries per server transaction (default 5000)")
        ->check(CLI::PositiveNumber);
    sync->add_option("--interval", options->interval, "Seconds between rounds when not --once (default 2)")
        ->check(CLI::PositiveNumber);
    sync->footer("Without --once it runs until SIGINT/SIGTERM, backing off from 1 s to 60 s while the server is "
                 "unreachable. Batches are idempotent: one sent twice is applied once.");
    sync->callback([&context, options] { runSync(context, *options); });
}

void addServerCommand(CLI::App& app) {
    auto serverOption = std::make_shared<std::string>();
    auto* serverApp = app.add_subcommand("server", "The central PostgreSQL server's schema: server init");
    serverApp->require_subcommand(1);
    auto* init = serverApp->add_subcommand("init", "Create the server's schema, or migrate it to this version");
    init->add_option("--server", *serverOption, "libpq conninfo or postgresql:// URI (default: $MEETSCAN_SERVER)");
    init->callback([serverOption] { initServer(*serverOption); });
}

} // namespace meetscan::cli
