// `meetscan admin set-pin`: the admin panel's PIN, stored only as a libsodium password hash.
#include "cli/commands.hpp"

#include "core/session/admin_lock.hpp"

#include <fmt/core.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>

namespace meetscan::cli {

namespace {

std::string trimLine(std::string line) {
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n' || line.back() == ' ' || line.back() == '\t'))
        line.pop_back();
    const auto start = line.find_first_not_of(" \t");
    return start == std::string::npos ? std::string{} : line.substr(start);
}

// Reads one line from the terminal without echoing it.
std::string promptHidden(const char* prompt) {
    fmt::print(stderr, "{}", prompt);
    std::fflush(stderr);
    termios saved{};
    const bool haveTerminal = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (haveTerminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (haveTerminal) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        fmt::print(stderr, "\n");
    }
    return trimLine(line);
}

std::string readPin() {
    if (isatty(STDIN_FILENO) == 0) {
        std::string line;
        if (!std::getline(std::cin, line))
            throw CliError::badInput("no PIN on standard input (echo PIN | meetscan admin set-pin)");
        return trimLine(line);
    }
    std::string pin = promptHidden("New admin PIN: ");
    validateAdminPin(pin);
    if (promptHidden("Repeat the PIN: ") != pin)
        throw CliError::badInput("the two PINs differ; nothing was changed");
    return pin;
}

} // namespace

void validateAdminPin(const std::string& pin) {
    if (auto problem = core::adminPinProblem(pin))
        throw CliError::badInput(*problem);
}

void storeAdminPin(core::Store& store, const std::string& pin) {
    orThrow(core::setAdminPin(store.events(), pin)); // a new PIN also ends a lock-out
}

void addAdminCommand(CLI::App& app, CliContext& context) {
    auto* admin = app.add_subcommand("admin", "The admin panel's PIN: admin set-pin");
    admin->require_subcommand(1);
    auto* setPin = admin->add_subcommand(
        "set-pin", "Set the admin panel's PIN (6 to 12 digits), read from standard input or asked for on a terminal; "
                   "only its password hash is stored. A running kiosk uses it at its next try; a new PIN also ends a "
                   "lock-out.");
    setPin->callback([&context] {
        const std::string pin = readPin();
        validateAdminPin(pin);
        auto& store = context.store();
        storeAdminPin(store, pin);
        fmt::print("admin PIN set (stored as a password hash) in {}\n", store.path().string());
    });
}

} // namespace meetscan::cli
