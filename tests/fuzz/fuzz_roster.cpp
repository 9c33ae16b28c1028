// Roster CSV import, every preset: the first byte picks the preset, whether bad rows are skipped
// and whether the import's check pass reads in two halves, the rest is the export. The one-pass
// reading (parseRoster), scanRoster and the import's passes (checkRoster, then readRosterRows in
// id order) must agree on every input.
#include "core/roster/roster_check.hpp"
#include "core/roster/roster_import.hpp"
#include "fuzz_key.hpp"

#include <array>
#include <cstdint>
#include <cstdlib>

namespace {

constexpr std::array kPresets = {meetscan::core::RosterPreset::Auto, meetscan::core::RosterPreset::Pretix,
                                 meetscan::core::RosterPreset::Eventbrite, meetscan::core::RosterPreset::HiEvents,
                                 meetscan::core::RosterPreset::Generic};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace meetscan::core;
    if (size == 0)
        return 0;
    RosterImportOptions options;
    options.preset = kPresets[data[0] % kPresets.size()];
    options.skipBadRows = (data[0] & 0x80) != 0;
    const std::string_view content = meetscan::fuzz::asText(data + 1, size - 1);

    const auto parsed = parseRoster(content, "roster.csv", options);
    std::size_t seen = 0;
    const auto scanned = scanRoster(content, "roster.csv", options, [&](const Attendee&) -> meetscan::Status {
        ++seen;
        return meetscan::Done{};
    });
    const auto checked = checkRoster(content, "roster.csv", options, (data[0] & 0x40) != 0 ? 0 : kHalvedCheckBytes);
    if (parsed.ok() != scanned.ok() || checked.ok() != scanned.ok())
        std::abort();
    if (!parsed.ok()) {
        if (parsed.error().message != scanned.error().message || checked.error().message != scanned.error().message)
            std::abort();
        return 0;
    }
    if (checked->rows != scanned->rows || checked->cancelled != scanned->cancelled ||
        checked->skipped.size() != scanned->skipped.size() || checked->preset != scanned->preset)
        std::abort();
    for (std::size_t i = 0; i < scanned->skipped.size(); ++i)
        if (checked->skipped[i].message() != scanned->skipped[i].message())
            std::abort();
    if (parsed->attendees.size() != scanned->rows || seen != scanned->rows ||
        scanned->places.size() != scanned->rows)
        std::abort();

    auto places = scanned->places;
    sortByAttendeeId(places);
    for (std::size_t i = 0; i < places.size(); ++i)
        if (checked->places[i].offset != places[i].offset || checked->places[i].line != places[i].line ||
            checked->places[i].id != places[i].id)
            std::abort();
    std::size_t again = 0;
    const auto reread = readRosterRows(content, "roster.csv", options, places,
                                       [&](const Attendee&) -> meetscan::Status {
                                           ++again;
                                           return meetscan::Done{};
                                       });
    if (!reread.ok() || *reread != scanned->rows || again != scanned->rows)
        std::abort();
    return 0;
}
