#pragma once
// Polls a condition until it holds or the timeout passes: tests of threaded code wait for an
// effect instead of sleeping a fixed time, so they are fast when the machine is and patient when not.
#include <chrono>
#include <thread>

namespace meetscan::test {

template <class Predicate> bool waitUntil(Predicate predicate, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (predicate())
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return predicate();
}

} // namespace meetscan::test
