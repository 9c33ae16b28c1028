#include "core/system/service_notifier.hpp"

#include "core/system/environment.hpp"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstddef>
#include <cstdlib>
#include <cstring>

namespace meetscan::core {

namespace {

} // namespace

ServiceNotifier ServiceNotifier::fromEnvironment() {
    std::string socketPath = environmentValue("NOTIFY_SOCKET");
    TimeMs intervalMs = 0;
    const std::string pid = environmentValue("WATCHDOG_PID");
    const std::string usec = environmentValue("WATCHDOG_USEC");
    // A watchdog meant for another process (our parent's) is not ours to feed.
    if (!usec.empty() && (pid.empty() || std::strtol(pid.c_str(), nullptr, 10) == getpid()))
        intervalMs = static_cast<TimeMs>(std::strtoll(usec.c_str(), nullptr, 10) / 1000);
    return {std::move(socketPath), intervalMs};
}

void ServiceNotifier::ready() {
    if (m_readySent)
        return;
    m_readySent = true;
    send("READY=1");
}

void ServiceNotifier::frameAlive(TimeMs now) {
    if (!enabled() || !m_readySent)
        return;
    const TimeMs every = m_watchdogIntervalMs > 0 ? m_watchdogIntervalMs / 2 : 1000;
    if (m_lastPingAt >= 0 && now - m_lastPingAt < every)
        return;
    m_lastPingAt = now;
    send("WATCHDOG=1");
}

bool ServiceNotifier::send(std::string_view state) {
    if (!enabled())
        return false;
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (m_socketPath.size() >= sizeof(address.sun_path) || (m_socketPath[0] != '/' && m_socketPath[0] != '@'))
        return false;
    std::memcpy(address.sun_path, m_socketPath.data(), m_socketPath.size());
    if (m_socketPath[0] == '@')
        address.sun_path[0] = '\0';
    const auto length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + m_socketPath.size());
    const int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    // Never block the UI loop: a datagram socket whose reader falls behind (its queue holds only
    // net.unix.max_dgram_qlen messages) would otherwise stop the frame loop until it reads.
    const ssize_t sent = sendto(fd, state.data(), state.size(), MSG_NOSIGNAL | MSG_DONTWAIT, reinterpret_cast<const sockaddr*>(&address), length);
    close(fd);
    return sent == static_cast<ssize_t>(state.size());
}

} // namespace meetscan::core
