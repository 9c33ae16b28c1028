#include "core/session/admin_lock.hpp"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>

namespace meetscan::core {

namespace {
constexpr int kFreeTries = 3;
constexpr int kLockOutAfter = 10;
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

AdminLock::Answer AdminLock::check(const std::string& pin, TimeMs now) {
    if (m_failures >= kLockOutAfter)
        return {Result::LockedOut, 0};
    if (now < m_nextTryAt)
        return {Result::Wait, static_cast<int>((m_nextTryAt - now + 999) / 1000)};
    bool correct = false;
    if (m_pinHash.empty()) {
        correct = pin == kDefaultPin;
    } else {
        if (sodium_init() < 0)
            return {Result::Wrong, 0};
        correct = crypto_pwhash_str_verify(m_pinHash.c_str(), pin.c_str(), pin.size()) == 0;
    }
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
        const int waitSeconds = std::min(300, 5 << (m_failures - kFreeTries));
        m_nextTryAt = now + static_cast<TimeMs>(waitSeconds) * 1000;
        return {Result::Wait, waitSeconds};
    }
    return {Result::Wrong, 0};
}

} // namespace meetscan::core
