#pragma once
// Tells systemd how the kiosk is doing (the sd_notify datagram protocol: READY=1, WATCHDOG=1,
// STOPPING=1 sent to $NOTIFY_SOCKET), so a hung UI loop is restarted by the unit's WatchdogSec.
// Without $NOTIFY_SOCKET (a developer's shell, the tests) every call does nothing.
#include "core/domain/ulid.hpp"

#include <string>
#include <string_view>

namespace meetscan::core {

class ServiceNotifier {
public:
    // Reads $NOTIFY_SOCKET and $WATCHDOG_USEC (honoured only when $WATCHDOG_PID is unset or ours).
    static ServiceNotifier fromEnvironment();
    ServiceNotifier() = default;
    ServiceNotifier(std::string socketPath, TimeMs watchdogIntervalMs)
        : m_socketPath(std::move(socketPath)), m_watchdogIntervalMs(watchdogIntervalMs) {}

    [[nodiscard]] bool enabled() const { return !m_socketPath.empty(); }
    [[nodiscard]] TimeMs watchdogIntervalMs() const { return m_watchdogIntervalMs; }

    // READY=1 goes out once, however often it is called: systemd reads a second one as a
    // protocol error in the journal, and a unit of Type=notify is ready only once.
    void ready();
    void stopping() { send("STOPPING=1"); }
    // Called once per UI frame: pings at half the watchdog interval (once a second when the
    // service manager gave none), so a frame loop that stops turning stops the pings. Nothing
    // before ready(): until the first frame is on screen the start-up timeout is what applies.
    void frameAlive(TimeMs now);
    // Sends one state message; false when it could not be delivered (the caller carries on).
    bool send(std::string_view state);

private:
    std::string m_socketPath; // "@name" is an abstract socket
    TimeMs m_watchdogIntervalMs = 0;
    TimeMs m_lastPingAt = -1;
    bool m_readySent = false;
};

} // namespace meetscan::core
