#include "cli/commands.hpp"

#include "cli/interrupt_scope.hpp"
#include "core/mail/send_runs.hpp"
#include "core/mail/smtp_credentials.hpp"
#include "core/system/environment.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>
#include <memory>
#include <unistd.h>

namespace meetscan::cli {

namespace {

constexpr std::size_t kNamedFailures = 3; // in the one-line error; `send status` lists them all

struct SendArgs {
    std::string smtp;
    std::string from;
    std::string fromName;
    std::string credentials;
    std::string caFile;
    std::vector<std::string> only;
    std::string dryRun;
    bool resend = false;
    std::string rate;
    std::string templateFile;
    std::string preset = "plain";
    bool attachReport = false;
    unsigned threads = 0;
};

// "30/min", "600/h", "2/s", or a bare number per minute.
double parseRate(const std::string& text) {
    if (text.empty())
        return 0;
    const auto slash = text.find('/');
    const std::string number = text.substr(0, slash);
    const std::string unit = slash == std::string::npos ? "min" : text.substr(slash + 1);
    double count = 0;
    try {
        std::size_t used = 0;
        count = std::stod(number, &used);
        if (used != number.size())
            count = -1;
    } catch (const std::exception&) {
        count = -1;
    }
    const double perMinute = unit == "min" ? count : unit == "h" ? count / 60 : unit == "s" ? count * 60 : -1;
    if (!(count > 0) || !(perMinute > 0) || perMinute > 1e6)
        throw CliError::badInput(fmt::format("--rate: '{}' is not a rate like 30/min, 600/h or 2/s", text));
    return perMinute;
}

std::string readTemplate(const std::string& path) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error))
        throw CliError::badInput(fmt::format("--template: {} is not a file", path));
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (text.empty())
        throw CliError::badInput(fmt::format("--template: {} is empty", path));
    return text;
}

core::SendOptions sendOptions(const SendArgs& args) {
    core::SendOptions options;
    if (args.smtp.empty() == args.dryRun.empty())
        throw CliError::badInput("give --smtp URL to send, or --dry-run DIR to write the messages as .eml files");
    core::SmtpLogin login{core::environmentValue("MEETSCAN_SMTP_USER"), core::environmentValue("MEETSCAN_SMTP_PASSWORD")};
    if (!args.credentials.empty())
        login = orThrow(core::readSmtpCredentials(args.credentials));
    if (!args.smtp.empty()) {
        if (auto status = core::checkSmtpUrl(args.smtp); !status)
            throw CliError::from(status.error());
        options.server = core::SmtpServer{args.smtp, login.user, login.password, args.caFile};
    } else {
        options.dryRunDir = args.dryRun;
    }
    options.sender.address = core::senderAddress(args.from, login.user);
    if (options.sender.address.empty())
        throw CliError::badInput("--from ADDRESS is needed (the address the messages come from)");
    options.sender.name = args.fromName;
    if (!args.templateFile.empty()) {
        options.templateText = readTemplate(args.templateFile);
        options.templateSource = args.templateFile;
    }
    options.only = args.only;
    options.resend = args.resend;
    options.perMinute = parseRate(args.rate);
    options.threads = args.threads;
    const auto preset = core::parseLeadPreset(args.preset);
    if (!preset)
        throw CliError::badInput(fmt::format("--preset: '{}' is not plain, salesforce or hubspot", args.preset));
    options.preset = *preset;
    options.attachReport = args.attachReport;
    return options;
}

// A bar that redraws itself on a terminal, and a line every 10 % anywhere else (a log).
std::function<void(const core::MailProgress&)> progressBar(const char* what, bool dryRun) {
    const bool terminal = isatty(STDERR_FILENO) != 0;
    auto lastTenth = std::make_shared<std::size_t>(0);
    return [=](const core::MailProgress& p) {
        const std::size_t percent = p.total == 0 ? 100 : p.done * 100 / p.total;
        const std::string failed = p.failed == 0 ? "" : fmt::format(", {} failed", p.failed);
        const char* verb = dryRun ? "written" : "sent";
        if (terminal) {
            const std::size_t filled = percent * 30 / 100;
            fmt::print(stderr, "\r{}: [{}{}] {}/{} {}{}   ", what, std::string(filled, '#'), std::string(30 - filled, '.'),
                       p.done, p.total, verb, failed);
            if (p.done == p.total)
                fmt::print(stderr, "\n");
        } else if (percent / 10 > *lastTenth || p.done == p.total) {
            *lastTenth = percent / 10;
            fmt::print(stderr, "{}: {}/{} ({}%){}\n", what, p.done, p.total, percent, failed);
        }
    };
}

