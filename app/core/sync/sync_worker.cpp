#include "core/sync/sync_worker.hpp"

#include "core/store/database.hpp"
#include "core/sync/outbox.hpp"
#include "core/sync/sync_client.hpp"

#include <SQLiteCpp/Database.h>

#include <condition_variable>
#include <mutex>
#include <regex>
#include <stop_token>
#include <thread>

namespace meetscan::core {

struct SyncWorker::Impl {
    SyncWorkerOptions options;
    std::unique_ptr<SQLite::Database> db;
    SyncClient client;
    mutable std::mutex mutex;
    std::condition_variable_any wake;
    SyncStatus status;
    bool nowRequested = false;
    std::jthread thread; // last member: started after, and joined before, everything it uses

    Impl(SyncWorkerOptions opts, std::unique_ptr<SQLite::Database> database)
        : options(std::move(opts)), db(std::move(database)), client(options.server, SyncOptions{options.batchSize}) {
        status.server = redactServer(options.server);
    }

    void run(const std::stop_token& stop) {
        auto wait = std::chrono::milliseconds(0);
        auto backoff = options.minBackoff;
        while (!stop.stop_requested()) {
            {
                std::unique_lock lock(mutex);
                wake.wait_for(lock, stop, wait, [this] { return nowRequested; });
                nowRequested = false;
            }
            if (stop.stop_requested())
                break;
            wait = round(stop, backoff);
        }
    }

    // One round; returns how long to wait before the next. Exceptions end at this edge.
    std::chrono::milliseconds round(const std::stop_token& stop, std::chrono::milliseconds& backoff) {
        Expected<SyncReport> report = Error::world("not run");
        try {
            report = client.syncOnce(*db, [&stop] { return stop.stop_requested(); });
        } catch (const std::exception& e) {
            report = Error::world(e.what());
        }
        int queued = -1;
        try {
            queued = Outbox(*db).size();
        } catch (const std::exception&) {
            // The count is for display only; keep the last one.
        }
        std::lock_guard lock(mutex);
        status.lastAttemptAt = nowMs();
        if (queued >= 0)
            status.queued = queued;
        if (report) {
            status.lastSuccessAt = status.lastAttemptAt;
            status.pushedRows += report->pushedRows;
            status.pulledRows += report->pulledRows;
            status.lastError.clear();
            status.connected = true;
            backoff = options.minBackoff;
            status.retryIn = options.interval;
            return options.interval;
        }
        status.lastError = report.error().message;
        status.connected = false;
        const auto wait = backoff;
        backoff = nextBackoff(backoff, options.minBackoff, options.maxBackoff);
        status.retryIn = wait;
        return wait;
    }
};

std::chrono::milliseconds nextBackoff(std::chrono::milliseconds current, std::chrono::milliseconds minimum,
                                      std::chrono::milliseconds maximum) {
    return std::clamp(current * 2, minimum, maximum);
}

std::string redactServer(const std::string& server) {
    static const std::regex kUriPassword(R"(^(postgres(?:ql)?://[^:/@]*:)[^@]*@)");
    static const std::regex kKeyPassword(R"((\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|\S+))");
    std::string out = std::regex_replace(server, kUriPassword, "$1***@");
    return std::regex_replace(out, kKeyPassword, "$1***");
}

Expected<std::unique_ptr<SyncWorker>> SyncWorker::start(SyncWorkerOptions options) {
    if (options.server.empty())
        return Error::badInput("no sync server given");
    auto db = openDatabase(options.database);
    if (!db)
        return db.error();
    auto impl = std::make_unique<Impl>(std::move(options), std::move(db).value());
    try {
        impl->status.queued = Outbox(*impl->db).size();
    } catch (const SQLite::Exception& e) {
        return Error::world(e.what());
    }
    Impl* raw = impl.get();
    impl->thread = std::jthread([raw](const std::stop_token& stop) { raw->run(stop); });
    return std::unique_ptr<SyncWorker>(new SyncWorker(std::move(impl)));
}

SyncWorker::SyncWorker(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

SyncWorker::~SyncWorker() {
    if (m_impl && m_impl->thread.joinable()) {
        m_impl->thread.request_stop();
        m_impl->thread.join();
    }
}

SyncStatus SyncWorker::status() const {
    std::lock_guard lock(m_impl->mutex);
    return m_impl->status;
}

void SyncWorker::syncNow() {
    {
        std::lock_guard lock(m_impl->mutex);
        m_impl->nowRequested = true;
    }
    m_impl->wake.notify_all();
}

} // namespace meetscan::core
