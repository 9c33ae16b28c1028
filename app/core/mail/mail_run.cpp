#include "core/mail/mail_run.hpp"

#include "core/export/atomic_file.hpp"

#include <fmt/format.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace meetscan::core {

namespace {

struct Composed {
    std::size_t index = 0;
    Expected<std::string> bytes = std::string{};
};

// Workers compose ahead of the sender, a few messages at most: a 10,000-attendee run never
// holds more than a handful of PDFs in memory.
class ComposedQueue {
public:
    explicit ComposedQueue(std::size_t capacity) : m_capacity(capacity) {}

    // False when the run is over and the message is not wanted.
    bool push(Composed item) {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_closed || m_items.size() < m_capacity; });
        if (m_closed)
            return false;
        m_items.push_back(std::move(item));
        m_changed.notify_all();
        return true;
    }
    Composed pop() {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return !m_items.empty(); });
        Composed item = std::move(m_items.front());
        m_items.pop_front();
        m_changed.notify_all();
        return item;
    }
    void close() {
        const std::lock_guard lock(m_mutex);
        m_closed = true;
        m_changed.notify_all();
    }
    [[nodiscard]] bool closed() {
        const std::lock_guard lock(m_mutex);
        return m_closed;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Composed> m_items;
    std::size_t m_capacity;
    bool m_closed = false;
};

void composeAll(const MailComposer& composer, std::size_t total, std::atomic<std::size_t>& next, ComposedQueue& queue) {
    std::unique_ptr<MailWorker> worker;
    std::optional<Error> startError;
    try {
        auto started = composer.startWorker();
        if (started)
            worker = std::move(started).value();
        else
            startError = started.error();
    } catch (const std::exception& e) { // the thread's edge: errors leave as values
        startError = Error::world(e.what());
    }
    while (!queue.closed()) {
        const std::size_t index = next++;
        if (index >= total)
            return;
        Composed item{index, std::string{}};
        if (startError) {
            item.bytes = *startError;
        } else {
            try {
                item.bytes = worker->compose(index);
            } catch (const std::exception& e) {
                item.bytes = Error::world(e.what());
            }
        }
        if (!queue.push(std::move(item)))
            return;
    }
}

// Keeps at most `perMinute` hand-overs in any minute, evenly spaced.
class Throttle {
public:
    explicit Throttle(double perMinute)
        : m_gap(perMinute > 0 ? std::chrono::duration<double>(60.0 / perMinute) : std::chrono::duration<double>(0)) {}
    void wait(const std::atomic<bool>* stop) {
        if (m_gap.count() <= 0)
            return;
        const auto due = m_last + std::chrono::duration_cast<std::chrono::steady_clock::duration>(m_gap);
        while (std::chrono::steady_clock::now() < due && (stop == nullptr || !stop->load()))
            std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(
                due - std::chrono::steady_clock::now(), std::chrono::milliseconds(100)));
        m_last = std::chrono::steady_clock::now();
    }

private:
    std::chrono::duration<double> m_gap;
    std::chrono::steady_clock::time_point m_last{};
};

// The outbox's marks are written once or twice a message. Against a killed process WAL commits
// are durable without an fsync each (SQLite's synchronous=NORMAL), and a kill is what "nobody
// twice" has to survive: ten thousand messages do not wait for twenty thousand fsyncs. A power
// cut may forget the last marks; the messages they were about then read as queued or sending.
class RelaxedSync {
public:
    explicit RelaxedSync(SQLite::Database& db) : m_db(db) { m_db.exec("PRAGMA synchronous = NORMAL"); }
    ~RelaxedSync() {
        try {
            m_db.exec("PRAGMA synchronous = FULL");
        } catch (const SQLite::Exception&) {
            // The connection is going away with the store; the next one opens with FULL.
        }
    }
    RelaxedSync(const RelaxedSync&) = delete;
    RelaxedSync& operator=(const RelaxedSync&) = delete;

private:
    SQLite::Database& m_db;
};

Status record(Store& store, const MailJob& job, MailState state, const std::string& reply) {
    if (!job.outboxId)
        return Done{};
    return store.mailOutbox().mark(*job.outboxId, state, reply);
}

} // namespace

