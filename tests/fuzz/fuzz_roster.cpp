// Roster CSV import, every preset: the first byte picks the preset and whether bad rows are
// skipped, the rest is the export. The one-pass reading (parseRoster) and the two-pass import
// (scanRoster, then readRosterRows in id order) must agree on every input.
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
    if (parsed.ok() != scanned.ok())
        std::abort();
    if (!parsed.ok()) {
        if (parsed.error().message != scanned.error().message)
            std::abort();
        return 0;
    }
    if (parsed->attendees.size() != scanned->rows || seen != scanned->rows ||
        scanned->places.size() != scanned->rows)
        std::abort();

    auto places = scanned->places;
    sortByAttendeeId(places);
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
