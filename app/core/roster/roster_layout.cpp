#include "core/roster/roster_layout.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace meetscan::core {

namespace {

struct FieldAliases {
    RosterField field;
    std::vector<std::string_view> headers; // normalized, in order of preference; each found one is a fallback
};

// pretix "Order data" export, sheet "Order positions" (pretix/base/exporters/orderlist.py,
// iterate_positions). Name parts appear as "Attendee name: <label>" when the event's name
// scheme has several fields. "Company" appears twice (attendee, then invoice): the first wins.
// Status is "canceled" for a canceled position, else the order's status (pending, paid,
// expired, canceled).
const std::vector<FieldAliases>& pretixAliases() {
    static const std::vector<FieldAliases> aliases{
        {RosterField::BadgeCode, {"ticketsecret"}},
        {RosterField::FirstName, {"attendeename:givenname", "attendeename:firstname"}},
        {RosterField::LastName, {"attendeename:familyname", "attendeename:lastname", "attendeename:surname"}},
        {RosterField::Name, {"attendeename"}},
        {RosterField::Email, {"attendeeemail", "email"}},
        {RosterField::Company, {"company"}},
        {RosterField::Phone, {"phonenumber"}},
        {RosterField::Country, {"country"}},
        {RosterField::TicketType, {"product"}},
        {RosterField::Status, {"status"}},
    };
    return aliases;
}

// Eventbrite "Attendee Summary" report: "Barcode #" is what the ticket's code holds; Eventbrite
// pads some headers with trailing spaces (normalizeHeader drops them).
const std::vector<FieldAliases>& eventbriteAliases() {
    static const std::vector<FieldAliases> aliases{
        {RosterField::BadgeCode, {"barcode#", "barcode"}},
        {RosterField::FirstName, {"firstname"}},
        {RosterField::LastName, {"lastname"}},
        {RosterField::Email, {"email"}},
        {RosterField::Company, {"company"}},
        {RosterField::Title, {"jobtitle"}},
        {RosterField::Phone, {"cellphone", "workphone", "homephone"}},
        {RosterField::Country, {"workcountry", "homecountry", "country"}},
        {RosterField::TicketType, {"tickettype"}},
        {RosterField::Status, {"attendeestatus"}},
    };
    return aliases;
}

// Hi.Events attendee export (backend/app/Exports/AttendeesExport.php). The ticket's QR code holds
// the attendee's public id; the short id is printed beside it. Questions become further columns
// named by their title, so a "Company" question is picked up.
const std::vector<FieldAliases>& hiEventsAliases() {
    static const std::vector<FieldAliases> aliases{
        {RosterField::BadgeCode, {"publicid"}},
        {RosterField::OtherCodes, {"shortid"}},
        {RosterField::FirstName, {"firstname"}},
        {RosterField::LastName, {"lastname"}},
        {RosterField::Email, {"email"}},
        {RosterField::Company, {"company", "organisation", "organization"}},
        {RosterField::Title, {"jobtitle", "title"}},
        {RosterField::Phone, {"phone", "phonenumber"}},
        {RosterField::TicketType, {"productname", "ticketname"}},
        {RosterField::Status, {"status"}},
    };
    return aliases;
}

const std::vector<FieldAliases>& genericAliases() {
    static const std::vector<FieldAliases> aliases{
        {RosterField::BadgeCode,
         {"badgecode", "badge", "code", "barcode", "barcode#", "ticketcode", "ticketsecret", "qrcode", "qr",
          "id"}},
        {RosterField::OtherCodes, {"othercodes", "codes", "alternativecodes"}},
        {RosterField::FirstName, {"firstname", "givenname", "first", "forename"}},
        {RosterField::LastName, {"lastname", "familyname", "surname", "last"}},
        {RosterField::Name, {"name", "fullname", "attendeename"}},
        {RosterField::Company, {"company", "organisation", "organization", "org", "employer"}},
        {RosterField::Title, {"title", "jobtitle", "position"}},
        {RosterField::Email, {"email", "emailaddress", "mail"}},
        {RosterField::Phone, {"phone", "phonenumber", "mobile", "cellphone", "telephone", "tel"}},
        {RosterField::Country, {"country", "countrycode"}},
        {RosterField::TicketType, {"tickettype", "ticket", "category"}},
        {RosterField::Role, {"role"}},
        {RosterField::Exhibitor, {"exhibitor", "exhibitorid"}},
        {RosterField::ConsentExhibitors, {"consentexhibitors", "exhibitorconsent", "consentexhibitor"}},
        {RosterField::ConsentNetworking, {"consentnetworking", "networkingconsent"}},
        {RosterField::Status, {"status", "attendeestatus"}},
    };
    return aliases;
}

const std::vector<FieldAliases>& aliasesOf(RosterPreset preset) {
    switch (preset) {
    case RosterPreset::Pretix:
        return pretixAliases();
    case RosterPreset::Eventbrite:
        return eventbriteAliases();
    case RosterPreset::HiEvents:
        return hiEventsAliases();
    case RosterPreset::Auto:
    case RosterPreset::Generic:
        break;
    }
    return genericAliases();
}

constexpr std::array<std::string_view, kRosterFieldCount> kFieldNames{
    "badge_code",
    "other_codes",
    "first_name",
    "last_name",
    "name",
    "company",
    "title",
    "email",
    "phone",
    "country",
    "ticket_type",
    "role",
    "exhibitor",
    "consent_exhibitors",
    "consent_networking",
    "status",
};

std::string joinHeaders(const std::vector<std::string>& headers) {
    std::string joined;
    for (const auto& header : headers) {
        if (!joined.empty())
            joined += ", ";
        joined += '"' + header + '"';
    }
    return joined.empty() ? "none" : joined;
}

std::optional<std::size_t> findColumn(const std::vector<std::string>& normalized, std::string_view wanted) {
    auto it = std::find(normalized.begin(), normalized.end(), wanted);
    if (it == normalized.end())
        return std::nullopt;
    return static_cast<std::size_t>(it - normalized.begin());
}

} // namespace

