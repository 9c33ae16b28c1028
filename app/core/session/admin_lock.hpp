#pragma once
#include "core/domain/ulid.hpp"

#include <string>

namespace meetscan::core {

// Hashes an admin PIN for storage (libsodium crypto_pwhash_str, interactive limits).
[[nodiscard]] std::string hashAdminPin(const std::string& pin);

// Guards the admin panel: wrong PINs back off (after 3 tries, doubling waits), and after 10
// the panel stays locked until the kiosk is restarted by staff. Checking a PIN costs tens of
// milliseconds on purpose, so the kiosk calls it off the UI thread (SessionWorker).
class AdminLock {
public:
    enum class Result { Unlocked, Wrong, Wait, LockedOut };
    struct Answer {
        Result result = Result::Wrong;
        int waitSeconds = 0; // with Wait: how long until the next try is accepted
    };

    // `pinHash` empty means no PIN was set: kDefaultPin applies (the admin panel says so).
    explicit AdminLock(std::string pinHash) : m_pinHash(std::move(pinHash)) {}
    static constexpr const char* kDefaultPin = "2468";

    Answer check(const std::string& pin, TimeMs now);
    [[nodiscard]] int failures() const { return m_failures; }
    [[nodiscard]] bool usesDefaultPin() const { return m_pinHash.empty(); }

private:
    std::string m_pinHash;
    int m_failures = 0;
    TimeMs m_nextTryAt = 0;
};

} // namespace meetscan::core
