#include "core/mail/mail_template.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace meetscan::core {

namespace {

constexpr std::size_t kMaxTemplateBytes = 64 * 1024;

constexpr std::string_view kPacketTemplate = R"(Subject: Your connections from {event}

Hello {first_name},

thank you for coming to {event}. Here is everyone you met and every booth you visited, so that a good conversation can become a lasting one.

{people}

{booths}

{attachments}

See you next time,
The {event} team
)";

constexpr std::string_view kLeadsTemplate = R"(Subject: Your leads from {event}: {new_leads} new

Hello {exhibitor} team,

here are the {leads} visitors your booth met at {event}, as a spreadsheet (leads.xlsx) and as CSV for your CRM (leads.csv).

{new_lead_list}

Best regards,
The {event} team
)";

std::vector<std::string_view> splitLines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        auto line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

bool isBlank(std::string_view line) {
    return std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t'; });
}

bool isNameChar(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }

} // namespace

std::string escapeHtml(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string_view defaultPacketTemplate() { return kPacketTemplate; }
std::string_view defaultLeadsTemplate() { return kLeadsTemplate; }

Expected<MailTemplate> MailTemplate::parse(std::string_view content, const std::string& source,
                                           const std::set<std::string>& known) {
    if (content.size() > kMaxTemplateBytes)
        return Error::badInput(fmt::format("{}: a template is at most {} kB", source, kMaxTemplateBytes / 1024));
    if (content.starts_with("\xEF\xBB\xBF")) // a BOM, as Windows editors save UTF-8
        content.remove_prefix(3);
    const auto lines = splitLines(content);
    auto pieces = [&](std::string_view line, std::size_t lineNo,
                      std::size_t columnOffset) -> Expected<std::vector<Piece>> {
        std::vector<Piece> out;
        std::string literal;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const char c = line[i];
            if (static_cast<unsigned char>(c) < 0x20 && c != '\t')
                return Error::badInput(fmt::format("{}:{}:{}: a control character", source, lineNo, columnOffset + i + 1));
            if ((c == '{' || c == '}') && i + 1 < line.size() && line[i + 1] == c) {
                literal += c;
                ++i;
                continue;
            }
            if (c == '}')
                return Error::badInput(fmt::format("{}:{}:{}: a lone }} (write }}}} for a brace)", source, lineNo,
                                                   columnOffset + i + 1));
            if (c != '{') {
                literal += c;
                continue;
            }
            const auto close = line.find('}', i);
            const auto name = close == std::string_view::npos ? std::string_view{} : line.substr(i + 1, close - i - 1);
            if (name.empty() || !std::all_of(name.begin(), name.end(), isNameChar))
                return Error::badInput(fmt::format("{}:{}:{}: a {{ that starts no placeholder (write {{{{ for a brace)",
                                                   source, lineNo, columnOffset + i + 1));
            if (known.count(std::string(name)) == 0) {
                std::string names;
                for (const auto& k : known)
                    names += (names.empty() ? "{" : ", {") + k + "}";
                return Error::badInput(fmt::format("{}:{}:{}: unknown placeholder {{{}}} (known: {})", source, lineNo,
                                                   columnOffset + i + 1, name, names));
            }
            if (!literal.empty())
                out.push_back({false, std::move(literal)});
            literal.clear();
            out.push_back({true, std::string(name)});
            i = close;
        }
        if (!literal.empty())
            out.push_back({false, std::move(literal)});
        return out;
    };

    constexpr std::string_view kSubject = "Subject:";
    if (lines.empty() || !lines[0].starts_with(kSubject))
        return Error::badInput(fmt::format("{}:1:1: a template starts with a \"Subject: ...\" line", source));
    MailTemplate result;
    auto subjectText = lines[0].substr(kSubject.size());
    const auto lead = subjectText.find_first_not_of(" \t");
    subjectText.remove_prefix(lead == std::string_view::npos ? subjectText.size() : lead);
    auto subject = pieces(subjectText, 1, lines[0].size() - subjectText.size());
    if (!subject)
        return subject.error();
    if (subject->empty())
        return Error::badInput(fmt::format("{}:1:1: the subject is empty", source));
    result.m_subject = std::move(*subject);
    if (lines.size() < 2 || !isBlank(lines[1]))
        return Error::badInput(fmt::format("{}:2:1: a blank line follows the subject", source));

    std::vector<Line> paragraph;
    for (std::size_t n = 2; n < lines.size(); ++n) {
        if (isBlank(lines[n])) {
            if (!paragraph.empty())
                result.m_paragraphs.push_back(std::move(paragraph));
            paragraph.clear();
            continue;
        }
        auto line = pieces(lines[n], n + 1, 0);
        if (!line)
            return line.error();
        paragraph.push_back(std::move(*line));
    }
    if (!paragraph.empty())
        result.m_paragraphs.push_back(std::move(paragraph));
    if (result.m_paragraphs.empty())
        return Error::badInput(fmt::format("{}: the body is empty", source));
    return result;
}