void reportAndExit(const core::SendReport& report, const char* noun, bool dryRun, const std::string& dryRunDir) {
    const auto& run = report.run;
    for (const auto& warning : report.warnings)
        fmt::print(stderr, "meetscan: warning: {}\n", warning);
    if (dryRun)
        fmt::print("{} {} written to {} as .eml files; nothing was sent\n", run.sent, noun, dryRunDir);
    else
        fmt::print("{} {} sent", run.sent, noun);
    if (!dryRun) {
        std::vector<std::string> notes;
        if (report.alreadySent > 0)
            notes.push_back(fmt::format("{} sent before (--resend sends them again)", report.alreadySent));
        if (report.nothingNew > 0)
            notes.push_back(fmt::format("{} with nothing new since the last list", report.nothingNew));
        if (report.undecided > 0)
            notes.push_back(fmt::format("{} handed to the server by a run that was stopped: it may have taken them "
                                        "(--resend sends them again)",
                                        report.undecided));
        if (report.noAddress > 0)
            notes.push_back(fmt::format("{} without an e-mail address", report.noAddress));
        std::string joined;
        for (const auto& note : notes)
            joined += (joined.empty() ? "; " : ", ") + note;
        fmt::print("{}\n", joined);
    }
    for (const auto& failure : run.failures)
        fmt::print("  failed: {}: {}\n", failure.label, failure.reply);

    if (run.interrupted)
        throw CliError(130, fmt::format("interrupted: {} {} sent, {} still queued (run again to send them)", run.sent,
                                        noun, run.leftQueued));
    if (!run.stoppedBecause.empty()) {
        const std::string undecided =
            run.undecided == 0 ? ""
                               : fmt::format(", {} handed over without an answer (the server may have it; "
                                             "--resend sends it again)",
                                             run.undecided);
        throw CliError::world(fmt::format("{}; {} {} sent{}, {} still queued (run again to send them)",
                                          run.stoppedBecause, run.sent, noun, undecided, run.leftQueued));
    }
    if (!run.failures.empty()) {
        std::string named;
        for (std::size_t i = 0; i < run.failures.size() && i < kNamedFailures; ++i)
            named += (named.empty() ? "" : "; ") + run.failures[i].label + ": " + run.failures[i].reply;
        if (run.failures.size() > kNamedFailures)
            named += fmt::format("; and {} more (meetscan send status)", run.failures.size() - kNamedFailures);
        throw CliError::world(fmt::format("{} of {} {} failed: {}", run.failures.size(), run.total, noun, named));
    }
}

// One run of `send packets` or `send leads`: `noun` names what is sent, in progress and report.
void runSend(CliContext& context, const SendArgs& args, const char* noun,
             Expected<core::SendReport> (*send)(core::Store&, const core::SendOptions&)) {
    auto options = sendOptions(args);
    const InterruptScope interrupt;
    options.stop = &interrupt.flag();
    options.progress = progressBar(noun, !options.server);
    auto& store = context.officeStore("e-mail is sent");
    const auto report = orThrow(send(store, options));
    reportAndExit(report, noun, !options.server, args.dryRun);
}

void addCommonOptions(CLI::App& command, SendArgs& args) {
    command.add_option("--smtp", args.smtp, "SMTP server: smtp://host:587 (STARTTLS) or smtps://host:465");
    command.add_option("--from", args.from, "The address the messages come from (default: the SMTP user)");
    command.add_option("--from-name", args.fromName, "The sender's name (default: the event's name)");
    command.add_option("--smtp-credentials", args.credentials,
                       "A TOML file with user = \"...\" and password = \"...\", readable by you alone "
                       "(default: $MEETSCAN_SMTP_USER and $MEETSCAN_SMTP_PASSWORD)");
    command.add_option("--smtp-ca", args.caFile, "Also trust the CA certificates in this file (a private relay)");
    command.add_option("--dry-run", args.dryRun, "Write each message as DIR/<name>.eml instead of sending it");
    command.add_flag("--resend", args.resend, "Send again what was sent before");
    command.add_option("--rate", args.rate, "At most this many messages: 30/min, 600/h or 2/s (default: no limit)");
    command.add_option("--template", args.templateFile,
                       "Your own words: a \"Subject: ...\" line, a blank line, then the body with {placeholders}");
    command.add_option("--threads", args.threads, "Threads composing messages (default: every core)");
}

