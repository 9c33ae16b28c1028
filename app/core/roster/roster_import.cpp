#include "core/roster/roster_import.hpp"

#include "core/roster/roster_pass.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <fmt/core.h>
#include <functional>
#include <iterator>
#include <stdexcept>

namespace meetscan::core {

using detail::csvProblem;
using detail::lineBreaks;
using detail::openRoster;
using detail::RowConverter;
using detail::scanRows;

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

} // namespace

namespace detail {

std::optional<RowProblem> RowConverter::convert(const CsvRecord& record, Attendee& attendee) {
    RowReader row(record, m_layout, m_headers);
    attendee.otherCodes.clear(); // the attendee is reused from the previous row
    std::optional<RowProblem> problem;

    // `copy`: whether the value is wanted, or only checked (a check-only pass keeps the codes).
    auto take = [&](RosterField field, std::string& into, std::size_t limit = kMaxFieldBytes,
                    bool copy = true) {
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
        // A NUL or other control character would come out raw in CSV and vCard, or cut a name
        // short in XLSX and PDF: refused here, where the file can still be fixed. Further codes
        // alone may be split by line breaks and tabs (splitCodes).
        const bool codeList = field == RosterField::OtherCodes;
        const auto refused = [codeList](char c) { return isControlByte(c) && !(codeList && isSpace(c)); };
        if (const auto control = std::find_if(value.text.begin(), value.text.end(), refused);
            control != value.text.end()) {
            problem = RowProblem{row.lineOf(value.column), value.column,
                                 fmt::format("{} holds a control character (byte 0x{:02X}) (column \"{}\")",
                                             fieldName(field), static_cast<unsigned char>(*control),
                                             row.header(value.column))};
            return;
        }
        if (copy)
            into.assign(value.text);
    };

    auto badge = row.get(RosterField::BadgeCode);
    if (badge.text.empty())
        return RowProblem{row.lineOf(badge.column), badge.column,
                          fmt::format("missing badge code (column \"{}\")", row.header(badge.column))};
    const bool copy = m_copyFields;
    take(RosterField::BadgeCode, attendee.badgeCode, kMaxCodeBytes);
    take(RosterField::OtherCodes, m_otherCodes, kMaxCodeBytes, false); // split from the field below
    take(RosterField::FirstName, attendee.firstName, kMaxFieldBytes, copy);
    take(RosterField::LastName, attendee.lastName, kMaxFieldBytes, copy);
    take(RosterField::Name, m_fullName, kMaxFieldBytes, copy);
    take(RosterField::Company, attendee.company, kMaxFieldBytes, copy);
    take(RosterField::Title, attendee.title, kMaxFieldBytes, copy);
    take(RosterField::Email, attendee.email, kMaxFieldBytes, copy);
    take(RosterField::Phone, attendee.phone, kMaxFieldBytes, copy);
    take(RosterField::Country, attendee.country, kMaxFieldBytes, copy);
    take(RosterField::TicketType, attendee.ticketType, kMaxFieldBytes, copy);
    take(RosterField::Role, attendee.role, kMaxFieldBytes, copy);
    take(RosterField::Exhibitor, attendee.exhibitorId, kMaxFieldBytes, copy);
    if (problem)
        return problem;

    if (copy && attendee.firstName.empty() && attendee.lastName.empty() && !m_fullName.empty())
        splitName(m_fullName, attendee);
    if (copy || m_checkCodesAcrossRows) {
        m_codeViews.assign(1, badge.text);
        splitCodes(row.get(RosterField::OtherCodes).text, attendee, m_codeViews);
    }

    for (auto [field, flag] : {std::pair{RosterField::ConsentExhibitors, &attendee.consentExhibitors},
                               std::pair{RosterField::ConsentNetworking, &attendee.consentNetworking}}) {
        auto value = row.get(field);
        auto consent = parseConsent(value.text, m_consentFallback);
        if (!consent)
            return RowProblem{
                row.lineOf(value.column), value.column,
                fmt::format("\"{}\" is not a consent value for {} (use yes or no, or leave it "
                            "empty for {})",
                            value.text, fieldName(field), m_consentFallback ? "yes" : "no")};
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

std::string_view RowConverter::stableView(std::string_view code) {
    const std::less<const char*> before;
    if (!before(code.data(), m_content.data()) &&
        !before(m_content.data() + m_content.size(), code.data() + code.size()))
        return code;
    return m_ownedCodes.emplace_back(code);
}

void RowConverter::splitName(const std::string& fullName, Attendee& attendee) {
    auto space = fullName.find_last_of(" \t");
    if (space == std::string::npos) {
        attendee.firstName = fullName;
        return;
    }
    attendee.firstName = trimBlanks(std::string_view(fullName).substr(0, space));
    attendee.lastName = fullName.substr(space + 1);
}

void RowConverter::splitCodes(std::string_view text, Attendee& attendee, std::vector<std::string_view>& views) {
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

} // namespace detail

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

bool isControlByte(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7F;
}

bool isCancelledStatus(std::string_view status) {
    const std::string value = lower(trimBlanks(status));
    if (value.find("cancel") != std::string::npos || value.find("refund") != std::string::npos)
        return true;
    return value == "deleted" || value == "transferred" || value == "expired" || value == "not attending";
}

namespace detail {

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
    if (!options.buyerContact)
        dropBuyerContact(*layout, headers, options.overrides);
    return OpenedRoster{std::move(reader), std::move(headers), std::move(layout).value()};
}

std::optional<Error> scanRows(const OpenedRoster& opened, CsvReader& reader, const std::string& file,
                              const RosterImportOptions& options, RowConverter& converter, const RosterRowSink* row,
                              RosterScanResult& result, std::size_t until) {
    const RosterLayout& layout = opened.layout;
    result.preset = layout.preset;
    result.delimiter = reader.delimiter();

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
        if (place.offset >= until)
            break;
        const CsvStatus status = reader.next(record);
        if (status == CsvStatus::End)
            break;
        if (status == CsvStatus::Error) {
            if (reader.error().fatal)
                return Error::badInput(csvProblem(file, reader.error()).message());
            if (auto stop = reject(csvProblem(file, reader.error())))
                return stop;
            continue;
        }
        if (layout.has(RosterField::Status)) {
            RowReader statusRow(record, layout, opened.headers);
            if (isCancelledStatus(statusRow.get(RosterField::Status).text)) {
                ++result.cancelled;
                continue;
            }
        }
        if (auto problem = converter.convert(record, attendee)) {
            if (auto stop = reject(RosterProblem{file, problem->line, problem->column, std::move(problem->reason)}))
                return stop;
            continue;
        }
        if (row != nullptr) {
            if (auto written = (*row)(attendee); !written)
                return written.error();
        }
        RosterRowPlace& kept = result.places.emplace_back(RosterRowPlace{place.offset, place.line, {}});
        std::copy_n(attendee.id.begin(), std::min(attendee.id.size(), kept.id.size()), kept.id.begin());
        ++result.rows;
    }
    return std::nullopt;
}

std::size_t lineBreaks(std::string_view content) {
    return static_cast<std::size_t>(std::count(content.begin(), content.end(), '\n'));
}

} // namespace detail

namespace {

// Eight bytes of an id as one number that orders as the bytes do (unsigned, first byte highest).
std::uint64_t idWord(const RosterRowPlace& place, std::size_t at) {
    std::uint64_t word = 0;
    std::memcpy(&word, place.id.data() + at, sizeof word);
    if constexpr (std::endian::native == std::endian::little)
        word = __builtin_bswap64(word);
    return word;
}

// Bytes compared unsigned, as SQLite's BINARY collation compares text; a repeated id keeps file
// order. Two 8-byte words and a last byte instead of a memcmp: 100,000 ids take 1.7 million compares.
static_assert(kAttendeeIdBytes == 17);
bool idBefore(const RosterRowPlace& a, const RosterRowPlace& b) {
    for (std::size_t at : {std::size_t{0}, std::size_t{8}}) {
        const std::uint64_t left = idWord(a, at), right = idWord(b, at);
        if (left != right)
            return left < right;
    }
    const auto lastA = static_cast<unsigned char>(a.id[16]), lastB = static_cast<unsigned char>(b.id[16]);
    return lastA < lastB || (lastA == lastB && a.offset < b.offset);
}

} // namespace

Expected<RosterScanResult> scanRoster(std::string_view content, const std::string& file,
                                      const RosterImportOptions& options, const RosterRowSink& row) {
    auto opened = openRoster(content, file, options);
    if (!opened)
        return opened.error();
    RowConverter converter(opened->layout, opened->headers, content, options.consentDefault.value_or(true));
    // Records are at most the line breaks + 1: the code table never rehashes.
    converter.reserve(lineBreaks(content) + 1);
    RosterScanResult result;
    if (auto stop = scanRows(*opened, opened->reader, file, options, converter, &row, result))
        return *stop;
    return result;
}

void sortByAttendeeId(std::vector<RosterRowPlace>& places) {
    std::sort(places.begin(), places.end(), idBefore);
}

Expected<std::size_t> readRosterRows(std::string_view content, const std::string& file,
                                     const RosterImportOptions& options, const std::vector<RosterRowPlace>& places,
                                     const RosterRowSink& row) {
    auto opened = openRoster(content, file, options);
    if (!opened)
        return opened.error();
    CsvReader& reader = opened->reader;
    reader.trustUtf8(); // the first pass has read these very records
    RowConverter converter(opened->layout, opened->headers, content, options.consentDefault.value_or(true));
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
