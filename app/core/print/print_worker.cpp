#include "core/print/print_worker.hpp"

#include "core/export/event_logo.hpp"

#include "core/export/packet_data.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <stop_token>
#include <thread>
#include <variant>

namespace meetscan::core {

namespace {

struct Send {
    int jobId;
};
struct Retry {
    int jobId;
};
struct Dismiss {
    int jobId;
};
struct Choose {
    PrinterChoice choice;
};
struct Refresh {};
using Command = std::variant<Send, Retry, Dismiss, Choose, Refresh>;

constexpr auto kTick = std::chrono::milliseconds(250);
constexpr TimeMs kJobPollMs = 1000;
constexpr TimeMs kPrinterPollMs = 5000;
constexpr std::size_t kDoneKept = 5;

} // namespace

const PrintJob* findJob(const PrintSnapshot& snapshot, int id) {
    auto found = std::find_if(snapshot.jobs.begin(), snapshot.jobs.end(), [&](const PrintJob& job) { return job.id == id; });
    return found != snapshot.jobs.end() ? &*found : nullptr;
}

const PrinterInfo* findPrinter(const PrintSnapshot& snapshot, const std::string& name) {
    auto found = std::find_if(snapshot.printers.begin(), snapshot.printers.end(),
                              [&](const PrinterInfo& printer) { return printer.name == name; });
    return found != snapshot.printers.end() ? &*found : nullptr;
}

struct PrintWorker::Impl {
    std::filesystem::path path;
    std::unique_ptr<Store> store;

    mutable std::mutex mutex;
    std::condition_variable_any wake;
    std::deque<Command> commands;
    PrintSnapshot snapshot; // guarded by mutex; the thread is its only writer
    int nextId = 1;
    TimeMs printersAt = 0;
    TimeMs jobsAt = 0;
    std::jthread thread;

