#include "core/roster/roster_check.hpp"

#include "core/roster/csv_reader.hpp"
#include "core/roster/roster_pass.hpp"

#include <algorithm>
#include <cstddef>
#include <exception>
#include <fmt/core.h>
#include <iterator>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace meetscan::core {

using detail::lineBreaks;
using detail::OpenedRoster;
using detail::openRoster;
using detail::RowConverter;
using detail::RowReader;
using detail::scanRows;

namespace {

// The record at `place` read again, for a message about it.
struct ReadAgain {
    CsvRecord record;
    RowReader::Value badge;
    std::size_t badgeLine = 0; // where the badge code is written
};

ReadAgain readAgain(OpenedRoster& opened, const RosterRowPlace& place) {
    ReadAgain again;
    opened.reader.seek({place.offset, place.line});
    if (opened.reader.next(again.record) == CsvStatus::Record) {
        const RowReader row(again.record, opened.layout, opened.headers);
        again.badge = row.get(RosterField::BadgeCode);
        again.badgeLine = row.lineOf(again.badge.column);
    }
    return again;
}

bool sameId(const RosterRowPlace& a, const RosterRowPlace& b) {
    return a.id == b.id;
}

// With `places` sorted by id (then file order), a row whose id is its predecessor's repeats the
// badge code of the first row of its run. The first repeat in file order is an error, even when
// the pass stopped at a bad row: every place was read before that row, so a pass that kept a
// table of codes would have stopped at the repeat first. When skipping bad rows, every repeat is
// left out and listed, in line order among the other problems.
std::optional<Error> findRepeatedCodes(OpenedRoster& opened, const std::string& file,
                                       const RosterImportOptions& options, RosterScanResult& result) {
    auto& places = result.places;
    std::vector<std::pair<std::size_t, std::size_t>> repeats; // (index of the repeat, of the first)
    for (std::size_t i = 1, first = 0; i < places.size(); ++i) {
        if (!sameId(places[i], places[first]))
            first = i;
        else
            repeats.emplace_back(i, first);
    }
    if (repeats.empty())
        return std::nullopt;
    auto problemOf = [&](const std::pair<std::size_t, std::size_t>& repeat) {
        ReadAgain again = readAgain(opened, places[repeat.first]);
        const std::size_t firstLine = readAgain(opened, places[repeat.second]).record.line;
        return RosterProblem{file, again.badgeLine, again.badge.column,
                             fmt::format("badge code \"{}\" is already used on line {}", again.badge.text, firstLine)};
    };
    if (!options.skipBadRows) {
        const auto earliest = std::min_element(repeats.begin(), repeats.end(), [&](const auto& a, const auto& b) {
            return places[a.first].offset < places[b.first].offset;
        });
        return Error::badInput(problemOf(*earliest).message());
    }
    std::vector<RosterProblem> found;
    found.reserve(repeats.size());
    std::vector<bool> drop(places.size(), false);
    for (const auto& repeat : repeats) {
        found.push_back(problemOf(repeat));
        drop[repeat.first] = true;
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < places.size(); ++i)
        if (!drop[i])
            places[kept++] = places[i];
    places.resize(kept);
    result.rows = kept;
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.line < b.line; });
    std::vector<RosterProblem> merged;
    merged.reserve(result.skipped.size() + found.size());
    std::merge(std::make_move_iterator(result.skipped.begin()), std::make_move_iterator(result.skipped.end()),
               std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()),
               std::back_inserter(merged), [](const auto& a, const auto& b) { return a.line < b.line; });
    result.skipped = std::move(merged);
    return std::nullopt;
}

// A large export is checked in two halves at once, the second on a thread of its own, when the
// rows carry no further codes (those are checked across rows in one table, in file order). The
// second half starts after the line break nearest the middle, counting lines from there; it
// counts only if the first half ends exactly there (the break was not inside a quoted field) and
// neither half met a problem that stops the pass. Otherwise the first half reads on alone, so the
// result, its messages and its first error are those of one pass. Returns whether the whole
// export has been read (into `result`, `stop` saying why it stopped early); false: nothing of the
// second half was kept, and the caller reads on from where the first half stopped.
bool checkInHalves(OpenedRoster& opened, std::string_view content, const std::string& file,
                   const RosterImportOptions& options, RowConverter& converter, RosterScanResult& result,
                   std::optional<Error>& stop) {
    const std::string_view text = opened.reader.hadBom() ? content.substr(3) : content; // the reader's offsets
    const std::size_t lineBreak = text.find('\n', text.size() / 2);
    if (lineBreak == std::string_view::npos || lineBreak + 1 >= text.size())
        return false;
    const std::size_t middle = lineBreak + 1;

    CsvReader secondReader(content, opened.reader.delimiter());
    secondReader.expectFields(opened.headers.size());
    secondReader.seek({middle, 1});
    RowConverter secondConverter(opened.layout, opened.headers, content, options.consentDefault.value_or(true));
    secondConverter.checkOnly();
    RosterScanResult second;
    second.places.reserve(result.places.capacity() / 2 + 1);
    std::optional<Error> secondStop;
    {
        std::jthread worker([&] {
            try {
                secondStop = scanRows(opened, secondReader, file, options, secondConverter, nullptr, second);
            } catch (const std::exception& e) {
                secondStop = Error::world(e.what());
            }
        });
        stop = scanRows(opened, opened.reader, file, options, converter, nullptr, result, middle);
    }
    if (stop || opened.reader.place().offset != middle || secondStop)
        return stop.has_value(); // a stop in the first half ends the pass; else read on alone

    const std::size_t linesBefore = opened.reader.place().line - 1;
    for (RosterRowPlace& place : second.places)
        place.line += linesBefore;
    for (RosterProblem& problem : second.skipped)
        problem.line += linesBefore;
    result.places.insert(result.places.end(), second.places.begin(), second.places.end());
    result.skipped.insert(result.skipped.end(), std::make_move_iterator(second.skipped.begin()),
                          std::make_move_iterator(second.skipped.end()));
    result.rows += second.rows;
    result.cancelled += second.cancelled;
    return true;
}

} // namespace

Expected<RosterScanResult> checkRoster(std::string_view content, const std::string& file,
                                       const RosterImportOptions& options, std::size_t halvesFromBytes) {
    auto opened = openRoster(content, file, options);
    if (!opened)
        return opened.error();
    RowConverter converter(opened->layout, opened->headers, content, options.consentDefault.value_or(true));
    converter.checkOnly();
    const std::size_t records = lineBreaks(content) + 1;
    converter.reserve(records);
    RosterScanResult result;
    result.places.reserve(records);
    std::optional<Error> stop;
    if (converter.checksCodesAcrossRows() || content.size() < halvesFromBytes ||
        !checkInHalves(*opened, content, file, options, converter, result, stop))
        stop = scanRows(*opened, opened->reader, file, options, converter, nullptr, result);
    sortByAttendeeId(result.places);
    if (!converter.checksCodesAcrossRows()) {
        if (auto repeated = findRepeatedCodes(*opened, file, options, result))
            return *repeated;
    }
    if (stop)
        return *stop;
    return result;
}

} // namespace meetscan::core
