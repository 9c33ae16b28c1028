#include "core/mail/mail_message.hpp"

#include "core/domain/contact_fields.hpp"

#include <fmt/format.h>
#include <gmime/gmime.h>

#include <memory>
#include <mutex>

namespace meetscan::core {

namespace {

// GMime keeps its charset tables process-wide and wants them set up once, before any thread
// uses it. It is the library's own state, not ours; nothing ever tears it down.
void initialiseGmimeOnce() {
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

struct GObjectUnref {
    void operator()(gpointer object) const { g_object_unref(object); }
};
template <class T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

struct FormatOptionsFree {
    void operator()(GMimeFormatOptions* options) const { g_mime_format_options_free(options); }
};

GObjectPtr<GMimeTextPart> textPart(const char* subtype, const std::string& text) {
    GObjectPtr<GMimeTextPart> part(g_mime_text_part_new_with_subtype(subtype));
    g_mime_text_part_set_text(part.get(), text.c_str()); // charset utf-8 when not ASCII
    g_mime_part_set_content_encoding(GMIME_PART(part.get()), GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
    return part;
}

GObjectPtr<GMimePart> attachmentPart(const MailAttachment& attachment) {
    const auto slash = attachment.mimeType.find('/');
    const std::string type = attachment.mimeType.substr(0, slash);
    const std::string subtype = slash == std::string::npos ? "octet-stream" : attachment.mimeType.substr(slash + 1);
    GObjectPtr<GMimePart> part(g_mime_part_new_with_type(type.c_str(), subtype.c_str()));
    GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(
        attachment.bytes.data(), attachment.bytes.size()));
    GObjectPtr<GMimeDataWrapper> content(
        g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
    g_mime_part_set_content(part.get(), content.get());
    g_mime_part_set_content_encoding(part.get(), GMIME_CONTENT_ENCODING_BASE64);
    g_mime_part_set_filename(part.get(), attachment.fileName.c_str());
    g_mime_object_set_disposition(GMIME_OBJECT(part.get()), "attachment");
    return part;
}

std::string domainOf(const std::string& address) { return address.substr(address.rfind('@') + 1); }

} // namespace

Expected<std::string> renderMail(const MailMessage& message) {
    if (!isMailAddress(message.fromAddress))
        return Error::badInput(fmt::format("\"{}\" is not an e-mail address to send from", message.fromAddress));
    if (!message.replyTo.empty() && !isMailAddress(message.replyTo))
        return Error::badInput(fmt::format("\"{}\" is not an e-mail address to reply to", message.replyTo));
    if (message.to.empty())
        return Error::badInput("a message needs a recipient");
    for (const auto& address : message.to)
        if (!isMailAddress(address))
            return Error::badInput(fmt::format("\"{}\" is not an e-mail address", address));
    initialiseGmimeOnce();

    GObjectPtr<GMimeMessage> mail(g_mime_message_new(TRUE));
    g_mime_message_add_mailbox(mail.get(), GMIME_ADDRESS_TYPE_FROM, message.fromName.c_str(),
                               message.fromAddress.c_str());
    if (!message.replyTo.empty())
        g_mime_message_add_mailbox(mail.get(), GMIME_ADDRESS_TYPE_REPLY_TO, "", message.replyTo.c_str());
    for (std::size_t i = 0; i < message.to.size(); ++i)
        g_mime_message_add_mailbox(mail.get(), GMIME_ADDRESS_TYPE_TO, i == 0 ? message.toName.c_str() : "",
                                   message.to[i].c_str());
    g_mime_message_set_subject(mail.get(), message.subject.c_str(), "utf-8");
    GDateTime* now = g_date_time_new_now_local();
    g_mime_message_set_date(mail.get(), now);
    g_date_time_unref(now);
    char* messageId = g_mime_utils_generate_message_id(domainOf(message.fromAddress).c_str());
    g_mime_message_set_message_id(mail.get(), messageId);
    g_free(messageId);

    GObjectPtr<GMimeMultipart> mixed(g_mime_multipart_new_with_subtype("mixed"));
    auto text = textPart("plain", message.text);
    if (message.html.empty()) {
        g_mime_multipart_add(mixed.get(), GMIME_OBJECT(text.get()));
    } else {
        GObjectPtr<GMimeMultipart> alternative(g_mime_multipart_new_with_subtype("alternative"));
        g_mime_multipart_add(alternative.get(), GMIME_OBJECT(text.get()));
        auto html = textPart("html", message.html);
        g_mime_multipart_add(alternative.get(), GMIME_OBJECT(html.get()));
        g_mime_multipart_add(mixed.get(), GMIME_OBJECT(alternative.get()));
    }
    for (const auto& attachment : message.attachments) {
        auto part = attachmentPart(attachment);
        g_mime_multipart_add(mixed.get(), GMIME_OBJECT(part.get()));
    }
    g_mime_message_set_mime_part(mail.get(), GMIME_OBJECT(mixed.get()));

    std::unique_ptr<GMimeFormatOptions, FormatOptionsFree> format(g_mime_format_options_new());
    g_mime_format_options_set_newline_format(format.get(), GMIME_NEWLINE_FORMAT_DOS); // SMTP's CRLF
    GObjectPtr<GMimeStream> out(g_mime_stream_mem_new());
    if (g_mime_object_write_to_stream(GMIME_OBJECT(mail.get()), format.get(), out.get()) < 0)
        return Error::world("cannot render the message");
    GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out.get()));
    return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

} // namespace meetscan::core
