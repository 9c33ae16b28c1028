#pragma once
// `meetscan badges`: which attendees get a badge, and what each badge says.
#include "core/export/badge_pdf.hpp"
#include "core/store/store.hpp"
#include "meetscan/scanner/expected.hpp"

#include <string>
#include <vector>

namespace meetscan::core {

// The named attendees (id, badge code or e-mail) in the order given, else every attendee of the
// roster who was not erased. Consent does not matter here: it is the attendee's own badge.
// Sheets are on the event's paper (its `paper` setting: a4 or letter); the caller may set
// another. BadInput for an unknown or erased attendee, an empty roster, or no event signing key.
[[nodiscard]] Expected<BadgeDocument> collectBadges(Store& store, const std::vector<std::string>& attendees,
                                                    const BadgeSize& size, BadgeLayout layout);

} // namespace meetscan::core
