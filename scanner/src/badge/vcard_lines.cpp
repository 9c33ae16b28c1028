// vCard lines: physical lines, unfolding, quoted-printable soft breaks, then properties and cards.
#include "badge/text_util.hpp"
#include "badge/vcard_parts.hpp"

#include <algorithm>

namespace meetscan::scanner::detail {

namespace {

// Splits at LF (dropping any CRs before it: files from iOS end lines with CR CR LF); text with
// CRs only (classic Mac) is split at CR.
std::vector<std::string_view> physicalLines(std::string_view text) {
    const char breakChar = text.find('\n') != std::string_view::npos ? '\n' : '\r';
    std::vector<std::string_view> lines = split(text, std::string_view(&breakChar, 1));
    for (auto& line : lines) {
        while (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
    }
    return lines;
}

// The header's length: up to the first ':' outside double quotes, or npos.
std::size_t headerEnd(std::string_view line) {
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '"')
            quoted = !quoted;
        else if (line[i] == ':' && !quoted)
            return i;
    }
    return std::string_view::npos;
}

bool isQuotedPrintable(std::string_view line) {
    const auto end = headerEnd(line);
    const auto header = toLowerAscii(line.substr(0, end == std::string_view::npos ? line.size() : end));
    return header.find("quoted-printable") != std::string::npos;
}

// vCard 3.0/4.0 folding: a line break followed by one space or TAB is removed. vCard 2.1 also
// breaks quoted-printable values with a trailing '=' (soft line break) and no indentation.
std::vector<std::string> logicalLines(std::string_view text) {
    std::vector<std::string> lines;
    bool softBreakPending = false;
    for (const auto line : physicalLines(text)) {
        // A trailing '=' just before END:VCARD is a writer's slip, not a reason to lose the card.
        if (softBreakPending && equalsIgnoreCase(trimAscii(line), "END:VCARD"))
            softBreakPending = false;
        if (softBreakPending && !lines.empty()) {
            lines.back().pop_back(); // the soft break's '='
            lines.back() += line;
            softBreakPending = !line.empty() && line.back() == '=';
            continue;
        }
        if (!line.empty() && (line[0] == ' ' || line[0] == '\t') && !lines.empty()) {
            lines.back().append(line.substr(1));
        } else if (trimAscii(line).empty()) {
            softBreakPending = false;
            continue;
        } else {
            lines.emplace_back(line);
        }
        softBreakPending =
            !lines.back().empty() && lines.back().back() == '=' && isQuotedPrintable(lines.back());
    }
    return lines;
}

std::vector<std::string_view> splitOutsideQuotes(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    bool quoted = false;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '"')
            quoted = !quoted;
        else if (text[i] == separator && !quoted) {
            parts.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    parts.push_back(text.substr(start));
    return parts;
}

std::optional<VCardProperty> parseProperty(std::string_view line) {
    const auto end = headerEnd(line);
    if (end == std::string_view::npos)
        return std::nullopt; // not a property line; vCard readers skip such lines
    const auto headerParts = splitOutsideQuotes(line.substr(0, end), ';');
    VCardProperty property;
    auto name = trimAscii(headerParts[0]);
    if (const auto dot = name.rfind('.'); dot != std::string_view::npos)
        name.remove_prefix(dot + 1);
    property.name = toUpperAscii(name);
    for (std::size_t i = 1; i < headerParts.size(); ++i) {
        const auto part = trimAscii(headerParts[i]);
        if (part.empty())
            continue;
        VCardParam param;
        const auto equals = part.find('=');
        std::string_view value = part;
        if (equals == std::string_view::npos) {
            const std::string upper = toUpperAscii(part);
            param.name =
                (upper == "QUOTED-PRINTABLE" || upper == "BASE64" || upper == "8BIT") ? "ENCODING" : "TYPE";
        } else {
            param.name = toUpperAscii(trimAscii(part.substr(0, equals)));
            value = trimAscii(part.substr(equals + 1));
        }
        std::string cleaned;
        std::copy_if(value.begin(), value.end(), std::back_inserter(cleaned),
                     [](char c) { return c != '"'; });
        param.value = std::move(cleaned);
        property.params.push_back(std::move(param));
    }
    property.rawValue = std::string(line.substr(end + 1));
    return property;
}

} // namespace

std::string VCardProperty::param(std::string_view wanted) const {
    for (const auto& p : params) {
        if (p.name == wanted)
            return p.value;
    }
    return {};
}

bool VCardProperty::hasType(std::string_view type) const {
    return std::any_of(params.begin(), params.end(), [&](const VCardParam& p) {
        if (p.name != "TYPE")
            return false;
        const auto values = split(p.value, ",");
        return std::any_of(values.begin(), values.end(),
                           [&](std::string_view v) { return equalsIgnoreCase(trimAscii(v), type); });
    });
}

Expected<std::vector<VCardCard>> splitVCards(std::string_view text) {
    std::vector<VCardCard> cards;
    int depth = 0;
    for (const auto& line : logicalLines(text)) {
        auto property = parseProperty(line);
        if (!property)
            continue;
        const auto value = trimAscii(property->rawValue);
        if (property->name == "BEGIN" && equalsIgnoreCase(value, "VCARD")) {
            if (depth++ == 0)
                cards.emplace_back();
        } else if (property->name == "END" && equalsIgnoreCase(value, "VCARD")) {
            depth = std::max(0, depth - 1);
        } else if (depth == 1) {
            cards.back().push_back(std::move(*property));
        }
    }
    if (cards.empty())
        return Error::badInput("vCard: no BEGIN:VCARD");
    if (depth != 0)
        return Error::badInput("vCard: no END:VCARD (cut off?)");
    return cards;
}

} // namespace meetscan::scanner::detail