void addSendPackets(CLI::App& send, CliContext& context) {
    auto args = std::make_shared<SendArgs>();
    auto* command = send.add_subcommand("packets", "E-mail every attendee their follow-up: who they met, the booths "
                                                   "they visited, summary.pdf and contacts.vcf attached");
    addCommonOptions(*command, *args);
    command->add_option("--attendee", args->only, "Only this attendee (id, badge code or e-mail; repeatable)");
    command->footer(
        "Each attendee who met someone or visited a booth gets one message, once: a re-run sends only what was not "
        "sent. Template placeholders: {event} {first_name} {last_name} {name} {people} {booths} {people_count} "
        "{booth_count} {attachments}. Example:\n"
        "  MEETSCAN_SMTP_USER=events@example.org MEETSCAN_SMTP_PASSWORD=... \\\n"
        "  meetscan send packets --smtp smtp://mail.example.org:587 --rate 120/min");
    command->callback([&context, args] { runSend(context, *args, "packets", core::sendPackets); });
}

void addSendLeads(CLI::App& send, CliContext& context) {
    auto args = std::make_shared<SendArgs>();
    auto* command = send.add_subcommand("leads", "E-mail every exhibitor its lead list (XLSX and CSV) at its contact "
                                                 "addresses, saying which leads are new");
    addCommonOptions(*command, *args);
    command->add_option("--exhibitor", args->only, "Only this exhibitor (id; repeatable)");
    command->add_option("--preset", args->preset, "Columns: plain | salesforce | hubspot (default plain)");
    command->add_flag("--attach-report", args->attachReport,
                      "Also attach report.pdf: the exhibitor's page of `meetscan report --exhibitor` (counts only)");
    command->footer("An exhibitor gets its list again only when leads arrived that no sent list carried. Template "
                    "placeholders: {event} {exhibitor} {booth} {leads} {new_leads} {new_lead_list}.");
    command->callback([&context, args] { runSend(context, *args, "lead lists", core::sendLeads); });
}

void addSendStatus(CLI::App& send, CliContext& context) {
    auto json = std::make_shared<bool>(false);
    auto* command = send.add_subcommand("status", "What the outbox holds: every message queued, sent or failed");
    command->add_flag("--json", *json, "As JSON");
    command->callback([&context, json] {
        const auto entries = context.store().mailOutbox().all();
        if (*json) {
            auto list = nlohmann::json::array();
            for (const auto& e : entries)
                list.push_back({{"kind", core::toString(e.kind)},
                                {"for", e.subjectId},
                                {"recipients", e.recipients},
                                {"state", core::toString(e.state)},
                                {"reply", e.reply},
                                {"queued_at", core::formatIsoTime(e.queuedAt)},
                                {"updated_at", core::formatIsoTime(e.updatedAt)}});
            fmt::print("{}\n", list.dump(2));
            return;
        }
        std::map<std::string, std::size_t> counts;
        for (const auto& e : entries)
            ++counts[fmt::format("{} {}", core::toString(e.kind), core::toString(e.state))];
        if (entries.empty())
            fmt::print("the outbox is empty: nothing was sent yet\n");
        for (const auto& [what, count] : counts)
            fmt::print("{:>6}  {}\n", count, what);
        for (const auto& e : entries)
            if (e.state == core::MailState::Failed || e.state == core::MailState::Sending)
                fmt::print("  {} {} ({}): {}\n", core::toString(e.state), e.subjectId,
                           e.recipients.empty() ? "" : e.recipients.front(), e.reply);
    });
}

} // namespace

void addSendCommands(CLI::App& app, CliContext& context) {
    auto* send = app.add_subcommand("send", "E-mail the follow-up: packets to attendees, lead lists to exhibitors");
    send->require_subcommand(1);
    addSendPackets(*send, context);
    addSendLeads(*send, context);
    addSendStatus(*send, context);
}

} // namespace meetscan::cli
