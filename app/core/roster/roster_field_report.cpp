#include "core/roster/roster_field_report.hpp"

#include "core/roster/roster_pass.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>

namespace meetscan::core {

namespace {

// What an attendee holds when the export has no column for the field (RowConverter's defaults).
std::string_view defaultOf(RosterField field) {
    switch (field) {
    case RosterField::ConsentExhibitors:
        return "yes for everyone: exhibitors may scan every badge";
    case RosterField::ConsentNetworking:
        return "yes for everyone: contact details go to the people they meet";
    case RosterField::Exhibitor:
        return "nobody is booth staff";
    case RosterField::Status:
        return "no row is taken as cancelled";
    case RosterField::OtherCodes:
        return "one code a badge";
    default:
        return "empty";
    }
}

bool containsAny(std::string_view text, std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(),
                       [text](std::string_view word) { return text.find(word) != std::string_view::npos; });
}

// The field a column's header suggests, judged on its normalized form; Status when none.
RosterField fieldSuggestedBy(std::string_view normalized) {
    const bool consentWord =
        containsAny(normalized, {"consent", "permission", "agree", "optin", "gdpr", "allow", "may", "share"});
    if (consentWord && containsAny(normalized, {"exhibitor", "sponsor", "booth", "scan", "partner", "lead"}))
        return RosterField::ConsentExhibitors;
    if (consentWord && containsAny(normalized, {"network", "attendee", "participant", "contact", "met", "meet"}))
        return RosterField::ConsentNetworking;
    if (containsAny(normalized, {"jobtitle", "jobfunction", "jobposition", "occupation"}) || normalized == "title" ||
        normalized == "position" || normalized == "designation")
        return RosterField::Title;
    if (containsAny(normalized, {"company", "organisation", "organization", "employer", "affiliation", "institution"}))
        return RosterField::Company;
    return RosterField::Status;
}

bool isNameField(RosterField field) {
    return field == RosterField::Name || field == RosterField::FirstName || field == RosterField::LastName;
}

} // namespace

Expected<RosterFieldReport> rosterFieldReport(std::string_view content, const std::string& file,
                                              const RosterImportOptions& options) {
    auto opened = detail::openRoster(content, file, options);
    if (!opened)
        return opened.error();
    const RosterLayout& layout = opened->layout;
    const std::vector<std::string>& headers = opened->headers;

    RosterFieldReport report;
    report.preset = layout.preset;
    std::set<std::size_t> used;
    const bool someName = layout.has(RosterField::Name) || layout.has(RosterField::FirstName) ||
                          layout.has(RosterField::LastName);
    for (std::size_t index = 0; index < kRosterFieldCount; ++index) {
        const auto field = static_cast<RosterField>(index);
        if (layout.has(field)) {
            RosterFieldSource source{std::string(fieldName(field)), {}};
            for (std::size_t column : layout.of(field)) {
                source.columns.push_back(headers[column]);
                used.insert(column);
            }
            report.found.push_back(std::move(source));
        } else if (!isNameField(field) || (!someName && field == RosterField::Name)) {
            std::string value = isNameField(field) ? "empty: people are known by badge code" : std::string(defaultOf(field));
            const bool consent = field == RosterField::ConsentExhibitors || field == RosterField::ConsentNetworking;
            if (consent && options.consentDefault)
                value = fmt::format("{} for everyone (--consent-default)", *options.consentDefault ? "yes" : "no");
            report.missing.push_back({std::string(fieldName(field)), std::move(value)});
        }
    }
    for (std::size_t column = 0; column < headers.size(); ++column) {
        if (used.contains(column) || headers[column].empty())
            continue;
        // pretix's order e-mail and phone, left out unless asked for (dropBuyerContact).
        const std::string normalized = normalizeHeader(headers[column]);
        if (layout.preset == RosterPreset::Pretix && (normalized == "email" || normalized == "phonenumber")) {
            report.hints.push_back({headers[column], normalized == "email" ? "email" : "phone", "--buyer-contact"});
            continue;
        }
        const RosterField field = fieldSuggestedBy(normalized);
        if (field == RosterField::Status || layout.has(field))
            continue;
        const std::string name(fieldName(field));
        report.hints.push_back({headers[column], name, fmt::format("--map {}=\"{}\"", name, headers[column])});
    }
    return report;
}

} // namespace meetscan::core
