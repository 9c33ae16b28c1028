#pragma once
// One e-mail as MeetScan sends it: a plain-text and an HTML body, and attachments. Rendered to
// RFC 5322 bytes (CRLF lines) by GMime, the same bytes for the SMTP server and for `--dry-run`.
#include "meetscan/scanner/expected.hpp"

#include <string>
#include <vector>

namespace meetscan::core {

struct MailAttachment {
    std::string fileName; // e.g. summary.pdf
    std::string mimeType; // e.g. application/pdf
    std::string bytes;
};

struct MailMessage {
    std::string fromName;    // the event's name, say; may be empty
    std::string fromAddress; // isMailAddress
    std::string replyTo;     // empty: replies go to fromAddress
    std::vector<std::string> to; // isMailAddress each; at least one
    std::string toName;      // shown with the first recipient; may be empty
    std::string subject;
    std::string text;        // UTF-8
    std::string html;        // UTF-8; empty: text only
    std::vector<MailAttachment> attachments;
};

// The message's bytes with fresh Message-ID and Date headers. Bad input when an address is not
// one (isMailAddress), so nothing hostile reaches a header. Safe on several threads at once.
[[nodiscard]] Expected<std::string> renderMail(const MailMessage& message);

} // namespace meetscan::core