std::optional<RosterPreset> presetFromName(std::string_view name) {
    if (name == "auto")
        return RosterPreset::Auto;
    if (name == "pretix")
        return RosterPreset::Pretix;
    if (name == "eventbrite")
        return RosterPreset::Eventbrite;
    if (name == "hievents")
        return RosterPreset::HiEvents;
    if (name == "generic")
        return RosterPreset::Generic;
    return std::nullopt;
}

std::string_view presetName(RosterPreset preset) {
    switch (preset) {
    case RosterPreset::Auto:
        return "auto";
    case RosterPreset::Pretix:
        return "pretix";
    case RosterPreset::Eventbrite:
        return "eventbrite";
    case RosterPreset::HiEvents:
        return "hievents";
    case RosterPreset::Generic:
        break;
    }
    return "generic";
}

std::optional<RosterField> fieldFromName(std::string_view name) {
    for (std::size_t i = 0; i + 1 < kFieldNames.size(); ++i) // the last one, status, is not mappable
        if (kFieldNames[i] == name)
            return static_cast<RosterField>(i);
    return std::nullopt;
}

std::string_view fieldName(RosterField field) {
    return kFieldNames[static_cast<std::size_t>(field)];
}

const std::vector<std::string_view>& mappableFieldNames() {
    static const std::vector<std::string_view> names(kFieldNames.begin(), kFieldNames.end() - 1);
    return names;
}

