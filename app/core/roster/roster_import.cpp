#include "core/roster/roster_import.hpp"

#include "core/roster/csv_reader.hpp"

#include <algorithm>
#include <array>
#include <deque>
#include <fmt/core.h>
#include <functional>
#include <unordered_map>

namespace meetscan::core {

namespace {

std::string lower(std::string_view text) {
    std::string result(text);
    for (char& c : result)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return result;
}

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Reads one record's fields through the layout, checking lengths as it goes.
class RowReader {
public:
    RowReader(const CsvRecord& record, const RosterLayout& layout, const std::vector<std::string>& headers)
        : m_record(record), m_layout(layout), m_headers(headers) {}

    struct Value {
        std::string_view text;
        std::size_t column = 0; // 1-based; 0 when the export has no such column
    };

    // The first non-empty value among the field's columns.
    [[nodiscard]] Value get(RosterField field) const {
        const auto& columns = m_layout.of(field);
        for (std::size_t column : columns) {
            std::string_view text = trimBlanks(m_record.fields[column]);
            if (!text.empty())
                return {text, column + 1};
        }
        return {{}, columns.empty() ? 0 : columns.front() + 1};
    }

    [[nodiscard]] std::string header(std::size_t column) const {
        return column == 0 ? std::string{} : m_headers[column - 1];
    }
    [[nodiscard]] std::size_t lineOf(std::size_t column) const {
        return column == 0 ? m_record.line : m_record.fieldLines[column - 1];
    }

private:
    const CsvRecord& m_record;
    const RosterLayout& m_layout;
    const std::vector<std::string>& m_headers;
};

struct RowProblem {
    std::size_t line;
    std::size_t column;
    std::string reason;
};

class RowConverter {
public:
    RowConverter(const RosterLayout& layout, const std::vector<std::string>& headers,
                 std::string_view content)
        : m_layout(layout), m_headers(headers), m_content(content) {}

    // Fills `attendee` from the record, or says what is wrong with it.
    std::optional<RowProblem> convert(const CsvRecord& record, Attendee& attendee) {
        RowReader row(record, m_layout, m_headers);
        attendee.otherCodes.clear(); // the attendee is reused from the previous row
        std::optional<RowProblem> problem;

        auto take = [&](RosterField field, std::string& into, std::size_t limit = kMaxFieldBytes) {
            if (problem)
                return;
            auto value = row.get(field);
            if (value.text.size() > limit) {
                problem = RowProblem{
                    row.lineOf(value.column), value.column,
                    fmt::format("{} is {} bytes long, more than the {} allowed (column \"{}\")",
                                fieldName(field), value.text.size(), limit, row.header(value.column))};
                return;
            }
            into.assign(value.text);
        };

        auto badge = row.get(RosterField::BadgeCode);
        if (badge.text.empty())
            return RowProblem{row.lineOf(badge.column), badge.column,
                              fmt::format("missing badge code (column \"{}\")", row.header(badge.column))};
        take(RosterField::BadgeCode, attendee.badgeCode, kMaxCodeBytes);
        take(RosterField::OtherCodes, m_otherCodes, kMaxCodeBytes); // only checked; split from the field below
        take(RosterField::FirstName, attendee.firstName);
        take(RosterField::LastName, attendee.lastName);
        take(RosterField::Name, m_fullName);
        take(RosterField::Company, attendee.company);
        take(RosterField::Title, attendee.title);
        take(RosterField::Email, attendee.email);
        take(RosterField::Phone, attendee.phone);
        take(RosterField::Country, attendee.country);
        take(RosterField::TicketType, attendee.ticketType);
        take(RosterField::Role, attendee.role);
        take(RosterField::Exhibitor, attendee.exhibitorId);
        if (problem)
            return problem;

        if (attendee.firstName.empty() && attendee.lastName.empty() && !m_fullName.empty())
            splitName(m_fullName, attendee);
        m_codeViews.assign(1, badge.text);
        splitCodes(row.get(RosterField::OtherCodes).text, attendee, m_codeViews);

        for (auto [field, flag] : {std::pair{RosterField::ConsentExhibitors, &attendee.consentExhibitors},
                                   std::pair{RosterField::ConsentNetworking, &attendee.consentNetworking}}) {
            auto value = row.get(field);
            auto consent = parseConsent(value.text, true);
            if (!consent)
                return RowProblem{
                    row.lineOf(value.column), value.column,
                    fmt::format("\"{}\" is not a consent value for {} (use yes or no, or leave it "
                                "empty for yes)",
                                value.text, fieldName(field))};
            *flag = *consent;
        }

        // Codes must be unique across the file: a scan has to find exactly one person.
        for (std::size_t i = 0; m_checkCodesAcrossRows && i <= attendee.otherCodes.size(); ++i) {
            const std::string& code = i == 0 ? attendee.badgeCode : attendee.otherCodes[i - 1];
            if (auto seen = m_codeLines.find(code); seen != m_codeLines.end()) {
                auto column = i == 0 ? badge.column : row.get(RosterField::OtherCodes).column;
                return RowProblem{
                    row.lineOf(column), column,
                    fmt::format("badge code \"{}\" is already used on line {}", code, seen->second)};
            }
        }
        if (m_checkCodesAcrossRows)
            for (std::string_view code : m_codeViews)
                m_codeLines.emplace(stableView(code), record.line);
        if (m_deriveIds)
            attendee.id = attendeeIdForCode(attendee.badgeCode);
        return std::nullopt;
    }

