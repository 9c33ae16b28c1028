#pragma once
// Sync on its own thread, so the kiosk never waits for the network: rounds every few seconds,
// backing off from 1 s to 60 s while the server is unreachable.
#include "core/domain/ulid.hpp"
#include "meetscan/scanner/expected.hpp"

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

namespace meetscan::core {

// What the admin panel shows (a copy; reading it never waits on the network).
struct SyncStatus {
    std::string server;       // without its password
    TimeMs lastSuccessAt = 0; // 0: not yet
    TimeMs lastAttemptAt = 0;
    int queued = 0;           // outbox entries waiting
    long pushedRows = 0;      // since the kiosk started
    long pulledRows = 0;
    std::string lastError;    // empty after a good round
    std::chrono::milliseconds retryIn{0};
    bool connected = false;
};

struct SyncWorkerOptions {
    std::string server;
    std::filesystem::path database;
    std::chrono::milliseconds interval{2000}; // between good rounds
    std::chrono::milliseconds minBackoff{1000};
    std::chrono::milliseconds maxBackoff{60000};
    int batchSize = 5000;
};

class SyncWorker {
public:
    // Opens its own connection to the station database (one per thread) and starts the thread.
    static Expected<std::unique_ptr<SyncWorker>> start(SyncWorkerOptions options);
    ~SyncWorker(); // stops between batches and joins
    SyncWorker(const SyncWorker&) = delete;
    SyncWorker& operator=(const SyncWorker&) = delete;

    [[nodiscard]] SyncStatus status() const;
    void syncNow(); // the admin's "sync now": skips the wait, or the back-off

    struct Impl;

private:
    explicit SyncWorker(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

// The next wait after a failure: doubled, within [minimum, maximum].
[[nodiscard]] std::chrono::milliseconds nextBackoff(std::chrono::milliseconds current, std::chrono::milliseconds minimum,
                                                    std::chrono::milliseconds maximum);

// A conninfo or URI with any password replaced by "***", for screens and logs.
[[nodiscard]] std::string redactServer(const std::string& server);

} // namespace meetscan::core
