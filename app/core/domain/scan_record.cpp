#include "core/domain/scan_record.hpp"

#include <array>
#include <utility>

namespace meetscan::core {

namespace {

constexpr std::array<std::pair<Outcome, std::string_view>, 13> kNames{{
    {Outcome::FirstBadge, "first_badge"},
    {Outcome::Connected, "connected"},
    {Outcome::AlreadyConnected, "already_connected"},
    {Outcome::SameBadge, "same_badge"},
    {Outcome::StaffSignedIn, "staff_signed_in"},
    {Outcome::LeadCaptured, "lead_captured"},
    {Outcome::LeadReopened, "lead_reopened"},
    {Outcome::SummaryShown, "summary_shown"},
    {Outcome::NoConsent, "no_consent"},
    {Outcome::UnknownBadge, "unknown_badge"},
    {Outcome::BadSignature, "bad_signature"},
    {Outcome::Malformed, "malformed"},
    {Outcome::NotConfigured, "not_configured"},
}};

} // namespace

std::string_view toString(Outcome outcome) {
    for (const auto& [value, name] : kNames)
        if (value == outcome)
            return name;
    return "malformed";
}

std::optional<Outcome> parseOutcome(std::string_view text) {
    for (const auto& [value, name] : kNames)
        if (name == text)
            return value;
    return std::nullopt;
}

bool isAccepted(Outcome outcome) {
    switch (outcome) {
    case Outcome::FirstBadge:
    case Outcome::Connected:
    case Outcome::AlreadyConnected:
    case Outcome::StaffSignedIn:
    case Outcome::LeadCaptured:
    case Outcome::LeadReopened:
    case Outcome::SummaryShown:
        return true;
    default:
        return false;
    }
}

} // namespace meetscan::core