RenderedMail MailTemplate::render(const MailFill& fill, const std::string& accentColour) const {
    // The colour lands in CSS: only a plain #rrggbb is let through.
    const bool plainColour = accentColour.size() == 7 && accentColour[0] == '#' &&
                             std::all_of(accentColour.begin() + 1, accentColour.end(),
                                         [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
    const std::string accent = plainColour ? accentColour : "#1F6FEB";
    auto value = [&fill](const std::string& name) -> std::string {
        if (auto it = fill.values.find(name); it != fill.values.end())
            return it->second;
        if (auto it = fill.blocks.find(name); it != fill.blocks.end())
            return it->second.text;
        return {};
    };
    auto lineText = [&](const Line& line, bool html) {
        std::string out;
        for (const auto& piece : line) {
            const std::string text = piece.placeholder ? value(piece.text) : piece.text;
            out += html ? escapeHtml(text) : text;
        }
        return out;
    };

    RenderedMail mail;
    for (const auto& piece : m_subject)
        mail.subject += piece.placeholder ? value(piece.text) : piece.text;
    // A subject is one line whatever a value holds.
    std::replace_if(mail.subject.begin(), mail.subject.end(), [](char c) { return c == '\r' || c == '\n'; }, ' ');

    std::string htmlBody;
    for (const auto& paragraph : m_paragraphs) {
        const bool isBlock = paragraph.size() == 1 && paragraph[0].size() == 1 && paragraph[0][0].placeholder &&
                             fill.blocks.count(paragraph[0][0].text) != 0;
        if (isBlock) {
            const auto& block = fill.blocks.at(paragraph[0][0].text);
            if (block.text.empty())
                continue;
            mail.text += block.text + "\n\n";
            htmlBody += block.html + "\n";
            continue;
        }
        std::string text;
        std::string html;
        for (const auto& line : paragraph) {
            text += lineText(line, false) + "\n";
            html += (html.empty() ? "" : "<br>\n") + lineText(line, true);
        }
        mail.text += text + "\n";
        htmlBody += "<p>" + html + "</p>\n";
    }
    while (mail.text.size() > 1 && mail.text.ends_with("\n\n"))
        mail.text.pop_back();
    mail.html = fmt::format(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{0}</title>\n"
        "<style>body{{font-family:Helvetica,Arial,sans-serif;color:#1f2328;line-height:1.45;margin:0;padding:24px;}}"
        ".mail{{max-width:600px;margin:0 auto;}}h2{{font-size:17px;margin:24px 0 8px;color:{1};}}"
        "ul{{padding-left:0;list-style:none;}}li{{margin:0 0 12px;padding:10px 12px;border-left:3px solid {1};"
        "background:#f6f8fa;}}.who{{font-weight:bold;}}.what{{color:#57606a;}}a{{color:{1};}}</style></head>\n"
        "<body><div class=\"mail\">\n{2}</div></body></html>\n",
        escapeHtml(mail.subject), accent, htmlBody);
    return mail;
}

} // namespace meetscan::core
