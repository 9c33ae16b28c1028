#pragma once
#include "core/domain/ulid.hpp"
#include "meetscan/scanner/expected.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace meetscan::core {

class EventRepository;

// Hashes an admin PIN for storage (libsodium crypto_pwhash_str, interactive limits).
[[nodiscard]] std::string hashAdminPin(const std::string& pin);

inline constexpr std::size_t kMinAdminPinDigits = 6;
inline constexpr std::size_t kMaxAdminPinDigits = 12; // the kiosk's PIN pad takes no more

// Why `pin` cannot be an admin PIN, or nothing: it must be 6 to 12 digits, and not one anybody
// guesses first: one digit repeated (000000) or a run up or down (123456, 876543).
[[nodiscard]] std::optional<std::string> adminPinProblem(std::string_view pin);

// Wrong tries so far and when the next is accepted. Kept in the station's own database (meta),
// so that switching the kiosk off and on does not reset the count.
struct AdminLockState {
    int failures = 0;
    TimeMs nextTryAt = 0;
    bool operator==(const AdminLockState&) const = default;
};
[[nodiscard]] AdminLockState loadAdminLockState(const EventRepository& events);
void saveAdminLockState(EventRepository& events, const AdminLockState& state);

// Stores a new PIN's hash in the station's own database and ends any lock-out: what `meetscan
// admin set-pin` and a new kiosk's "choose the admin PIN" screen do. BadInput for a PIN that
// adminPinProblem refuses.
[[nodiscard]] Status setAdminPin(EventRepository& events, const std::string& pin);

// Guards the admin panel: wrong PINs back off (after 3 tries, doubling waits), and after 10
// the panel stays locked, across restarts, until staff set the PIN again with `meetscan admin
// set-pin`. Checking a PIN costs tens of milliseconds on purpose, so the kiosk calls it off the
// UI thread (SessionWorker), which keeps state() in the database.
class AdminLock {
public:
    // NoPin: the station has none yet, and nothing opens the panel (there is no default PIN).
    enum class Result { Unlocked, Wrong, Wait, LockedOut, NoPin };
    struct Answer {
        Result result = Result::Wrong;
        int waitSeconds = 0; // with Wait: how long until the next try is accepted
    };

    // `pinHash` empty means no PIN was set: every try is refused (Result::NoPin).
    explicit AdminLock(std::string pinHash, AdminLockState state = {})
        : m_pinHash(std::move(pinHash)), m_failures(state.failures), m_nextTryAt(state.nextTryAt) {}
    Answer check(const std::string& pin, TimeMs now);
    [[nodiscard]] int failures() const { return m_failures; }
    [[nodiscard]] AdminLockState state() const { return {m_failures, m_nextTryAt}; }
    [[nodiscard]] bool hasPin() const { return !m_pinHash.empty(); }

private:
    std::string m_pinHash;
    int m_failures = 0;
    TimeMs m_nextTryAt = 0;
};

} // namespace meetscan::core