    void reserve(std::size_t rows) { m_codeLines.reserve(rows); }
    // A second pass over rows already checked together need not build the code table again, nor
    // hash the codes into ids again: the first pass kept them with the rows' places.
    void skipCodesAcrossRows() {
        m_checkCodesAcrossRows = false;
        m_deriveIds = false;
    }

private:
    // A view of `code` that outlives the row: the file text itself when the code is written there
    // (nearly always), else a copy kept here (a quoted code with "" escapes lives in a scratch buffer).
    std::string_view stableView(std::string_view code) {
        const std::less<const char*> before;
        if (!before(code.data(), m_content.data()) &&
            !before(m_content.data() + m_content.size(), code.data() + code.size()))
            return code;
        return m_ownedCodes.emplace_back(code);
    }

    // A single name column: the last word is taken as the family name ("Ada Lovelace"); the
    // display name, first + " " + last, is the text as written either way.
    static void splitName(const std::string& fullName, Attendee& attendee) {
        auto space = fullName.find_last_of(" \t");
        if (space == std::string::npos) {
            attendee.firstName = fullName;
            return;
        }
        attendee.firstName = trimBlanks(std::string_view(fullName).substr(0, space));
        attendee.lastName = fullName.substr(space + 1);
    }

    // Further codes are separated by | or white space; the badge code itself and repeats are dropped.
    // `views` gets each kept code as a view of `text`.
    static void splitCodes(std::string_view text, Attendee& attendee, std::vector<std::string_view>& views) {
        std::size_t i = 0;
        while (i < text.size()) {
            while (i < text.size() && (text[i] == '|' || isSpace(text[i])))
                ++i;
            std::size_t begin = i;
            while (i < text.size() && text[i] != '|' && !isSpace(text[i]))
                ++i;
            if (i == begin)
                continue;
            std::string_view code = text.substr(begin, i - begin);
            if (std::find(views.begin(), views.end(), code) == views.end()) {
                attendee.otherCodes.emplace_back(code);
                views.push_back(code);
            }
        }
    }