Expected<MailRunResult> runMail(Store& store, const std::vector<MailJob>& jobs, const MailComposer& composer,
                                const MailRunOptions& options) {
    MailRunResult result;
    result.total = jobs.size();
    if (jobs.empty())
        return result;
    if (!options.server) {
        std::error_code error;
        std::filesystem::create_directories(options.dryRunDir, error);
        if (error)
            return Error::world(fmt::format("{}: {}", options.dryRunDir.string(), error.message()));
    }
    const unsigned cores = options.threads != 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency());
    const std::size_t threads = std::min<std::size_t>(cores, jobs.size());
    ComposedQueue queue(threads * 2);
    std::atomic<std::size_t> next{0};
    std::optional<SmtpClient> client;
    if (options.server)
        client.emplace(*options.server);
    Throttle throttle(options.perMinute);
    std::optional<Error> fatal;
    const RelaxedSync relaxed(store.database());

    std::vector<std::jthread> workers;
    // Declared after `workers`, so it goes first however this function is left: a worker waiting
    // to hand over a message is released before its thread is joined.
    struct CloseFirst {
        ComposedQueue& queue;
        ~CloseFirst() { queue.close(); }
    } const closeFirst{queue};
    for (std::size_t i = 0; i < threads; ++i)
        workers.emplace_back([&] { composeAll(composer, jobs.size(), next, queue); });

    std::size_t done = 0;
    auto report = [&] { // after jobs[done] is dealt with
        if (options.progress)
            options.progress({done + 1, jobs.size(), result.failures.size()});
    };
    for (; done < jobs.size(); ++done) {
        if (options.stop != nullptr && options.stop->load()) {
            result.interrupted = true;
            break;
        }
        Composed item = queue.pop();
        const MailJob& job = jobs[item.index];
        if (!item.bytes) {
            result.failures.push_back({job.label, item.bytes.error().message});
            if (auto status = record(store, job, MailState::Failed, item.bytes.error().message); !status) {
                fatal = status.error();
                break;
            }
            report();
            continue;
        }
        if (!client) {
            auto status = writeFileAtomically(options.dryRunDir / (job.fileStem + ".eml"), *item.bytes);
            if (!status) {
                fatal = status.error();
                break;
            }
            ++result.sent;
            report();
            continue;
        }
        throttle.wait(options.stop);
        if (options.stop != nullptr && options.stop->load()) {
            result.interrupted = true;
            break;
        }
        if (job.outboxId) {
            // Taken from queued only: another run (a second `send`, a kiosk's "E-mail my leads
            // now") that holds the message already has it.
            auto claimed = store.mailOutbox().claim(*job.outboxId);
            if (!claimed) {
                fatal = claimed.error();
                break;
            }
            if (!*claimed) {
                ++result.takenElsewhere;
                report();
                continue;
            }
        }
        const auto outcome = client->send(options.envelopeFrom, job.recipients, *item.bytes);
        MailState state = MailState::Sent;
        switch (outcome.kind) {
        case SmtpOutcome::Kind::Sent:
            ++result.sent;
            break;
        case SmtpOutcome::Kind::Refused:
        case SmtpOutcome::Kind::Deferred:
            state = MailState::Failed;
            result.failures.push_back({job.label, outcome.reply});
            break;
        case SmtpOutcome::Kind::LoginFailed:
            state = MailState::Queued;
            result.stoppedBecause = "the server refused the login: " + outcome.reply;
            break;
        case SmtpOutcome::Kind::Undecided:
            state = MailState::Sending; // the server had it all and may have taken it: never again unasked
            ++result.undecided;
            result.stoppedBecause = fmt::format("the server stopped answering after {} messages: {}", result.sent,
                                                outcome.reply);
            break;
        case SmtpOutcome::Kind::Unreachable:
            state = MailState::Queued;
            result.stoppedBecause =
                result.sent == 0 ? "cannot reach the server: " + outcome.reply
                                 : fmt::format("the server stopped answering after {} messages: {}", result.sent,
                                               outcome.reply);
            break;
        }
        if (auto status = record(store, job, state, outcome.reply); !status) {
            fatal = status.error();
            break;
        }
        if (!result.stoppedBecause.empty())
            break;
        report();
    }
    queue.close();
    // Wake workers blocked on a full queue: they see it closed and end.
    workers.clear();
    result.leftQueued = jobs.size() - result.sent - result.failures.size() - result.undecided - result.takenElsewhere;
    if (fatal)
        return *fatal;
    return result;
}

} // namespace meetscan::core
