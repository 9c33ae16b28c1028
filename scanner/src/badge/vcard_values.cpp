// vCard values: transfer encodings, charsets and text escapes.
#include "badge/text_util.hpp"
#include "badge/vcard_parts.hpp"
#include "meetscan/scanner/base64.hpp"

namespace meetscan::scanner::detail {

namespace {

int hexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

} // namespace

std::string decodeQuotedPrintable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '=') {
            out.push_back(text[i]);
            continue;
        }
        // Soft line breaks were joined when unfolding; a '=' left at the very end is one too.
        if (i + 2 < text.size() && hexValue(text[i + 1]) >= 0 && hexValue(text[i + 2]) >= 0) {
            out.push_back(static_cast<char>(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2])));
            i += 2;
        } else if (i + 1 == text.size()) {
            break;
        } else {
            out.push_back('='); // RFC 2045 asks decoders to keep a stray '=' rather than fail
        }
    }
    return out;
}

Expected<std::string> decodeValue(const VCardProperty& property) {
    const std::string encoding = toUpperAscii(property.param("ENCODING"));
    std::string bytes;
    if (encoding == "QUOTED-PRINTABLE") {
        bytes = decodeQuotedPrintable(property.rawValue);
    } else if (encoding == "B" || encoding == "BASE64") {
        std::string compact;
        for (const char c : property.rawValue) {
            if (c != ' ' && c != '\t')
                compact.push_back(c);
        }
        auto decoded = decodeBase64(compact);
        if (!decoded)
            return Error::badInput("vCard: " + property.name + " is not valid base64");
        bytes = std::move(*decoded);
    } else {
        // Not transfer-encoded: the decoder already gave us UTF-8 text, whatever CHARSET says.
        return property.rawValue;
    }
    const std::string charset = property.param("CHARSET");
    if (auto text = toUtf8(bytes, charset))
        return std::move(*text);
    // vCard 2.1's default is ASCII, but phones write their own 8-bit code page without saying so.
    if (charset.empty()) {
        if (auto text = toUtf8(bytes, "WINDOWS-1252"))
            return std::move(*text);
    }
    return Error::badInput("vCard: " + property.name + " is not valid " +
                           (charset.empty() ? "UTF-8" : charset));
}

std::vector<std::string> splitComponents(std::string_view value) {
    std::vector<std::string> parts;
    std::string current;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '\\' && i + 1 < value.size()) {
            current.push_back(value[i]);
            current.push_back(value[++i]);
        } else if (value[i] == ';') {
            parts.push_back(std::move(current));
            current.clear();
        } else {
            current.push_back(value[i]);
        }
    }
    parts.push_back(std::move(current));
    return parts;
}

std::string unescapeText(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] != '\\' || i + 1 == value.size()) {
            out.push_back(value[i]);
            continue;
        }
        const char next = value[++i];
        if (next == 'n' || next == 'N')
            out.push_back('\n');
        else if (next == ',' || next == ';' || next == ':' || next == '\\' || next == '"')
            out.push_back(next);
        else {
            out.push_back('\\'); // not an escape vCard defines: keep it as written
            out.push_back(next);
        }
    }
    return std::string(trimAscii(out));
}

} // namespace meetscan::scanner::detail
