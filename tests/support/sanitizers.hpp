#pragma once
// Whether this test binary was built with a sanitizer. A bound that states a product promise in
// wall time (a badge decoded within 100 ms of its frame) is a promise about the shipped build;
// under ThreadSanitizer the decoder runs 10-20 times slower, so such bounds are stretched by
// kSlowdown there and nowhere else. Counts and outcomes are never scaled.
#include <chrono>
#include <optional>

#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define MEETSCAN_TEST_TSAN 1
#endif
#if __has_feature(address_sanitizer)
#define MEETSCAN_TEST_ASAN 1
#endif
#endif
#if defined(__SANITIZE_THREAD__)
#define MEETSCAN_TEST_TSAN 1
#endif
#if defined(__SANITIZE_ADDRESS__)
#define MEETSCAN_TEST_ASAN 1
#endif

#if defined(MEETSCAN_TEST_ASAN)
#include <sanitizer/allocator_interface.h>
#endif

namespace meetscan::test {

#if defined(MEETSCAN_TEST_TSAN)
inline constexpr int kSlowdown = 20;
#elif defined(MEETSCAN_TEST_ASAN)
inline constexpr int kSlowdown = 4;
#else
inline constexpr int kSlowdown = 1;
#endif

// Memory the process holds, in kB, for tests that check it does not grow: VmRSS, except under
// AddressSanitizer, whose quarantine keeps freed blocks resident on purpose (to catch a use
// after free), so RSS only climbs; there it is the heap its allocator holds live, which is
// what a leak or an unbounded cache would grow. nullopt: use VmRSS.
inline std::optional<long> liveHeapKb() {
#if defined(MEETSCAN_TEST_ASAN)
    return static_cast<long>(__sanitizer_get_current_allocated_bytes() / 1024);
#else
    return std::nullopt;
#endif
}

// `bound` as it applies to this build.
template <class Rep, class Period>
constexpr std::chrono::duration<Rep, Period> scaledForSanitizers(std::chrono::duration<Rep, Period> bound) {
    return bound * kSlowdown;
}

} // namespace meetscan::test
