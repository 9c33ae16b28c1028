#pragma once
// The readers of the badge chain (badge_reading.hpp). Each returns nullopt when the text is not
// its shape, so the chain moves on; once it returns a reading, that is the answer.
// `text` has been trimmed and checked for length, UTF-8 and control characters.
#include "meetscan/scanner/badge_reading.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace meetscan::scanner::detail {

std::optional<BadgeReading> readMeetScanBadge(std::string_view text, const ReaderConfig& config);
std::optional<BadgeReading> readPretixTicket(std::string_view text, const ReaderConfig& config);
std::optional<BadgeReading> readUrlToken(std::string_view text, const ReaderConfig& config);
std::optional<BadgeReading> readIndicoTicket(std::string_view text);
std::optional<BadgeReading> readMecardBadge(std::string_view text);
std::optional<BadgeReading> readVCardBadge(std::string_view text);
std::optional<BadgeReading> readDelimitedBadge(std::string_view text);
BadgeReading readPlainId(std::string_view text);

inline BadgeReading okReading(BadgeKind kind, std::string code) {
    BadgeReading reading;
    reading.kind = kind;
    reading.verdict = ReadVerdict::Ok;
    reading.code = std::move(code);
    return reading;
}

inline BadgeReading failedReading(BadgeKind kind, ReadVerdict verdict, std::string reason) {
    BadgeReading reading;
    reading.kind = kind;
    reading.verdict = verdict;
    reading.reason = std::move(reason);
    return reading;
}

// A contact worth keeping has something to show or to match on.
inline bool hasUsefulField(const Contact& contact) {
    return !contact.firstName.empty() || !contact.lastName.empty() || !contact.email.empty() ||
           !contact.uid.empty() || !contact.phone.empty() || !contact.company.empty();
}

} // namespace meetscan::scanner::detail
