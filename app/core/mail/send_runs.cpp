#include "core/mail/send_runs.hpp"

#include "core/domain/contact_fields.hpp"
#include "core/export/event_logo.hpp"
#include "core/export/latin_fold.hpp"
#include "core/export/packet_writer.hpp"
#include "core/mail/leads_mail.hpp"
#include "core/report/report_pdf.hpp"
#include "core/store/private_scratch.hpp"

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <set>

namespace meetscan::core {

namespace {

Expected<MailTemplate> wordsFor(const SendOptions& options, std::string_view ours,
                                const std::set<std::string>& placeholders) {
    if (options.templateText.empty())
        return MailTemplate::parse(ours, "the default template", placeholders);
    return MailTemplate::parse(options.templateText, options.templateSource, placeholders);
}

// What to do with one attendee or exhibitor, given what the outbox says of it.
struct Decision {
    bool due = false;
    std::optional<std::int64_t> reuse; // a queued or failed entry to send at last
};

Decision decide(const std::vector<OutboxEntry>& history, bool resend, SendReport& report) {
    if (history.empty())
        return {true, std::nullopt};
    const auto& latest = history.back();
    switch (latest.state) {
    case MailState::Queued:
    case MailState::Failed:
        return {true, latest.id};
    case MailState::Sending:
        if (resend)
            return {true, latest.id};
        ++report.undecided;
        return {};
    case MailState::Sent:
        if (resend)
            return {true, std::nullopt};
        ++report.alreadySent;
        return {};
    }
    return {};
}

// A lead list is due again when it carries news: leads that no sent list carried.
Decision decideLeads(const std::vector<OutboxEntry>& history, bool resend, bool news, SendReport& report) {
    if (!history.empty() && history.back().state != MailState::Sent)
        return decide(history, resend, report); // queued, failed, or undecided
    if (resend || news)
        return {true, std::nullopt};
    ++report.nothingNew;
    return {};
}

std::string labelOf(const std::string& name, const std::vector<std::string>& to) {
    std::string addresses;
    for (const auto& address : to)
        addresses += (addresses.empty() ? "" : ", ") + address;
    return name.empty() ? addresses : fmt::format("{} <{}>", name, addresses);
}

class PacketWorker final : public MailWorker {
public:
    PacketWorker(std::unique_ptr<Store> store, const std::vector<Attendee>& attendees, const Event& event,
                 const MailTemplate& words, const MailSender& sender, PacketQrCache& qrCache, const PacketFonts* fonts,
                 std::shared_ptr<const EventLogo> logo)
        : m_store(std::move(store)), m_attendees(attendees), m_event(event), m_words(words), m_sender(sender),
          m_qrCache(qrCache), m_fonts(fonts), m_logo(std::move(logo)) {}

    Expected<std::string> compose(std::size_t index) override {
        auto packet = collectPacket(*m_store, m_event, m_attendees[index], nowMs());
        packet.logo = m_logo;
        auto message = packetMail(packet, m_words, m_sender, m_qrCache);
        if (!message)
            return message.error();
        return renderMail(*message);
    }

private:
    std::unique_ptr<Store> m_store;
    const std::vector<Attendee>& m_attendees;
    const Event& m_event;
    const MailTemplate& m_words;
    const MailSender& m_sender;
    PacketQrCache& m_qrCache;
    PacketFonts::ThreadScope m_fonts;
    std::shared_ptr<const EventLogo> m_logo;
};

class PacketComposer final : public MailComposer {
public:
    PacketComposer(std::filesystem::path database, const std::vector<Attendee>& attendees, Event event,
                   MailTemplate words, MailSender sender, const PacketFonts* fonts,
                   std::shared_ptr<const EventLogo> logo)
        : m_database(std::move(database)), m_attendees(attendees), m_event(std::move(event)),
          m_words(std::move(words)), m_sender(std::move(sender)), m_fonts(fonts), m_logo(std::move(logo)) {}

    Expected<std::unique_ptr<MailWorker>> startWorker() const override {
        auto store = Store::open(m_database);
        if (!store)
            return store.error();
        return std::unique_ptr<MailWorker>(std::make_unique<PacketWorker>(
            std::move(store).value(), m_attendees, m_event, m_words, m_sender, m_qrCache, m_fonts, m_logo));
    }

private:
    std::filesystem::path m_database;
    const std::vector<Attendee>& m_attendees;
    Event m_event;
    MailTemplate m_words;
    MailSender m_sender;
    const PacketFonts* m_fonts;
    std::shared_ptr<const EventLogo> m_logo;
    mutable PacketQrCache m_qrCache; // shared by the workers; it locks
};

Expected<std::vector<Attendee>> packetRecipients(Store& store, const std::vector<std::string>& named) {
    if (named.empty())
        return store.attendees().withFollowUp();
    return store.attendees().named(named);
}

struct LeadsJob {
    LeadList list;
    std::set<std::string> newIds;
    bool sentBefore = false;
    std::optional<std::string> reportPdf; // --attach-report
};

class LeadsWorker final : public MailWorker {
public:
    LeadsWorker(const std::vector<LeadsJob>& jobs, const Event& event, const MailTemplate& words,
                const MailSender& sender, LeadPreset preset, std::filesystem::path scratch)
        : m_jobs(jobs), m_event(event), m_words(words), m_sender(sender), m_preset(preset),
          m_scratch(std::move(scratch)) {}

