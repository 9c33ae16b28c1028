#pragma once
// `meetscan send packets` and `meetscan send leads`: who is due a message, queued in the outbox,
// then one run (mail_run.hpp).
// - Packets: every attendee with a follow-up (met someone, or visited a booth) and an e-mail
//   address; once sent, never again unless `resend`.
// - Leads: every exhibitor with leads and a contact address; due again when leads arrived that
//   no sent list carried (or with `resend`).
// A message the server may have taken when a run was killed (`sending`) is sent again only with
// `resend`: nobody gets a message twice by accident.
#include "core/export/lead_columns.hpp"
#include "core/mail/mail_run.hpp"
#include "core/mail/packet_mail.hpp"

#include <optional>
#include <string>
#include <vector>

namespace meetscan::core {

struct SendOptions {
    std::optional<SmtpServer> server; // none: a dry run into dryRunDir, recording nothing
    std::filesystem::path dryRunDir;
    MailSender sender;
    std::string templateText; // empty: our words
    std::string templateSource;
    std::vector<std::string> only; // attendees (id, code or e-mail) or exhibitor ids; empty: all due
    bool resend = false;
    LeadPreset preset = LeadPreset::Plain; // leads only
    bool attachReport = false;             // leads only: the exhibitor's report page as report.pdf
    double perMinute = 0;
    unsigned threads = 0;
    const std::atomic<bool>* stop = nullptr;
    std::function<void(const MailProgress&)> progress;
};

struct SendReport {
    MailRunResult run;
    std::size_t alreadySent = 0; // left alone: sent before
    std::size_t undecided = 0;   // left alone: a killed run handed them to the server
    std::size_t noAddress = 0;   // no usable e-mail address
    std::size_t nothingNew = 0;  // leads: no lead since the last list
    std::vector<std::string> warnings; // what went wrong without stopping the run (a logo gone bad)
};

// Who the messages come from: `from` when given, else the SMTP login when it is an address (a
// mailbox's own login usually is), else empty. For `send` and the kiosk alike.
[[nodiscard]] std::string senderAddress(const std::string& from, const std::string& smtpUser);

[[nodiscard]] Expected<SendReport> sendPackets(Store& store, const SendOptions& options);
[[nodiscard]] Expected<SendReport> sendLeads(Store& store, const SendOptions& options);

} // namespace meetscan::core
