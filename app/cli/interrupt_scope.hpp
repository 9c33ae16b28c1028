#pragma once
// Ctrl-C (and SIGTERM) for a long command: while an InterruptScope lives, the signals set a flag
// the work polls between steps, and a second Ctrl-C ends the process at once. The handlers that
// were there before come back when it goes.
#include <atomic>
#include <csignal>

namespace meetscan::cli {

class InterruptScope {
public:
    InterruptScope();
    ~InterruptScope();
    InterruptScope(const InterruptScope&) = delete;
    InterruptScope& operator=(const InterruptScope&) = delete;

    // The flag to hand to core (its `stop` options).
    [[nodiscard]] const std::atomic<bool>& flag() const;

private:
    void (*m_previousInt)(int);
    void (*m_previousTerm)(int);
};

} // namespace meetscan::cli
