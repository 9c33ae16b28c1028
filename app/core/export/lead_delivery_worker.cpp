#include "core/export/lead_delivery_worker.hpp"

#include "core/domain/contact_fields.hpp"
#include "core/mail/send_runs.hpp"

#include <fmt/format.h>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <stop_token>
#include <thread>

namespace meetscan::core {

namespace {

constexpr long kKioskSmtpTimeoutSeconds = 30; // staff wait at the booth for this one message

struct DeliveryRequest {
    enum class Kind { Refresh, Export, Mail } kind = Kind::Refresh;
    std::string exhibitorId;
    RemovableDrive drive;
};

} // namespace

KioskMail kioskMailFrom(const std::string& url, const std::string& from, const std::string& user,
                        const std::string& password) {
    KioskMail mail;
    if (url.empty())
        return mail;
    if (auto checked = checkSmtpUrl(url); !checked) {
        mail.problem = "MEETSCAN_SMTP_URL: " + checked.error().message;
        return mail;
    }
    mail.sender.address = senderAddress(from, user);
    if (!isMailAddress(mail.sender.address)) {
        mail.problem = from.empty() ? "MEETSCAN_SMTP_FROM is not set"
                                    : fmt::format("MEETSCAN_SMTP_FROM: \"{}\" is not an e-mail address", from);
        return mail;
    }
    SmtpServer server;
    server.url = url;
    server.user = user;
    server.password = password;
    server.timeoutSeconds = kKioskSmtpTimeoutSeconds;
    mail.server = std::move(server);
    return mail;
}

struct LeadDeliveryWorker::Impl {
    LeadDeliveryOptions options;
    std::unique_ptr<Store> store;
    mutable std::mutex mutex;
    std::condition_variable_any wake;
    std::deque<DeliveryRequest> requests;
    LeadDeliveryStatus status;
    std::jthread thread; // last member: started after, and joined before, everything it uses

    Impl(LeadDeliveryOptions opts, std::unique_ptr<Store> opened) : options(std::move(opts)), store(std::move(opened)) {}

    void post(DeliveryRequest request) {
        {
            std::lock_guard lock(mutex);
            const bool refreshQueued = !requests.empty() && requests.back().kind == DeliveryRequest::Kind::Refresh &&
                                       requests.back().exhibitorId == request.exhibitorId;
            if (request.kind == DeliveryRequest::Kind::Refresh && refreshQueued)
                return;
            if (request.kind == DeliveryRequest::Kind::Export) {
                status.exportState = DeliveryState::Working;
                status.exportDrive = request.drive;
                status.exported.reset();
                status.exportError.clear();
            } else if (request.kind == DeliveryRequest::Kind::Mail) {
                status.mailState = DeliveryState::Working;
                status.mailedTo.clear();
                status.mailError.clear();
            }
            requests.push_back(std::move(request));
        }
        wake.notify_one();
    }

    void run(const std::stop_token& stop) {
        while (!stop.stop_requested()) {
            DeliveryRequest request;
            {
                std::unique_lock lock(mutex);
                if (!wake.wait(lock, stop, [this] { return !requests.empty(); }))
                    break;
                request = std::move(requests.front());
                requests.pop_front();
            }
            try {
                carryOut(request);
            } catch (const std::exception& e) {
                fail(request, e.what());
            }
        }
    }

    void fail(const DeliveryRequest& request, const std::string& message) {
        std::lock_guard lock(mutex);
        if (request.kind == DeliveryRequest::Kind::Export) {
            status.exportState = DeliveryState::Failed;
            status.exportError = message;
        } else if (request.kind == DeliveryRequest::Kind::Mail) {
            status.mailState = DeliveryState::Failed;
            status.mailError = message;
        } else {
            status.countsError = message;
        }
    }

    void carryOut(const DeliveryRequest& request) {
        switch (request.kind) {
        case DeliveryRequest::Kind::Refresh: break;
        case DeliveryRequest::Kind::Export: exportList(request); break;
        case DeliveryRequest::Kind::Mail: mailList(request); break;
        }
        recount(request.exhibitorId);
    }

