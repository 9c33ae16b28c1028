#pragma once
// Lists of strings kept as JSON text in a column (tags, recipients, lead ids). A cell that is not
// a JSON array (a row from elsewhere, a hand edit) reads as empty, and items that are not strings
// are left out: readers never fail on what another database wrote.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace meetscan::core {

[[nodiscard]] inline std::vector<std::string> stringsFromJson(const std::string& text) {
    std::vector<std::string> strings;
    auto list = nlohmann::json::parse(text, nullptr, false);
    if (list.is_array())
        for (const auto& item : list)
            if (item.is_string())
                strings.push_back(item.get<std::string>());
    return strings;
}

} // namespace meetscan::core
