#pragma once
// The words of a follow-up e-mail: the organiser's own (`--template FILE`) or ours. A template
// is a "Subject: ..." line, a blank line, and the body in plain text:
//
//   Subject: Your contacts from {event}
//
//   Hello {first_name},
//
//   {people}
//
// `{name}` is a placeholder ({{ and }} are a literal brace). A placeholder alone in its paragraph
// may be a block (a list of people, booths or leads), drawn as a list in the HTML part. The HTML
// part is made from the same text, escaped, so a template cannot put markup in front of anyone.
#include "meetscan/scanner/expected.hpp"

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace meetscan::core {

struct MailBlock {
    std::string text; // plain lines; empty: the paragraph is left out
    std::string html; // an HTML fragment (already escaped)
};

struct MailFill {
    std::map<std::string, std::string> values; // inline placeholders: plain text
    std::map<std::string, MailBlock> blocks;   // placeholders that stand alone in a paragraph
};

struct RenderedMail {
    std::string subject;
    std::string text;
    std::string html;
};

class MailTemplate {
public:
    // `known`: the placeholders this kind of message fills; any other is an error naming
    // FILE:LINE:COLUMN (`source` names the file in messages).
    static Expected<MailTemplate> parse(std::string_view content, const std::string& source,
                                        const std::set<std::string>& known);

    [[nodiscard]] RenderedMail render(const MailFill& fill, const std::string& accentColour) const;

private:
    struct Piece {
        bool placeholder = false;
        std::string text; // literal text, or the placeholder's name
    };
    using Line = std::vector<Piece>;

    std::vector<Piece> m_subject;
    std::vector<std::vector<Line>> m_paragraphs; // body: paragraphs of lines
};

// Escapes & < > " ' for HTML text and attribute values.
[[nodiscard]] std::string escapeHtml(std::string_view text);

// The words MeetScan uses when the organiser gives none.
[[nodiscard]] std::string_view defaultPacketTemplate();
[[nodiscard]] std::string_view defaultLeadsTemplate();

} // namespace meetscan::core
