#include "cli/sigbus_guard.hpp"

#include <unistd.h>

namespace meetscan::cli {

namespace {

// Only async-signal-safe calls: write(2) and _exit(2).
extern "C" void onMappedFileLost(int /*signal*/) {
    static constexpr char kMessage[] =
        "meetscan: error: the file being imported changed or became unreadable while it was read; "
        "nothing was imported\n";
    [[maybe_unused]] const auto written = ::write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
    ::_exit(1);
}

} // namespace

SigbusGuard::SigbusGuard() {
    struct sigaction action {};
    action.sa_handler = onMappedFileLost;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGBUS, &action, &m_previous);
}

SigbusGuard::~SigbusGuard() {
    ::sigaction(SIGBUS, &m_previous, nullptr);
}

} // namespace meetscan::cli