    void run(std::stop_token stop, std::promise<Status>& opened);
    void execute(const Command& command);
    void send(int jobId);
    void listPrintersNow();
    void pollJobs();
    void update(int jobId, const std::function<void(PrintJob&)>& change);
    std::optional<PrintJob> job(int jobId) const;
    void trim();
    int enqueue(PrintJob job);
};

std::optional<PrintJob> PrintWorker::Impl::job(int jobId) const {
    std::lock_guard lock(mutex);
    if (const PrintJob* found = findJob(snapshot, jobId))
        return *found;
    return std::nullopt;
}

void PrintWorker::Impl::update(int jobId, const std::function<void(PrintJob&)>& change) {
    std::lock_guard lock(mutex);
    for (auto& job : snapshot.jobs)
        if (job.id == jobId) {
            change(job);
            job.updatedAt = nowMs();
        }
}

void PrintWorker::Impl::trim() {
    std::lock_guard lock(mutex);
    std::size_t done = 0;
    std::erase_if(snapshot.jobs, [&](const PrintJob& job) {
        return job.status.state == JobState::Done && ++done > kDoneKept;
    });
}

void PrintWorker::Impl::send(int jobId) {
    auto asked = job(jobId);
    if (!asked)
        return;
    auto fail = [&](const std::string& message) {
        update(jobId, [&](PrintJob& j) { j.status = {JobState::Failed, message}; });
    };
    PrinterChoice choice;
    std::string printer;
    Paper paper = Paper::A4;
    {
        std::lock_guard lock(mutex);
        choice = snapshot.choice;
        printer = choice.printer.empty() ? snapshot.activePrinter : choice.printer;
        paper = snapshot.paper;
    }
    if (printer.empty()) {
        auto fallback = defaultPrinter();
        if (!fallback)
            return fail(fallback.error().message);
        printer = *fallback;
    }
    if (printer.empty())
        return fail("no printer chosen and no CUPS default: choose one in the admin panel");
    Expected<PrintDocument> document = Error::world("nothing to print");
    try {
        const Event event = store->events().event();
        if (asked->kind == PrintKind::TestPage) {
            document = testPageDocument(
                {store->events().station().name, printer, nowMs(), TimeZone::forSettingOrUtc(event.settings.timeZone)},
                paper);
        } else {
            auto attendee = store->attendees().byId(asked->attendeeId);
            if (!attendee)
                return fail("this attendee is no longer in the roster");
            auto packet = collectPacket(*store, event, *attendee, nowMs());
            if (auto logo = eventLogo(event.settings)) // a logo this kiosk cannot read is left out
                packet.logo = *logo;
            document = summaryDocument(packet, paper);
        }
    } catch (const std::exception& e) {
        return fail(std::string("reading the event: ") + e.what());
    }
    if (!document)
        return fail(document.error().message);
    auto sent = submitPdf(printer, document->title, document->pdf, document->options);
    if (!sent)
        return fail(sent.error().message);
    update(jobId, [&](PrintJob& j) {
        j.printer = printer;
        j.cupsJobId = *sent;
        j.status = {JobState::Queued, "queued on " + printer};
    });
    jobsAt = 0; // look at it soon: a fast printer is done within a second
}

void PrintWorker::Impl::execute(const Command& command) {
    if (const auto* sendJob = std::get_if<Send>(&command)) {
        send(sendJob->jobId);
    } else if (const auto* retry = std::get_if<Retry>(&command)) {
        auto old = job(retry->jobId);
        if (!old || !isFinal(old->status.state) || old->status.state == JobState::Done)
            return;
        update(retry->jobId, [](PrintJob& j) {
            j.cupsJobId = 0;
            ++j.attempts;
            j.status = {JobState::Queued, "sending again"};
        });
        send(retry->jobId);
    } else if (const auto* dismiss = std::get_if<Dismiss>(&command)) {
        std::lock_guard lock(mutex);
        std::erase_if(snapshot.jobs, [&](const PrintJob& j) { return j.id == dismiss->jobId; });
    } else if (const auto* choose = std::get_if<Choose>(&command)) {
        const auto saved = savePrinterChoice(*store, choose->choice);
        const Event event = store->events().event();
        std::lock_guard lock(mutex);
        snapshot.choice = choose->choice;
        snapshot.paper = paperFor(choose->choice, event);
        if (!choose->choice.printer.empty())
            snapshot.activePrinter = choose->choice.printer;
        if (!saved)
            snapshot.serviceError = saved.error().message;
        printersAt = 0;
    } else if (std::holds_alternative<Refresh>(command)) {
        printersAt = 0;
    }
}

void PrintWorker::Impl::listPrintersNow() {
    auto printers = listPrinters();
    std::lock_guard lock(mutex);
    snapshot.listed = true;
    if (!printers) {
        snapshot.serviceError = printers.error().message;
        snapshot.printers.clear();
        snapshot.activePrinter = snapshot.choice.printer;
        return;
    }
    snapshot.serviceError.clear();
    snapshot.printers = std::move(printers).value();
    snapshot.activePrinter = snapshot.choice.printer;
    if (snapshot.activePrinter.empty())
        for (const auto& printer : snapshot.printers)
            if (printer.isDefault)
                snapshot.activePrinter = printer.name;
}

void PrintWorker::Impl::pollJobs() {
    std::vector<PrintJob> open;
    {
        std::lock_guard lock(mutex);
        for (const auto& j : snapshot.jobs)
            if (j.cupsJobId > 0 && !isFinal(j.status.state))
                open.push_back(j);
    }
    for (const auto& j : open) {
        auto status = jobStatus(j.printer, j.cupsJobId);
        // The service gone away is news about the service, not a verdict on the job: it
        // keeps its last known state, and the panel shows the service error.
        if (!status) {
            std::lock_guard lock(mutex);
            snapshot.serviceError = status.error().message;
            continue;
        }
        update(j.id, [&](PrintJob& job) { job.status = *status; });
    }
    trim();
}

void PrintWorker::Impl::run(std::stop_token stop, std::promise<Status>& opened) {
    auto open = Store::open(path);
    if (!open) {
        opened.set_value(open.error());
        return;
    }
    store = std::move(open).value();
    try {
        const auto choice = loadPrinterChoice(*store);
        const auto paper = paperFor(choice, store->events().event());
        std::lock_guard lock(mutex);
        snapshot.choice = choice;
        snapshot.activePrinter = choice.printer;
        snapshot.paper = paper;
    } catch (const std::exception& e) {
        opened.set_value(Error::world(std::string("reading the printer choice: ") + e.what()));
        return;
    }
    opened.set_value(Done{});
    while (!stop.stop_requested()) {
        std::deque<Command> batch;
        {
            std::unique_lock lock(mutex);
            wake.wait_for(lock, stop, kTick, [&] { return !commands.empty(); });
            batch.swap(commands);
        }
        // Exceptions stop at the loop's edge: a job that throws fails, the worker goes on.
        for (const auto& command : batch) {
            try {
                execute(command);
            } catch (const std::exception& e) {
                std::lock_guard lock(mutex);
                snapshot.serviceError = e.what();
            }
        }
        const TimeMs now = nowMs();
        if (now - printersAt >= kPrinterPollMs) {
            listPrintersNow();
            printersAt = now;
        }
        if (now - jobsAt >= kJobPollMs) {
            pollJobs();
            jobsAt = now;
        }
    }
}

Expected<std::unique_ptr<PrintWorker>> PrintWorker::start(const std::filesystem::path& databasePath) {
    auto impl = std::make_unique<Impl>();
    impl->path = databasePath;
    std::promise<Status> opened;
    auto ready = opened.get_future();
    Impl* raw = impl.get();
    impl->thread = std::jthread([raw, &opened](std::stop_token stop) { raw->run(stop, opened); });
    if (auto status = ready.get(); !status) {
        impl->thread.request_stop();
        impl->thread.join();
        return status.error();
    }
    return std::unique_ptr<PrintWorker>(new PrintWorker(std::move(impl)));
}

PrintWorker::PrintWorker(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

PrintWorker::~PrintWorker() {
    m_impl->thread.request_stop();
    m_impl->wake.notify_all();
    if (m_impl->thread.joinable())
        m_impl->thread.join();
}

// A new job goes first in the list the screens show, and the worker thread is woken to send it.
int PrintWorker::Impl::enqueue(PrintJob job) {
    std::lock_guard lock(mutex);
    job.id = nextId++;
    job.attempts = 1;
    job.askedAt = job.updatedAt = nowMs();
    snapshot.jobs.insert(snapshot.jobs.begin(), job);
    commands.emplace_back(Send{job.id});
    wake.notify_all();
    return job.id;
}

int PrintWorker::printSummary(const std::string& attendeeId) {
    PrintJob job;
    job.kind = PrintKind::Summary;
    job.attendeeId = attendeeId;
    job.label = "Summary";
    job.status = {JobState::Queued, "preparing your summary"};
    return m_impl->enqueue(std::move(job));
}

int PrintWorker::printTestPage() {
    PrintJob job;
    job.kind = PrintKind::TestPage;
    job.label = "Test page";
    job.status = {JobState::Queued, "preparing the test page"};
    return m_impl->enqueue(std::move(job));
}

void PrintWorker::retry(int jobId) {
    std::lock_guard lock(m_impl->mutex);
    m_impl->commands.emplace_back(Retry{jobId});
    m_impl->wake.notify_all();
}

void PrintWorker::dismiss(int jobId) {
    std::lock_guard lock(m_impl->mutex);
    m_impl->commands.emplace_back(Dismiss{jobId});
    m_impl->wake.notify_all();
}

void PrintWorker::choosePrinter(const PrinterChoice& choice) {
    std::lock_guard lock(m_impl->mutex);
    m_impl->commands.emplace_back(Choose{choice});
    m_impl->wake.notify_all();
}

void PrintWorker::refreshPrinters() {
    std::lock_guard lock(m_impl->mutex);
    m_impl->commands.emplace_back(Refresh{});
    m_impl->wake.notify_all();
}

PrintSnapshot PrintWorker::snapshot() const {
    std::lock_guard lock(m_impl->mutex);
    return m_impl->snapshot;
}

} // namespace meetscan::core
