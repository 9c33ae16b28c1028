#pragma once
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace meetscan::test {

// Parses `--json` listing output: one JSON object a line, blank lines ignored.
inline std::vector<nlohmann::json> jsonLines(const std::string& text) {
    std::vector<nlohmann::json> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty())
            lines.push_back(nlohmann::json::parse(line));
    return lines;
}

} // namespace meetscan::test
