#pragma once
// GStreamer's process-wide set-up, done once by whichever source needs it first.
#include "meetscan/scanner/expected.hpp"

#include <string>

namespace meetscan::scanner {

void ensureGstInitialised();

// Parses a gst-launch description without playing it: a syntax error or an unknown element is
// the user's to fix (Error::badInput), found before any thread starts.
Status checkPipelineDescription(const std::string& description);

} // namespace meetscan::scanner
