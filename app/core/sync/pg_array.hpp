#pragma once
#include <string>
#include <vector>

namespace meetscan::core {

// A text[] literal ({"a","b"}) for one parameter: a batch's ids travel as one array, not
// thousands of placeholders.
[[nodiscard]] std::string pgTextArray(const std::vector<std::string>& values);

} // namespace meetscan::core