    void recount(const std::string& exhibitorId) {
        auto drives = findRemovableDrives(options.removableRoot);
        auto counts = leadDeliveryCounts(*store, exhibitorId);
        std::lock_guard lock(mutex);
        status.exhibitorId = exhibitorId;
        status.drives = std::move(drives);
        status.drivesListed = true;
        if (counts) {
            status.counts = *counts;
            status.countsError.clear();
        } else {
            status.counts.reset();
            status.countsError = counts.error().message;
        }
    }

    void exportList(const DeliveryRequest& request) {
        auto done = exportLeadsToFolder(*store, request.exhibitorId, request.drive.mountPoint, nowMs());
        std::lock_guard lock(mutex);
        if (done) {
            status.exportState = DeliveryState::Done;
            status.exported = *done;
        } else {
            status.exportState = DeliveryState::Failed;
            status.exportError = done.error().message;
        }
    }

    void mailList(const DeliveryRequest& request) {
        if (!options.mail.server) {
            fail(request, options.mail.problem.empty() ? "e-mail is not set up on this kiosk" : options.mail.problem);
            return;
        }
        SendOptions send;
        send.server = options.mail.server;
        send.sender = options.mail.sender;
        send.only = {request.exhibitorId};
        send.resend = true; // staff asked for the list now: it goes even when nothing is new
        send.threads = 1;
        const auto exhibitor = store->exhibitors().byId(request.exhibitorId);
        auto list = collectLeadList(*store, request.exhibitorId);
        {
            std::lock_guard lock(mutex);
            if (exhibitor)
                status.mailedTo = exhibitor->contact.emails;
            status.mailedLeads = list ? list->rows.size() : 0;
        }
        auto report = sendLeads(*store, send);
        if (!report) {
            fail(request, report.error().message);
            return;
        }
        std::string error;
        if (!report->run.failures.empty())
            error = report->run.failures.front().reply;
        else if (!report->run.stoppedBecause.empty())
            error = report->run.stoppedBecause;
        else if (report->noAddress > 0)
            error = "the exhibitor has no contact address";
        else if (report->run.sent == 0)
            error = report->undecided > 0 ? "the last message's fate is unknown" : "there are no leads to send";
        if (!error.empty()) {
            fail(request, error);
            return;
        }
        std::lock_guard lock(mutex);
        status.mailState = DeliveryState::Done;
    }
};

LeadDeliveryWorker::LeadDeliveryWorker(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

LeadDeliveryWorker::~LeadDeliveryWorker() {
    if (m_impl)
        m_impl->thread = {}; // requests stop and joins
}

Expected<std::unique_ptr<LeadDeliveryWorker>> LeadDeliveryWorker::start(LeadDeliveryOptions options) {
    auto store = Store::open(options.database);
    if (!store)
        return store.error();
    auto impl = std::make_unique<Impl>(std::move(options), std::move(store).value());
    Impl* raw = impl.get();
    impl->thread = std::jthread([raw](const std::stop_token& stop) { raw->run(stop); });
    return std::unique_ptr<LeadDeliveryWorker>(new LeadDeliveryWorker(std::move(impl)));
}

const KioskMail& LeadDeliveryWorker::mail() const { return m_impl->options.mail; }

LeadDeliveryStatus LeadDeliveryWorker::status() const {
    std::lock_guard lock(m_impl->mutex);
    return m_impl->status;
}

void LeadDeliveryWorker::refresh(const std::string& exhibitorId) {
    m_impl->post({DeliveryRequest::Kind::Refresh, exhibitorId, {}});
}

void LeadDeliveryWorker::exportTo(const std::string& exhibitorId, const RemovableDrive& drive) {
    m_impl->post({DeliveryRequest::Kind::Export, exhibitorId, drive});
}

void LeadDeliveryWorker::sendMail(const std::string& exhibitorId) {
    m_impl->post({DeliveryRequest::Kind::Mail, exhibitorId, {}});
}

void LeadDeliveryWorker::clearOutcomes() {
    std::lock_guard lock(m_impl->mutex);
    if (m_impl->status.exportState != DeliveryState::Working) {
        m_impl->status.exportState = DeliveryState::Idle;
        m_impl->status.exported.reset();
        m_impl->status.exportError.clear();
    }
    if (m_impl->status.mailState != DeliveryState::Working) {
        m_impl->status.mailState = DeliveryState::Idle;
        m_impl->status.mailError.clear();
    }
}

} // namespace meetscan::core
