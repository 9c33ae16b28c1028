#pragma once
// An exhibitor's lead list by e-mail, to its contact addresses: leads.xlsx and leads.csv
// attached (the same files as `export leads`), and report.pdf when asked for, and in the body, which leads are new since the
// last list that was sent.
#include "core/export/lead_columns.hpp"
#include "core/export/lead_list.hpp"
#include "core/mail/mail_message.hpp"
#include "core/mail/mail_template.hpp"
#include "core/mail/packet_mail.hpp"

#include <filesystem>
#include <set>
#include <string>

namespace meetscan::core {

[[nodiscard]] const std::set<std::string>& leadsMailPlaceholders();

struct LeadsMailInput {
    const Event& event;
    const LeadList& list;
    const std::set<std::string>& newAttendeeIds; // leads no earlier sent list carried
    bool sentBefore = false;                     // an earlier list reached the exhibitor
    LeadPreset preset = LeadPreset::Plain;
    std::filesystem::path scratch; // a private folder for the workbook on its way into the message
    const std::string* reportPdf = nullptr; // attached as report.pdf when given
};

[[nodiscard]] Expected<MailMessage> leadsMail(const LeadsMailInput& input, const MailTemplate& words,
                                              const MailSender& sender);

} // namespace meetscan::core
