#include "core/mail/packet_mail.hpp"

#include "core/domain/contact_fields.hpp"

#include <fmt/format.h>

namespace meetscan::core {

namespace {

std::string joinNonEmpty(std::initializer_list<const std::string*> parts, std::string_view separator) {
    std::string out;
    for (const auto* part : parts)
        if (!part->empty())
            out += (out.empty() ? "" : std::string(separator)) + *part;
    return out;
}

// A mailto: that opens a message to this address and nothing else: ? & = % # are legal in an
// address, and would otherwise add a Cc, a subject or a body to the link.
std::string mailtoOf(const std::string& address) {
    std::string uri = "mailto:";
    for (const char c : address) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                           c == '@' || c == '.' || c == '-' || c == '_' || c == '+';
        uri += plain ? std::string(1, c) : fmt::format("%{:02X}", static_cast<unsigned char>(c));
    }
    return uri;
}

MailBlock peopleBlock(const Packet& packet) {
    const auto& people = packet.summary.people;
    if (people.empty())
        return {};
    MailBlock block;
    block.text = fmt::format("People you met ({})\n", people.size());
    block.html = fmt::format("<h2>People you met ({})</h2>\n<ul>\n", people.size());
    for (const auto& person : people) {
        const std::string role = joinNonEmpty({&person.title, &person.company}, ", ");
        const std::string reach = joinNonEmpty({&person.email, &person.phone}, " · ");
        block.text += "- " + person.name + (role.empty() ? "" : ", " + role) + "\n";
        if (!reach.empty())
            block.text += "  " + reach + "\n";
        block.html += "<li><span class=\"who\">" + escapeHtml(person.name) + "</span>";
        if (!role.empty())
            block.html += "<br><span class=\"what\">" + escapeHtml(role) + "</span>";
        std::string links;
        if (isMailAddress(person.email))
            links += "<a href=\"" + escapeHtml(mailtoOf(person.email)) + "\">" + escapeHtml(person.email) + "</a>";
        if (!person.phone.empty())
            links += (links.empty() ? "" : " · ") + escapeHtml(person.phone);
        if (!links.empty())
            block.html += "<br>" + links;
        block.html += "</li>\n";
    }
    block.text.pop_back();
    block.html += "</ul>";
    return block;
}

MailBlock boothsBlock(const Packet& packet) {
    const auto& booths = packet.summary.booths;
    if (booths.empty())
        return {};
    MailBlock block;
    block.text = fmt::format("Booths you visited ({})\n", booths.size());
    block.html = fmt::format("<h2>Booths you visited ({})</h2>\n<ul>\n", booths.size());
    for (const auto& booth : booths) {
        const std::string where = booth.booth.empty() ? "" : "booth " + booth.booth;
        block.text += "- " + booth.name + (where.empty() ? "" : ", " + where) + "\n";
        block.html += "<li><span class=\"who\">" + escapeHtml(booth.name) + "</span>";
        if (!where.empty())
            block.html += " <span class=\"what\">" + escapeHtml(where) + "</span>";
        if (isWebLink(booth.website)) {
            block.text += "  " + booth.website + "\n";
            block.html += "<br><a href=\"" + escapeHtml(booth.website) + "\">" + escapeHtml(booth.website) + "</a>";
        }
        if (isWebLink(booth.followUp)) {
            block.text += "  Their follow-up for you: " + booth.followUp + "\n";
            block.html += "<br>Their follow-up for you: <a href=\"" + escapeHtml(booth.followUp) + "\">" +
                          escapeHtml(booth.followUp) + "</a>";
        }
        block.html += "</li>\n";
    }
    block.text.pop_back();
    block.html += "</ul>";
    return block;
}

} // namespace

const std::set<std::string>& packetMailPlaceholders() {
    static const std::set<std::string> names{"event",        "first_name",  "last_name", "name",       "people",
                                             "booths",       "people_count", "booth_count", "attachments"};
    return names;
}

Expected<MailMessage> packetMail(const Packet& packet, const MailTemplate& words, const MailSender& sender,
                                 PacketQrCache& qrCache) {
    const auto& attendee = packet.summary.attendee;
    if (!isMailAddress(attendee.email))
        return Error::badInput(fmt::format("{} has no e-mail address to send to", attendee.id));
    MailFill fill;
    const std::string name = attendee.displayName();
    fill.values = {{"event", packet.event.name},
                   {"first_name", attendee.firstName.empty() ? name : attendee.firstName},
                   {"last_name", attendee.lastName},
                   {"name", name},
                   {"people_count", std::to_string(packet.summary.people.size())},
                   {"booth_count", std::to_string(packet.summary.booths.size())}};
    // What is attached, said as it is: no contacts.vcf for someone who met nobody.
    const std::string attached =
        packet.summary.people.empty()
            ? "Attached is your summary (summary.pdf)."
            : "Attached are your summary (summary.pdf) and your new contacts (contacts.vcf), ready for your "
              "phone's address book.";
    fill.blocks = {{"people", peopleBlock(packet)},
                   {"booths", boothsBlock(packet)},
                   {"attachments", {attached, "<p>" + escapeHtml(attached) + "</p>"}}};
    const auto rendered = words.render(fill, packet.event.settings.accentColour);

    auto pdf = packetPdf(packet, qrCache);
    if (!pdf)
        return pdf.error();
    MailMessage message;
    message.fromAddress = sender.address;
    message.fromName = sender.name.empty() ? packet.event.name : sender.name;
    message.to = {attendee.email};
    message.toName = name;
    message.subject = rendered.subject;
    message.text = rendered.text;
    message.html = rendered.html;
    message.attachments.push_back({"summary.pdf", "application/pdf", std::move(pdf).value()});
    if (!packet.summary.people.empty())
        message.attachments.push_back({"contacts.vcf", "text/vcard", packetVcards(packet)});
    return message;
}

} // namespace meetscan::core
