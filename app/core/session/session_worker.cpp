#include "core/session/session_worker.hpp"

#include <sys/resource.h>
#include <sys/statvfs.h>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <stop_token>
#include <thread>
#include <variant>

namespace meetscan::core {

namespace {

struct SignOut {};
struct PinCheck {
    std::string pin;
    std::shared_ptr<std::promise<AdminLock::Answer>> answer;
};
struct NewPin {
    std::string pin;
    std::shared_ptr<std::promise<Status>> done;
};
using Command = std::variant<ScanInput, Lead, SignOut, Station, PinCheck, NewPin>;

constexpr auto kTick = std::chrono::milliseconds(100);
constexpr TimeMs kStatsEveryMs = 3000;

} // namespace

struct SessionWorker::Impl {
    std::filesystem::path path;
    std::unique_ptr<Store> store;
    std::unique_ptr<ScanSession> session;
    std::unique_ptr<AdminLock> adminLock;

    mutable std::mutex mutex;
    std::condition_variable_any wake;
    std::deque<Command> commands;
    std::vector<Decision> decisions;
    SessionSnapshot snapshot;
    bool expired = false;
    TimeMs statsAt = 0;
    std::jthread thread;

    void run(std::stop_token stop, std::promise<Status>& opened);
    void execute(Command& command);
    void publish(bool refreshStats);
};

void SessionWorker::Impl::execute(Command& command) {
    const TimeMs now = nowMs();
    std::string error;
    // Only a write says whether writes work: the banner stays until one succeeds.
    const bool writes = !std::holds_alternative<SignOut>(command) && !std::holds_alternative<PinCheck>(command) &&
                        !std::holds_alternative<NewPin>(command);
    if (auto* scan = std::get_if<ScanInput>(&command)) {
        Decision decision = session->onScan(*scan, now);
        if (!decision.saved)
            error = decision.error;
        std::lock_guard lock(mutex);
        decisions.push_back(std::move(decision));
    } else if (auto* lead = std::get_if<Lead>(&command)) {
        if (auto saved = session->saveLead(*lead, now); !saved)
            error = saved.error().message;
    } else if (std::holds_alternative<SignOut>(command)) {
        session->signOutStaff();
    } else if (auto* station = std::get_if<Station>(&command)) {
        if (auto saved = session->changeStation(*station); !saved)
            error = saved.error().message;
    } else if (auto* pin = std::get_if<PinCheck>(&command)) {
        // The PIN and the count are read afresh: `meetscan admin set-pin` on this kiosk, while it
        // runs, takes effect at once, and its reset is not overwritten by a stale count.
        try {
            adminLock = std::make_unique<AdminLock>(store->events().metaValue("admin_pin_hash"),
                                                    loadAdminLockState(store->events()));
        } catch (const SQLite::Exception&) {
            // Keep the lock as it was; the database's trouble shows from the next write.
        }
        const AdminLockState before = adminLock->state();
        const auto answer = adminLock->check(pin->pin, now);
        if (adminLock->state() != before) {
            try {
                saveAdminLockState(store->events(), adminLock->state());
            } catch (const SQLite::Exception&) {
                // The count stays in memory; the disk's trouble shows from the next write.
            }
        }
        pin->answer->set_value(answer);
    } else if (auto* chosen = std::get_if<NewPin>(&command)) {
        Status set = Done{};
        try {
            set = core::setAdminPin(store->events(), chosen->pin);
        } catch (const std::exception& e) {
            set = Error::world(e.what());
        }
        if (set)
            adminLock = std::make_unique<AdminLock>(store->events().metaValue("admin_pin_hash"));
        chosen->done->set_value(set);
    }
    if (!writes)
        return;
    const bool full = !error.empty() && isDiskFull(path, error);
    std::lock_guard lock(mutex);
    snapshot.storeError = error;
    snapshot.diskFull = full;
}

void SessionWorker::Impl::publish(bool refreshStats) {
    EventStats stats;
    std::vector<Exhibitor> exhibitors;
    StationReport report;
    if (refreshStats) {
        try {
            const TimeMs now = nowMs();
            stats = collectStats(*store, now);
            exhibitors = store->exhibitors().all();
            auto collected = collectStationReport(*store, session->station(), now);
            refreshStats = collected.ok();
            if (collected)
                report = std::move(collected).value();
        } catch (const SQLite::Exception&) {
            refreshStats = false; // keep the last figures; a write error is reported elsewhere
        }
    }
    std::lock_guard lock(mutex);
    snapshot.event = session->event();
    snapshot.station = session->station();
    snapshot.exhibitor = session->exhibitor();
    snapshot.pending = session->pending();
    snapshot.staff = session->staff();
    snapshot.queued = static_cast<int>(commands.size());
    snapshot.hasAdminPin = adminLock->hasPin();
    if (refreshStats) {
        snapshot.stats = std::move(stats);
        snapshot.exhibitors = std::move(exhibitors);
        snapshot.report = std::move(report);
    }
}

void SessionWorker::Impl::run(std::stop_token stop, std::promise<Status>& opened) {
    try {
        auto openedStore = Store::open(path);
        if (!openedStore) {
            opened.set_value(openedStore.error());
            return;
        }
        store = std::move(openedStore).value();
        session = std::make_unique<ScanSession>(*store);
        adminLock = std::make_unique<AdminLock>(session->event().settings.adminPinHash,
                                                loadAdminLockState(store->events()));
        publish(true);
        statsAt = nowMs();
        opened.set_value(Done{});
    } catch (const std::exception& e) {
        opened.set_value(Error::world(e.what()));
        return;
    }
    while (true) {
        std::deque<Command> batch;
        {
            std::unique_lock lock(mutex);
            wake.wait_for(lock, stop, kTick, [this] { return !commands.empty(); });
            batch.swap(commands);
            // Queued scans are finished before stopping: a scan shown is never dropped.
            if (batch.empty() && stop.stop_requested())
                break;
        }
        for (auto& command : batch) {
            try {
                execute(command);
            } catch (const std::exception& e) {
                std::lock_guard lock(mutex);
                snapshot.storeError = e.what();
            }
        }
        const TimeMs now = nowMs();
        if (session->expire(now)) {
            std::lock_guard lock(mutex);
            expired = true;
        }
        const bool refresh = !batch.empty() || now - statsAt >= kStatsEveryMs;
        if (now - statsAt >= kStatsEveryMs)
            statsAt = now;
        publish(refresh);
    }
}

bool isDiskFull(const std::filesystem::path& databasePath, std::string_view error) {
    if (error.find("database or disk is full") != std::string_view::npos)
        return true;
    if (error.find("I/O error") == std::string_view::npos)
        return false;
    // Room for a few WAL frames: less than this free and the next commit cannot be written.
    constexpr std::uintmax_t kLowSpace = 4U << 20U;
    const auto folder = databasePath.has_parent_path() ? databasePath.parent_path() : std::filesystem::path(".");
    struct statvfs space {};
    if (statvfs(folder.c_str(), &space) == 0 &&
        static_cast<std::uintmax_t>(space.f_bavail) * space.f_frsize < kLowSpace)
        return true;
    rlimit limit{};
    if (getrlimit(RLIMIT_FSIZE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return false;
    for (const char* suffix : {"", "-wal", "-journal"}) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(databasePath.string() + suffix, ec);
        if (!ec && size + (64U << 10U) >= limit.rlim_cur)
            return true;
    }
    return false;
}

SessionWorker::SessionWorker(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

SessionWorker::~SessionWorker() {
    if (m_impl->thread.joinable()) {
        m_impl->thread.request_stop();
        m_impl->wake.notify_all();
        m_impl->thread.join();
    }
}

Expected<std::unique_ptr<SessionWorker>> SessionWorker::start(const std::filesystem::path& databasePath) {
    auto impl = std::make_unique<Impl>();
    impl->path = databasePath;
    std::promise<Status> opened;
    auto openedFuture = opened.get_future();
    Impl* raw = impl.get();
    impl->thread = std::jthread([raw, &opened](std::stop_token stop) { raw->run(stop, opened); });
    Status status = openedFuture.get();
    if (!status) {
        impl->thread.join();
        return status.error();
    }
    return std::unique_ptr<SessionWorker>(new SessionWorker(std::move(impl)));
}

void SessionWorker::submitScan(ScanInput input) {
    std::lock_guard lock(m_impl->mutex);
    m_impl->commands.emplace_back(std::move(input));
    m_impl->wake.notify_all();
}

void SessionWorker::submitLeadEdit(Lead edited) {
    std::lock_guard lock(m_impl->mutex);
    m_impl->commands.emplace_back(std::move(edited));
    m_impl->wake.notify_all();
}

void SessionWorker::submitStaffSignOut() {
    std::lock_guard lock(m_impl->mutex);
    m_impl->commands.emplace_back(SignOut{});
    m_impl->wake.notify_all();
}

void SessionWorker::submitStation(Station station) {
    std::lock_guard lock(m_impl->mutex);
    m_impl->commands.emplace_back(std::move(station));
    m_impl->wake.notify_all();
}

std::future<AdminLock::Answer> SessionWorker::checkAdminPin(std::string pin) {
    auto promise = std::make_shared<std::promise<AdminLock::Answer>>();
    auto future = promise->get_future();
    std::lock_guard lock(m_impl->mutex);
    m_impl->commands.emplace_back(PinCheck{std::move(pin), std::move(promise)});
    m_impl->wake.notify_all();
    return future;
}

std::future<Status> SessionWorker::setAdminPin(std::string pin) {
    auto promise = std::make_shared<std::promise<Status>>();
    auto future = promise->get_future();
    std::lock_guard lock(m_impl->mutex);
    m_impl->commands.emplace_back(NewPin{std::move(pin), std::move(promise)});
    m_impl->wake.notify_all();
    return future;
}

std::vector<Decision> SessionWorker::takeDecisions() {
    std::vector<Decision> out;
    std::lock_guard lock(m_impl->mutex);
    out.swap(m_impl->decisions);
    return out;
}

SessionSnapshot SessionWorker::snapshot() const {
    std::lock_guard lock(m_impl->mutex);
    SessionSnapshot copy = m_impl->snapshot;
    copy.queued = static_cast<int>(m_impl->commands.size());
    return copy;
}

bool SessionWorker::takeExpired() {
    std::lock_guard lock(m_impl->mutex);
    return std::exchange(m_impl->expired, false);
}

} // namespace meetscan::core