    Expected<std::string> compose(std::size_t index) override {
        const auto& job = m_jobs[index];
        auto message = leadsMail({m_event, job.list, job.newIds, job.sentBefore, m_preset, m_scratch,
                                  job.reportPdf ? &*job.reportPdf : nullptr},
                                 m_words, m_sender);
        if (!message)
            return message.error();
        return renderMail(*message);
    }

private:
    const std::vector<LeadsJob>& m_jobs;
    const Event& m_event;
    const MailTemplate& m_words;
    const MailSender& m_sender;
    LeadPreset m_preset;
    std::filesystem::path m_scratch;
};

class LeadsComposer final : public MailComposer {
public:
    LeadsComposer(const std::vector<LeadsJob>& jobs, Event event, MailTemplate words, MailSender sender,
                  LeadPreset preset, std::filesystem::path scratch)
        : m_jobs(jobs), m_event(std::move(event)), m_words(std::move(words)), m_sender(std::move(sender)),
          m_preset(preset), m_scratch(std::move(scratch)) {}

    Expected<std::unique_ptr<MailWorker>> startWorker() const override {
        return std::unique_ptr<MailWorker>(
            std::make_unique<LeadsWorker>(m_jobs, m_event, m_words, m_sender, m_preset, m_scratch));
    }

private:
    const std::vector<LeadsJob>& m_jobs;
    Event m_event;
    MailTemplate m_words;
    MailSender m_sender;
    LeadPreset m_preset;
    std::filesystem::path m_scratch;
};

MailRunOptions runOptions(const SendOptions& options) {
    MailRunOptions run;
    run.server = options.server;
    run.dryRunDir = options.dryRunDir;
    run.envelopeFrom = options.sender.address;
    run.perMinute = options.perMinute;
    run.threads = options.threads;
    run.stop = options.stop;
    run.progress = options.progress;
    return run;
}

Status checkSender(const SendOptions& options) {
    if (!isMailAddress(options.sender.address))
        return Error::badInput(fmt::format("--from: \"{}\" is not an e-mail address", options.sender.address));
    return Done{};
}

} // namespace

namespace {

Expected<SendReport> packetsRun(Store& store, const SendOptions& options) {
    if (auto status = checkSender(options); !status)
        return status.error();
    auto words = wordsFor(options, defaultPacketTemplate(), packetMailPlaceholders());
    if (!words)
        return words.error();
    auto selected = packetRecipients(store, options.only);
    if (!selected)
        return selected.error();

    SendReport report;
    const bool dryRun = !options.server;
    std::vector<Attendee> attendees;
    std::vector<MailJob> jobs;
    LatinFolder latin;
    // Everyone due is queued in one transaction: all of them, or (on a failure) none.
    SQLite::Transaction queueing(store.database(), SQLite::TransactionBehavior::IMMEDIATE);
    for (auto& attendee : *selected) {
        if (!isMailAddress(attendee.email)) {
            ++report.noAddress;
            continue;
        }
        MailJob job;
        job.recipients = {attendee.email};
        job.label = labelOf(attendee.displayName(), job.recipients);
        job.fileStem = packetFolderName(attendee, latin);
        if (!dryRun) {
            const auto decision =
                decide(store.mailOutbox().entriesFor(MailKind::Packet, attendee.id), options.resend, report);
            if (!decision.due)
                continue;
            OutboxEntry entry;
            entry.kind = MailKind::Packet;
            entry.subjectId = attendee.id;
            entry.recipients = job.recipients;
            auto id = store.mailOutbox().queue(entry, decision.reuse);
            if (!id)
                return id.error();
            job.outboxId = *id;
        }
        jobs.push_back(std::move(job));
        attendees.push_back(std::move(attendee));
    }
    queueing.commit();
    const auto event = store.events().event();
    // The cuts need every name a summary may show (the people met too, not only those mailed).
    const auto fonts =
        options.only.empty() && attendees.size() > 1 ? packetFontsFor(store, event, store.attendees().all()) : nullptr;
    std::shared_ptr<const EventLogo> logo;
    if (auto loaded = eventLogo(event.settings))
        logo = *loaded;
    else
        report.warnings.push_back(fmt::format("{}; the summaries have no logo", loaded.error().message));
    const PacketComposer composer(store.path(), attendees, event, std::move(*words), options.sender, fonts.get(),
                                  std::move(logo));
    auto run = runMail(store, jobs, composer, runOptions(options));
    if (!run)
        return run.error();
    report.run = std::move(*run);
    return report;
}

Expected<SendReport> leadsRun(Store& store, const SendOptions& options) {
    if (auto status = checkSender(options); !status)
        return status.error();
    auto words = wordsFor(options, defaultLeadsTemplate(), leadsMailPlaceholders());
    if (!words)
        return words.error();
    std::vector<Exhibitor> exhibitors;
    if (options.only.empty()) {
        exhibitors = store.exhibitors().all();
    } else {
        std::set<std::string> seen;
        for (const auto& id : options.only) {
            if (!seen.insert(id).second)
                continue;
            auto exhibitor = store.exhibitors().byId(id);
            if (!exhibitor)
                return Error::badInput(fmt::format("--exhibitor: no exhibitor '{}' (see `meetscan exhibitors list`)", id));
            exhibitors.push_back(std::move(*exhibitor));
        }
    }

    SendReport report;
    const bool dryRun = !options.server;
    std::vector<LeadsJob> leadJobs;
    std::vector<MailJob> jobs;
    SQLite::Transaction queueing(store.database(), SQLite::TransactionBehavior::IMMEDIATE);
    for (const auto& exhibitor : exhibitors) {
        if (exhibitor.contact.emails.empty()) {
            ++report.noAddress;
            continue;
        }
        auto list = collectLeadList(store, exhibitor.id);
        if (!list)
            return list.error();
        if (list->rows.empty())
            continue;
        const auto history = store.mailOutbox().entriesFor(MailKind::Leads, exhibitor.id);
        std::set<std::string> carried;
        for (const auto& entry : history)
            if (entry.state == MailState::Sent)
                carried.insert(entry.contents.begin(), entry.contents.end());
        LeadsJob leads{std::move(*list), {}, !carried.empty(), std::nullopt};
        std::vector<std::string> contents;
        for (const auto& row : leads.list.rows) {
            contents.push_back(row.attendee.id);
            if (carried.count(row.attendee.id) == 0)
                leads.newIds.insert(row.attendee.id);
        }
        MailJob job;
        job.recipients = exhibitor.contact.emails;
        job.label = labelOf(exhibitor.name, job.recipients);
        job.fileStem = "leads-" + exhibitor.id;
        if (!dryRun) {
            const auto decision = decideLeads(history, options.resend, !leads.newIds.empty(), report);
            if (!decision.due)
                continue;
            OutboxEntry entry;
            entry.kind = MailKind::Leads;
            entry.subjectId = exhibitor.id;
            entry.recipients = job.recipients;
            entry.contents = contents;
            auto id = store.mailOutbox().queue(entry, decision.reuse);
            if (!id)
                return id.error();
            job.outboxId = *id;
        }
        jobs.push_back(std::move(job));
        leadJobs.push_back(std::move(leads));
    }
    queueing.commit();
    // Drawn after the outbox is written: kiosks and sync must not wait on the write lock for PDFs.
    if (options.attachReport) {
        const ReportPaper paper = reportPaperFor(store.events().event().settings.paper);
        for (auto& leads : leadJobs) {
            auto figures = collectExhibitorReport(store, leads.list.exhibitor.id, nowMs());
            if (!figures)
                return figures.error();
            auto page = exhibitorReportPdf(*figures, paper);
            if (!page)
                return page.error();
            leads.reportPdf = std::move(page).value();
        }
    }
    auto scratch = PrivateScratch::create(store.path());
    if (!scratch)
        return scratch.error();
    const LeadsComposer composer(leadJobs, store.events().event(), std::move(*words), options.sender, options.preset,
                                 scratch->path());
    auto run = runMail(store, jobs, composer, runOptions(options));
    if (!run)
        return run.error();
    report.run = std::move(*run);
    return report;
}

} // namespace

std::string senderAddress(const std::string& from, const std::string& smtpUser) {
    if (!from.empty())
        return from;
    return isMailAddress(smtpUser) ? smtpUser : std::string();
}

Expected<SendReport> sendPackets(Store& store, const SendOptions& options) {
    try {
        return packetsRun(store, options);
    } catch (const SQLite::Exception& e) { // the outbox could not be written: nothing was sent
        return Error::world(fmt::format("cannot queue the messages: {}", e.what()));
    }
}

Expected<SendReport> sendLeads(Store& store, const SendOptions& options) {
    try {
        return leadsRun(store, options);
    } catch (const SQLite::Exception& e) {
        return Error::world(fmt::format("cannot queue the messages: {}", e.what()));
    }
}

} // namespace meetscan::core