    const RosterLayout& m_layout;
    const std::vector<std::string>& m_headers;
    std::string_view m_content;
    std::unordered_map<std::string_view, std::size_t> m_codeLines;
    bool m_checkCodesAcrossRows = true;
    bool m_deriveIds = true;
    std::deque<std::string> m_ownedCodes;
    std::vector<std::string_view> m_codeViews; // this row's codes, reused from row to row
    std::string m_otherCodes;                  // reused from row to row
    std::string m_fullName;                    // reused from row to row
};

} // namespace

std::string RosterProblem::message() const {
    return fmt::format("{}:{}:{}: {}", file, line, column, reason);
}

std::optional<bool> parseConsent(std::string_view text, bool fallback) {
    text = trimBlanks(text);
    if (text.empty())
        return fallback;
    const std::string value = lower(text);
    static constexpr std::array<std::string_view, 9> kYes{"yes", "y",  "true", "1", "x",
                                                          "on",  "ja", "oui",  "si"};
    static constexpr std::array<std::string_view, 7> kNo{"no", "n", "false", "0", "off", "nein", "non"};
    if (std::find(kYes.begin(), kYes.end(), value) != kYes.end())
        return true;
    if (std::find(kNo.begin(), kNo.end(), value) != kNo.end())
        return false;
    return std::nullopt;
}

bool isCancelledStatus(std::string_view status) {
    const std::string value = lower(trimBlanks(status));
    if (value.find("cancel") != std::string::npos || value.find("refund") != std::string::npos)
        return true;
    return value == "deleted" || value == "transferred" || value == "expired" || value == "not attending";
}

namespace {

// The reader positioned after the header row, and how the columns map to fields.
struct OpenedRoster {
    CsvReader reader;
    std::vector<std::string> headers;
    RosterLayout layout;
};

RosterProblem csvProblem(const std::string& file, const CsvError& error) {
    return RosterProblem{file, error.line, error.column, error.reason};
}

Expected<OpenedRoster> openRoster(std::string_view content, const std::string& file,
                                  const RosterImportOptions& options) {
    if (std::all_of(content.begin(), content.end(), isSpace) || content == "\xEF\xBB\xBF")
        return Error::badInput(fmt::format("{}: the file is empty", file));

    CsvReader reader(content);
    CsvRecord record;
    CsvStatus status = reader.next(record);
    if (status == CsvStatus::End)
        return Error::badInput(fmt::format("{}: the file is empty", file));
    if (status == CsvStatus::Error)
        return Error::badInput(csvProblem(file, reader.error()).message() + " (in the header row)");
    std::vector<std::string> headers;
    headers.reserve(record.size());
    for (std::string_view field : record.fields)
        headers.emplace_back(trimBlanks(field));

    auto layout = buildLayout(options.preset, headers, options.overrides);
    if (!layout)
        return Error::badInput(fmt::format("{}: {}", file, layout.error().message));
    return OpenedRoster{std::move(reader), std::move(headers), std::move(layout).value()};
}

} // namespace

Expected<RosterScanResult> scanRoster(std::string_view content, const std::string& file,
                                      const RosterImportOptions& options, const RosterRowSink& row) {
    auto opened = openRoster(content, file, options);
    if (!opened)
        return opened.error();
    CsvReader& reader = opened->reader;
    const RosterLayout& layout = opened->layout;

    RosterScanResult result;
    result.preset = layout.preset;
    result.delimiter = reader.delimiter();
    RowConverter converter(layout, opened->headers, content);
    // Records are at most the line breaks + 1: the code table never rehashes.
    converter.reserve(static_cast<std::size_t>(std::count(content.begin(), content.end(), '\n')) + 1);

    auto reject = [&](RosterProblem problem) -> std::optional<Error> {
        if (!options.skipBadRows)
            return Error::badInput(problem.message());
        result.skipped.push_back(std::move(problem));
        return std::nullopt;
    };

    CsvRecord record;
    Attendee attendee; // reused: its strings keep their capacity from row to row
    for (;;) {
        const CsvReader::Place place = reader.place();
        const CsvStatus status = reader.next(record);
        if (status == CsvStatus::End)
            break;
        if (status == CsvStatus::Error) {
            if (reader.error().fatal)
                return Error::badInput(csvProblem(file, reader.error()).message());
            if (auto error = reject(csvProblem(file, reader.error())))
                return *error;
            continue;
        }
        if (layout.has(RosterField::Status)) {
            RowReader statusRow(record, layout, opened->headers);
            if (isCancelledStatus(statusRow.get(RosterField::Status).text)) {
                ++result.cancelled;
                continue;
            }
        }
        if (auto problem = converter.convert(record, attendee)) {
            if (auto error =
                    reject(RosterProblem{file, problem->line, problem->column, std::move(problem->reason)}))
                return *error;
            continue;
        }
        if (auto written = row(attendee); !written)
            return written.error();
        RosterRowPlace& kept = result.places.emplace_back(RosterRowPlace{place.offset, place.line, {}});
        std::copy_n(attendee.id.begin(), std::min(attendee.id.size(), kept.id.size()), kept.id.begin());
        ++result.rows;
    }
    return result;
}

void sortByAttendeeId(std::vector<RosterRowPlace>& places) {
    std::sort(places.begin(), places.end(),
              [](const RosterRowPlace& a, const RosterRowPlace& b) {
                  // char_traits<char> compares as unsigned bytes, as SQLite's BINARY collation does
                  return std::string_view(a.id.data(), a.id.size()) < std::string_view(b.id.data(), b.id.size());
              });
}

Expected<std::size_t> readRosterRows(std::string_view content, const std::string& file,
                                     const RosterImportOptions& options, const std::vector<RosterRowPlace>& places,
                                     const RosterRowSink& row) {
    auto opened = openRoster(content, file, options);
    if (!opened)
        return opened.error();
    CsvReader& reader = opened->reader;
    RowConverter converter(opened->layout, opened->headers, content);
    converter.skipCodesAcrossRows(); // scanRoster has checked them, and the store's key holds them too
    CsvRecord record;
    Attendee attendee;
    for (const RosterRowPlace& place : places) {
        reader.seek({place.offset, place.line});
        const CsvStatus status = reader.next(record);
        if (status == CsvStatus::Error)
            return Error::badInput(csvProblem(file, reader.error()).message());
        if (status == CsvStatus::End)
            return Error::badInput(fmt::format("{}:{}: no row there", file, place.line));
        if (auto problem = converter.convert(record, attendee))
            return Error::badInput(RosterProblem{file, problem->line, problem->column, problem->reason}.message());
        attendee.id.assign(place.id.data(), place.id.size());
        if (auto written = row(attendee); !written)
            return written.error();
    }
    return places.size();
}

Expected<RosterParseResult> parseRoster(std::string_view content, const std::string& file,
                                        const RosterImportOptions& options) {
    RosterParseResult result;
    // Records are at most the line breaks + 1: the row vector never grows.
    result.attendees.reserve(static_cast<std::size_t>(std::count(content.begin(), content.end(), '\n')) + 1);
    auto scanned = scanRoster(content, file, options, [&](const Attendee& attendee) -> Status {
        result.attendees.push_back(attendee);
        return Done{};
    });
    if (!scanned)
        return scanned.error();
    result.preset = scanned->preset;
    result.delimiter = scanned->delimiter;
    result.cancelled = scanned->cancelled;
    result.skipped = std::move(scanned->skipped);
    return result;
}

} // namespace meetscan::core
