#pragma once
// The event's logo on summary.pdf: a PNG file named by the event setting `logo`. It is checked
// when the setting is made (a missing or bad file is refused then) and read again at export
// time, where a file that has gone or gone bad costs the logo, not the export.
//
// Errors: readEventLogo returns BadInput for a file that is not a usable PNG, World when it
// cannot be read.
#include "core/domain/event.hpp"
#include "meetscan/scanner/expected.hpp"

#include <filesystem>
#include <memory>
#include <string>

// cairo's own declaration, so that users of this header (the command line) need no cairo headers.
typedef struct _cairo cairo_t; // NOLINT(modernize-use-using)

namespace meetscan::core {

struct EventLogo {
    std::string png; // the file's bytes; every PDF decodes its own copy (cairo surfaces are not
                     // shared between the export's threads)
    int width = 0;
    int height = 0;
};

[[nodiscard]] Expected<std::shared_ptr<const EventLogo>> readEventLogo(const std::filesystem::path& path);

// The event setting `logo`: null when it is not set.
[[nodiscard]] Expected<std::shared_ptr<const EventLogo>> eventLogo(const EventSettings& settings);

// Draws the logo scaled into maxWidth x maxHeight (never enlarged), its top-left corner at x, y;
// returns the height drawn (0 when the PNG does not decode).
double drawEventLogo(cairo_t* cr, const EventLogo& logo, double x, double y, double maxWidth, double maxHeight);

} // namespace meetscan::core
