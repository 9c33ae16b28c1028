#pragma once
// The first pass of an import: every row of a roster export checked as scanRoster checks it,
// keeping only where the good rows are, for readRosterRows to read them again in id order.
#include "core/roster/roster_import.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace meetscan::core {

// The same checks as scanRoster, for an import's first pass: nothing is handed over, only the
// good rows' places are kept, sorted by attendee id (sortByAttendeeId) for the second pass.
// Copies no field but the codes, finds repeated badge codes by sorting instead of in a table of
// every code, and reads an export of a megabyte or more in two halves on two threads (both unless
// the layout has further codes), with the same result, messages and first error as scanRoster.
// `halvesFromBytes` lets a fuzzer reach the two-halves reading with small inputs.
inline constexpr std::size_t kHalvedCheckBytes = 1 << 20;
[[nodiscard]] Expected<RosterScanResult> checkRoster(std::string_view content, const std::string& file,
                                                     const RosterImportOptions& options,
                                                     std::size_t halvesFromBytes = kHalvedCheckBytes);

} // namespace meetscan::core
