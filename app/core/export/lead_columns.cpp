#include "core/export/lead_columns.hpp"

#include <fmt/format.h>

#include <functional>

namespace meetscan::core {

namespace {

using Cell = std::function<std::string(const LeadRow&)>;
using Moment = std::function<TimeMs(const LeadRow&)>;

// A text column, or a time column (`moment` set).
struct Column {
    Column(std::string name, Cell text) : header(std::move(name)), cell(std::move(text)) {}
    Column(std::string name, Moment at) : header(std::move(name)), moment(std::move(at)) {}

    std::string header;
    Cell cell;
    Moment moment;
};

std::string capitalised(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

std::string joinedTags(const LeadRow& row) { return fmt::format("{}", fmt::join(row.lead.tags, "; ")); }
TimeMs firstScan(const LeadRow& row) { return row.lead.firstScanAt; }
TimeMs lastScan(const LeadRow& row) { return row.lead.lastScanAt; }
std::string firstName(const LeadRow& row) { return row.attendee.firstName; }
std::string lastName(const LeadRow& row) { return row.attendee.lastName; }
std::string company(const LeadRow& row) { return row.attendee.company; }
std::string title(const LeadRow& row) { return row.attendee.title; }
std::string email(const LeadRow& row) { return row.attendee.email; }
std::string phone(const LeadRow& row) { return row.attendee.phone; }
std::string country(const LeadRow& row) { return row.attendee.country; }
std::string note(const LeadRow& row) { return row.lead.note; }
std::string staff(const LeadRow& row) { return row.staffName; }
std::string station(const LeadRow& row) { return row.stationName; }

void addQuestions(std::vector<Column>& columns, const Exhibitor& exhibitor) {
    for (const auto& question : exhibitor.questions)
        columns.emplace_back(question.text, Cell([id = question.id](const LeadRow& row) {
                                 const auto answer = row.lead.answers.find(id);
                                 return answer != row.lead.answers.end() ? answer->second : std::string();
                             }));
}

std::vector<Column> plainColumns(const Exhibitor& exhibitor) {
    std::vector<Column> columns{{"First scan", firstScan}, {"Last scan", lastScan},   {"First name", firstName},
                                {"Last name", lastName},   {"Company", company},      {"Title", title},
                                {"E-mail", email},         {"Phone", phone},          {"Country", country},
                                {"Rating", [](const LeadRow& row) { return row.lead.rating; }},
                                {"Tags", joinedTags}};
    addQuestions(columns, exhibitor);
    columns.push_back({"Note", note});
    columns.push_back({"Staff member", staff});
    columns.push_back({"Station", station});
    return columns;
}

std::vector<Column> salesforceColumns(const Exhibitor& exhibitor) {
    std::vector<Column> columns{{"First Name", firstName},
                                {"Last Name", lastName},
                                {"Company", company},
                                {"Title", title},
                                {"Email", email},
                                {"Phone", phone},
                                {"Country", country},
                                {"Rating", [](const LeadRow& row) { return capitalised(row.lead.rating); }},
                                {"Lead Source", [](const LeadRow&) { return std::string("Trade Show"); }},
                                {"Description", note},
                                {"First Scan", firstScan},
                                {"Last Scan", lastScan},
                                {"Tags", joinedTags}};
    addQuestions(columns, exhibitor);
    columns.push_back({"Staff Member", staff});
    columns.push_back({"Station", station});
    return columns;
}

std::vector<Column> hubspotColumns(const Exhibitor& exhibitor) {
    std::vector<Column> columns{{"First Name", firstName},
                                {"Last Name", lastName},
                                {"Email", email},
                                {"Phone Number", phone},
                                {"Company Name", company},
                                {"Job Title", title},
                                {"Country/Region", country},
                                {"Rating", [](const LeadRow& row) { return capitalised(row.lead.rating); }},
                                {"Tags", joinedTags}};
    addQuestions(columns, exhibitor);
    columns.push_back({"Notes", note});
    columns.push_back({"First Scan", firstScan});
    columns.push_back({"Last Scan", lastScan});
    columns.push_back({"Staff Member", staff});
    columns.push_back({"Station", station});
    return columns;
}

} // namespace

std::optional<LeadPreset> parseLeadPreset(std::string_view text) {
    if (text == "plain")
        return LeadPreset::Plain;
    if (text == "salesforce")
        return LeadPreset::Salesforce;
    if (text == "hubspot")
        return LeadPreset::Hubspot;
    return std::nullopt;
}

LeadTable leadTable(const LeadList& list, LeadPreset preset, const TimeZone& zone) {
    const auto columns = preset == LeadPreset::Salesforce ? salesforceColumns(list.exhibitor)
                         : preset == LeadPreset::Hubspot  ? hubspotColumns(list.exhibitor)
                                                          : plainColumns(list.exhibitor);
    LeadTable table;
    table.zone = zone;
    for (const auto& column : columns)
        table.header.push_back(column.moment ? fmt::format("{} ({})", column.header, zone.label()) : column.header);
    table.rows.reserve(list.rows.size());
    for (const auto& row : list.rows) {
        std::vector<LeadCell> cells;
        cells.reserve(columns.size());
        for (const auto& column : columns) {
            if (column.moment) {
                const TimeMs at = column.moment(row);
                cells.push_back({formatLocal(at, zone, LocalFormat::MinuteWithOffset), at});
            } else {
                cells.push_back({column.cell(row), std::nullopt});
            }
        }
        table.rows.push_back(std::move(cells));
    }
    return table;
}

} // namespace meetscan::core
