#include "cli/interrupt_scope.hpp"

namespace meetscan::cli {

namespace {

// A signal handler can reach nothing but a lock-free atomic of static storage: this is the one
// piece of process state the command line keeps, and only while a scope lives.
std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void onInterrupt(int signal) {
    g_interrupted = true;
    std::signal(signal, SIG_DFL); // a second one ends at once
}

} // namespace

InterruptScope::InterruptScope() {
    g_interrupted = false;
    m_previousInt = std::signal(SIGINT, onInterrupt);
    m_previousTerm = std::signal(SIGTERM, onInterrupt);
}

InterruptScope::~InterruptScope() {
    std::signal(SIGINT, m_previousInt);
    std::signal(SIGTERM, m_previousTerm);
}

const std::atomic<bool>& InterruptScope::flag() const { return g_interrupted; }

} // namespace meetscan::cli
