#pragma once
// An attendee's follow-up e-mail: who they met and which booths they visited, with each booth's
// website and follow-up link, in plain text and HTML; summary.pdf and contacts.vcf attached. It
// shows exactly what the packet shows (packet_data.hpp), so the consent rules are the packet's.
#include "core/export/packet_data.hpp"
#include "core/export/packet_pdf.hpp"
#include "core/mail/mail_message.hpp"
#include "core/mail/mail_template.hpp"

#include <set>
#include <string>

namespace meetscan::core {

struct MailSender {
    std::string address; // isMailAddress
    std::string name;    // shown as the sender; the event's name when empty
};

// The placeholders a packet template may use.
[[nodiscard]] const std::set<std::string>& packetMailPlaceholders();

[[nodiscard]] Expected<MailMessage> packetMail(const Packet& packet, const MailTemplate& words,
                                               const MailSender& sender, PacketQrCache& qrCache);

} // namespace meetscan::core
