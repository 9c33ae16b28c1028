#include "core/session/admin_lock.hpp"

#include "core/store/event_repository.hpp"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <stdexcept>

namespace meetscan::core {

namespace {
constexpr int kFreeTries = 3;
constexpr int kLockOutAfter = 10;
constexpr int kLongestWaitSeconds = 300;
constexpr TimeMs kLongestWaitMs = kLongestWaitSeconds * 1000LL;
} // namespace

std::string hashAdminPin(const std::string& pin) {
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium could not be initialised");
    std::string hash(crypto_pwhash_STRBYTES, '\0');
    if (crypto_pwhash_str(hash.data(), pin.c_str(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("out of memory while hashing the PIN");
    hash.resize(hash.find('\0'));
    return hash;
}

std::optional<std::string> adminPinProblem(std::string_view pin) {
    if (pin.size() < kMinAdminPinDigits || pin.size() > kMaxAdminPinDigits ||
        !std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return fmt::format("the admin PIN must be {} to {} digits (the kiosk's PIN pad has digits only)",
                           kMinAdminPinDigits, kMaxAdminPinDigits);
    // Steps counted round the dial, so that 890123 and 2109 are runs too.
    auto steps = [&](int step) {
        for (std::size_t i = 1; i < pin.size(); ++i)
            if ((pin[i] - pin[i - 1] + 10) % 10 != step)
                return false;
        return true;
    };
    if (steps(0))
        return std::string("one digit repeated is the first PIN anybody tries; choose another");
    if (steps(1) || steps(9))
        return std::string("a run of digits (123456, 987654) is among the first PINs anybody tries; choose another");
    return std::nullopt;
}

AdminLockState loadAdminLockState(const EventRepository& events) {
    AdminLockState state;
    try {
        const std::string failures = events.metaValue("admin_failures");
        const std::string nextTry = events.metaValue("admin_next_try_at");
        state.failures = failures.empty() ? 0 : std::stoi(failures);
        state.nextTryAt = nextTry.empty() ? 0 : std::stoll(nextTry);
    } catch (const std::logic_error&) {
        // An unreadable count locks, rather than hands out fresh tries.
        state.failures = kLockOutAfter;
    }
    return state;
}

void saveAdminLockState(EventRepository& events, const AdminLockState& state) {
    events.saveMetaValue("admin_failures", std::to_string(state.failures));
    events.saveMetaValue("admin_next_try_at", std::to_string(state.nextTryAt));
}

Status setAdminPin(EventRepository& events, const std::string& pin) {
    if (auto problem = adminPinProblem(pin))
        return Error::badInput(*problem);
    auto event = events.event();
    event.settings.adminPinHash = hashAdminPin(pin);
    if (auto saved = events.saveEvent(event); !saved)
        return saved.error();
    saveAdminLockState(events, {});
    return Done{};
}

AdminLock::Answer AdminLock::check(const std::string& pin, TimeMs now) {
    if (m_failures >= kLockOutAfter)
        return {Result::LockedOut, 0};
    // A wait never outlasts the longest back-off, whatever a clock set ahead (or the stored
    // count) says.
    m_nextTryAt = std::min(m_nextTryAt, now + kLongestWaitMs);
    if (now < m_nextTryAt)
        return {Result::Wait, static_cast<int>((m_nextTryAt - now + 999) / 1000)};
    if (m_pinHash.empty())
        return {Result::NoPin, 0};
    if (sodium_init() < 0)
        return {Result::Wrong, 0};
    const bool correct = crypto_pwhash_str_verify(m_pinHash.c_str(), pin.c_str(), pin.size()) == 0;
    if (correct) {
        m_failures = 0;
        m_nextTryAt = 0;
        return {Result::Unlocked, 0};
    }
    ++m_failures;
    if (m_failures >= kLockOutAfter)
        return {Result::LockedOut, 0};
    if (m_failures >= kFreeTries) {
        // 5 s after the third wrong PIN, doubling up to 5 minutes.
        const int waitSeconds = std::min(kLongestWaitSeconds, 5 << std::min(m_failures - kFreeTries, 10));
        m_nextTryAt = now + static_cast<TimeMs>(waitSeconds) * 1000;
        return {Result::Wait, waitSeconds};
    }
    return {Result::Wrong, 0};
}

} // namespace meetscan::core
