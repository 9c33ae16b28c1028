#include "core/mail/leads_mail.hpp"

#include "core/domain/local_time.hpp"
#include "core/export/lead_list_csv.hpp"
#include "core/export/lead_list_xlsx.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iterator>

namespace meetscan::core {

namespace {

Expected<std::string> workbookBytes(const LeadTable& table, const std::filesystem::path& scratch,
                                    const std::string& exhibitorId) {
    const auto path = scratch / (exhibitorId + ".xlsx");
    if (auto status = writeLeadListXlsx(table, path); !status)
        return status.error();
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
    if (!in.good() && !in.eof())
        return Error::world(fmt::format("{}: cannot read the workbook back", path.string()));
    return bytes;
}

MailBlock newLeadsBlock(const LeadsMailInput& input) {
    if (!input.sentBefore)
        return {};
    if (input.newAttendeeIds.empty())
        return {"Nothing new since the last list.", "<p>Nothing new since the last list.</p>"};
    MailBlock block;
    block.text = fmt::format("New since the last list ({})\n", input.newAttendeeIds.size());
    block.html = fmt::format("<h2>New since the last list ({})</h2>\n<ul>\n", input.newAttendeeIds.size());
    for (const auto& row : input.list.rows) {
        if (input.newAttendeeIds.count(row.attendee.id) == 0)
            continue;
        const std::string company = row.attendee.company.empty() ? "" : ", " + row.attendee.company;
        block.text += "- " + row.attendee.displayName() + company + "\n";
        block.html += "<li><span class=\"who\">" + escapeHtml(row.attendee.displayName()) + "</span>" +
                      (company.empty() ? "" : "<br><span class=\"what\">" + escapeHtml(row.attendee.company) + "</span>") +
                      "</li>\n";
    }
    block.text.pop_back();
    block.html += "</ul>";
    return block;
}

} // namespace

const std::set<std::string>& leadsMailPlaceholders() {
    static const std::set<std::string> names{"event", "exhibitor", "booth", "leads", "new_leads", "new_lead_list"};
    return names;
}

Expected<MailMessage> leadsMail(const LeadsMailInput& input, const MailTemplate& words, const MailSender& sender) {
    const auto& exhibitor = input.list.exhibitor;
    if (exhibitor.contact.emails.empty())
        return Error::badInput(fmt::format("exhibitor {} has no contact e-mail", exhibitor.id));
    MailFill fill;
    fill.values = {{"event", input.event.name},
                   {"exhibitor", exhibitor.name},
                   {"booth", exhibitor.booth},
                   {"leads", std::to_string(input.list.rows.size())},
                   {"new_leads", std::to_string(input.newAttendeeIds.size())}};
    fill.blocks = {{"new_lead_list", newLeadsBlock(input)}};
    const auto rendered = words.render(fill, input.event.settings.accentColour);

    const auto table = leadTable(input.list, input.preset, TimeZone::forSettingOrUtc(input.event.settings.timeZone));
    auto workbook = workbookBytes(table, input.scratch, exhibitor.id);
    if (!workbook)
        return workbook.error();
    MailMessage message;
    message.fromAddress = sender.address;
    message.fromName = sender.name.empty() ? input.event.name : sender.name;
    message.to = exhibitor.contact.emails;
    message.toName = exhibitor.name;
    message.subject = rendered.subject;
    message.text = rendered.text;
    message.html = rendered.html;
    message.attachments.push_back(
        {"leads.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", std::move(workbook).value()});
    message.attachments.push_back({"leads.csv", "text/csv", leadListCsv(table, ',')});
    if (input.reportPdf != nullptr)
        message.attachments.push_back({"report.pdf", "application/pdf", *input.reportPdf});
    return message;
}

} // namespace meetscan::core
