#include "cli/confirmation.hpp"

#include "cli/cli_context.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <iostream>

#include <unistd.h>

namespace meetscan::cli {

namespace {

bool saysYes(std::string answer) {
    std::transform(answer.begin(), answer.end(), answer.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    answer.erase(0, answer.find_first_not_of(" \t\r"));
    answer.erase(answer.find_last_not_of(" \t\r") + 1);
    return answer == "y" || answer == "yes";
}

} // namespace

void confirmOrThrow(const std::string& question, bool yes, const std::string& command) {
    if (yes)
        return;
    if (!isatty(STDIN_FILENO) || !isatty(STDERR_FILENO))
        throw CliError::badInput(fmt::format("{} cannot be undone, and there is no terminal to ask on: add --yes to "
                                             "confirm",
                                             command));
    fmt::print(stderr, "{} [y/N] ", question);
    std::fflush(stderr);
    std::string answer;
    std::getline(std::cin, answer);
    if (!saysYes(answer))
        throw CliError::world(fmt::format("{} not confirmed: nothing changed", command));
}

} // namespace meetscan::cli