std::string normalizeHeader(std::string_view header) {
    std::string normalized;
    normalized.reserve(header.size());
    for (char c : header) {
        if (c == ' ' || c == '\t' || c == '_' || c == '-' || c == '\r' || c == '\n')
            continue;
        normalized += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return normalized;
}

RosterPreset detectPreset(const std::vector<std::string>& headers) {
    std::vector<std::string> normalized;
    normalized.reserve(headers.size());
    for (const auto& header : headers)
        normalized.push_back(normalizeHeader(header));
    auto has = [&](std::string_view name) { return findColumn(normalized, name).has_value(); };
    if (has("ticketsecret") && (has("ordercode") || has("positionid")))
        return RosterPreset::Pretix;
    if (has("barcode#"))
        return RosterPreset::Eventbrite;
    if (has("publicid"))
        return RosterPreset::HiEvents;
    return RosterPreset::Generic;
}

Expected<RosterLayout> buildLayout(RosterPreset preset, const std::vector<std::string>& headers,
                                   const std::vector<std::pair<std::string, std::string>>& overrides) {
    RosterLayout layout;
    layout.preset = preset == RosterPreset::Auto ? detectPreset(headers) : preset;

    std::vector<std::string> normalized;
    normalized.reserve(headers.size());
    for (const auto& header : headers)
        normalized.push_back(normalizeHeader(header));

    for (const FieldAliases& aliases : aliasesOf(layout.preset)) {
        auto& columns = layout.columns[static_cast<std::size_t>(aliases.field)];
        for (std::string_view alias : aliases.headers)
            if (auto column = findColumn(normalized, alias);
                column && std::find(columns.begin(), columns.end(), *column) == columns.end())
                columns.push_back(*column);
    }

    bool mappedName = false, mappedFirstOrLast = false;
    for (const auto& [fieldText, columnText] : overrides) {
        auto field = fieldFromName(fieldText);
        if (!field)
            return Error::badInput(fmt::format("--map: unknown field \"{}\"; fields are: {}", fieldText,
                                               fmt::format("{}", fmt::join(mappableFieldNames(), ", "))));
        // An exact header first (headers may differ only in spacing), then the normalized form.
        auto exact = std::find(headers.begin(), headers.end(), columnText);
        std::optional<std::size_t> column;
        if (exact != headers.end())
            column = static_cast<std::size_t>(exact - headers.begin());
        else
            column = findColumn(normalized, normalizeHeader(columnText));
        if (!column)
            return Error::badInput(fmt::format("--map {}={}: no column \"{}\" in the file; columns found: {}",
                                               fieldText, columnText, columnText, joinHeaders(headers)));
        layout.columns[static_cast<std::size_t>(*field)] = {*column};
        mappedName = mappedName || *field == RosterField::Name;
        mappedFirstOrLast =
            mappedFirstOrLast || *field == RosterField::FirstName || *field == RosterField::LastName;
    }
    // Mapping only a full name means "take the name from there", not from the preset's name parts.
    if (mappedName && !mappedFirstOrLast) {
        layout.columns[static_cast<std::size_t>(RosterField::FirstName)].clear();
        layout.columns[static_cast<std::size_t>(RosterField::LastName)].clear();
    }

    if (!layout.has(RosterField::BadgeCode)) {
        std::string looked;
        for (const FieldAliases& aliases : aliasesOf(layout.preset))
            if (aliases.field == RosterField::BadgeCode)
                looked = fmt::format("{}", fmt::join(aliases.headers, ", "));
        std::string hint =
            headers.size() == 1 ? " (only one column: is the file delimited by , ; or tab?)" : "";
        return Error::badInput(fmt::format(
            "no badge code column for preset {} (looked for: {}); columns found: {}{}; choose --preset or "
            "--map badge_code=COLUMN",
            presetName(layout.preset), looked, joinHeaders(headers), hint));
    }
    return layout;
}

void dropBuyerContact(RosterLayout& layout, const std::vector<std::string>& headers,
                      const std::vector<std::pair<std::string, std::string>>& overrides) {
    if (layout.preset != RosterPreset::Pretix)
        return;
    for (const auto& [field, buyerHeader] : {std::pair{RosterField::Email, "email"},
                                              std::pair{RosterField::Phone, "phonenumber"}}) {
        const std::string_view name = fieldName(field);
        if (std::any_of(overrides.begin(), overrides.end(), [&](const auto& map) { return map.first == name; }))
            continue; // the organiser chose this column
        auto& columns = layout.columns[static_cast<std::size_t>(field)];
        const std::string_view buyer = buyerHeader; // a lambda may not capture a structured binding (clang 14)
        std::erase_if(columns, [&](std::size_t column) { return normalizeHeader(headers[column]) == buyer; });
    }
}

} // namespace meetscan::core
