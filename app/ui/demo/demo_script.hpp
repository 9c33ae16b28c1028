#pragma once
// The headless demo's tour: Meet pairs, refusals, the admin panel, Booth leads, a summary.
#include "core/demo/demo_event.hpp"
#include "core/domain/exhibitor.hpp"

#include <string>

namespace meetscan::ui {

// JSON lines for runner/script.hpp. `exhibitor` is the one the Booth part works for.
std::string buildDemoScript(const core::DemoEvent& demo, const core::Exhibitor& exhibitor);

} // namespace meetscan::ui
