#include "ui/runner/script.hpp"

#include <nlohmann/json.hpp>

#include <fstream>

namespace meetscan::ui {

Expected<std::vector<ScriptStep>> loadScript(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in)
        return Error::badInput("cannot read script " + path.string());
    std::vector<ScriptStep> steps;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        auto where = [&] { return path.string() + ":" + std::to_string(number) + ": "; };
        nlohmann::json step = nlohmann::json::parse(line, nullptr, false);
        if (step.is_discarded() || !step.is_object() || step.size() != 1)
            return Error::badInput(where() + "expected one JSON object with one step");
        // items() hands out proxies that die with the statement: keep the key and a reference into step.
        const std::string key = step.begin().key();
        const nlohmann::json& value = step.begin().value();
        ScriptStep parsed;
        if (key == "scan" && value.is_string()) {
            parsed = {ScriptStep::Kind::Scan, value.get<std::string>(), 0};
        } else if (key == "tap" && value.is_string()) {
            parsed = {ScriptStep::Kind::Tap, value.get<std::string>(), 0};
        } else if (key == "type" && value.is_string()) {
            parsed = {ScriptStep::Kind::Type, value.get<std::string>(), 0};
        } else if (key == "key" && value.is_string() && value.get<std::string>() == "Enter") {
            parsed = {ScriptStep::Kind::Key, "Enter", 0};
        } else if (key == "wait_ms" && value.is_number_integer() && value.get<int>() >= 0) {
            parsed = {ScriptStep::Kind::WaitMs, {}, value.get<int>()};
        } else if (key == "screenshot" && value.is_string() && !value.get<std::string>().empty() &&
                   value.get<std::string>().find('/') == std::string::npos) {
            parsed = {ScriptStep::Kind::Screenshot, value.get<std::string>(), 0};
        } else if (key == "quit") {
            parsed = {ScriptStep::Kind::Quit, {}, 0};
        } else if (key == "close") {
            parsed = {ScriptStep::Kind::Close, {}, 0};
        } else {
            return Error::badInput(where() + "unknown step \"" + key + "\"");
        }
        steps.push_back(std::move(parsed));
    }
    return steps;
}

} // namespace meetscan::ui
