#include "meetscan/scanner/badge_reading.hpp"

#include "badge/readers.hpp"
#include "badge/text_util.hpp"

#include <exception>
#include <regex>

namespace meetscan::scanner {

std::string_view toString(BadgeKind kind) {
    switch (kind) {
    case BadgeKind::MeetScanSigned:
        return "meetscan";
    case BadgeKind::PretixSigned:
        return "pretix";
    case BadgeKind::UrlToken:
        return "url";
    case BadgeKind::Indico:
        return "indico";
    case BadgeKind::Mecard:
        return "mecard";
    case BadgeKind::VCard:
        return "vcard";
    case BadgeKind::Delimited:
        return "delimited";
    case BadgeKind::PlainId:
        return "plain";
    }
    return "plain";
}

std::string_view toString(ReadVerdict verdict) {
    switch (verdict) {
    case ReadVerdict::Ok:
        return "ok";
    case ReadVerdict::Malformed:
        return "malformed";
    case ReadVerdict::Forged:
        return "forged";
    }
    return "malformed";
}

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// Refusals that apply to every format, before any reader looks at the text.
std::optional<std::string> refuseOutright(std::string_view raw, std::string_view text,
                                          std::size_t maxLength) {
    if (raw.size() > maxLength)
        return "badge text is " + std::to_string(raw.size()) + " bytes, more than the limit of " +
               std::to_string(maxLength);
    if (text.empty())
        return std::string("badge text is empty");
    if (const auto at = detail::findInvalidUtf8(text))
        return "badge text is not valid UTF-8 (byte " + std::to_string(*at) + ")";
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F)
            return "badge text holds control character " + std::to_string(c) + " at byte " +
                   std::to_string(i);
    }
    return std::nullopt;
}

BadgeReading runChain(std::string_view text, const ReaderConfig& config) {
    if (auto reading = detail::readMeetScanBadge(text, config))
        return std::move(*reading);
    if (auto reading = detail::readPretixTicket(text, config))
        return std::move(*reading);
    if (auto reading = detail::readUrlToken(text, config))
        return std::move(*reading);
    if (auto reading = detail::readIndicoTicket(text))
        return std::move(*reading);
    if (auto reading = detail::readMecardBadge(text))
        return std::move(*reading);
    if (auto reading = detail::readVCardBadge(text))
        return std::move(*reading);
    if (auto reading = detail::readDelimitedBadge(text))
        return std::move(*reading);
    return detail::readPlainId(text);
}

} // namespace

BadgeReading readBadge(std::string_view rawText, const ReaderConfig& config) noexcept {
    try {
        std::string_view text = detail::trimAscii(rawText);
        // Windows editors start UTF-8 files (vCards saved to disk, then encoded) with a BOM.
        if (text.starts_with(kByteOrderMark))
            text = detail::trimAscii(text.substr(kByteOrderMark.size()));
        if (auto refusal = refuseOutright(rawText, text, config.maxLength))
            return detail::failedReading(BadgeKind::PlainId, ReadVerdict::Malformed, std::move(*refusal));
        return runChain(text, config);
    } catch (const std::exception& error) {
        return detail::failedReading(BadgeKind::PlainId, ReadVerdict::Malformed,
                                     std::string("badge could not be read: ") + error.what());
    } catch (...) {
        return detail::failedReading(BadgeKind::PlainId, ReadVerdict::Malformed, "badge could not be read");
    }
}

std::string validateUrlPattern(const std::string& pattern) {
    try {
        const std::regex compiled(pattern, std::regex::ECMAScript);
        if (compiled.mark_count() < 1)
            return "URL pattern has no capture group for the token";
        return {};
    } catch (const std::regex_error& error) {
        return std::string("URL pattern is not a valid regular expression: ") + error.what();
    }
}

} // namespace meetscan::scanner
