// Kiosk lock-down: the fullscreen kiosk refuses window-close requests and leaves only through the
// admin panel's Quit behind the PIN set with `meetscan admin set-pin`; it tells systemd it is
// ready and alive (sd_notify). And the deploy files (unit, udev rule, cage session, installer)
// pass the tools that can check them.
#include "core/store/store.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <regex>
#include <sstream>
#include <thread>

namespace meetscan {
namespace {

using test::readFile;
using test::runProcess;
using test::TempDir;

bool haveXvfb() { return std::filesystem::exists("/usr/bin/xvfb-run"); }
bool have(const std::string& program) {
    return std::filesystem::exists("/usr/bin/" + program) || std::filesystem::exists("/bin/" + program);
}
std::string deployFile(const std::string& name) { return std::string(MEETSCAN_SOURCE_DIR) + "/deploy/" + name; }

// A systemd-style notify socket: a bound datagram socket whose reader thread collects every state
// message as it arrives, as systemd does (a queue left unread would fill after a few messages).
class NotifySocket {
public:
    explicit NotifySocket(const std::filesystem::path& path) {
        m_fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        std::strncpy(address.sun_path, path.c_str(), sizeof(address.sun_path) - 1);
        m_bound = m_fd >= 0 && bind(m_fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) == 0;
        if (m_bound)
            m_reader = std::jthread([this](std::stop_token stop) { readUntil(stop); });
    }
    ~NotifySocket() {
        m_reader = {};
        if (m_fd >= 0)
            close(m_fd);
    }
    NotifySocket(const NotifySocket&) = delete;
    NotifySocket& operator=(const NotifySocket&) = delete;
    [[nodiscard]] bool bound() const { return m_bound; }

    // Every message sent so far: waits (up to 2 s) for the reader to drain what the kernel still
    // queues, so the last message of a process that has just exited is not missed.
    std::vector<std::string> messages() const {
        for (int i = 0; i < 200; ++i) {
            pollfd pending{m_fd, POLLIN, 0};
            if (poll(&pending, 1, 0) <= 0)
                break;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        const std::lock_guard lock(m_mutex);
        return m_received;
    }

private:
    void readUntil(const std::stop_token& stop) {
        std::array<char, 4096> buffer{};
        while (!stop.stop_requested()) {
            pollfd ready{m_fd, POLLIN, 0};
            if (poll(&ready, 1, 50) <= 0)
                continue;
            // recv under the lock: once the queue is empty, messages() sees all it held.
            const std::lock_guard lock(m_mutex);
            const ssize_t size = recv(m_fd, buffer.data(), buffer.size(), MSG_DONTWAIT);
            if (size < 0)
                continue;
            m_received.emplace_back(buffer.data(), static_cast<std::size_t>(size));
        }
    }

    int m_fd = -1;
    bool m_bound = false;
    mutable std::mutex m_mutex;
    std::vector<std::string> m_received;
    std::jthread m_reader;
};

class Lockdown : public ::testing::Test {
protected:
    void SetUp() override {
        if (!haveXvfb())
            GTEST_SKIP() << "xvfb-run is not installed";
        auto init = test::runMeetscan({"--db", m_db.string(), "init", "--event", "Lockdown Con", "--admin-pin", "975318"});
        ASSERT_EQ(init.exitCode, 0) << init.err;
    }

    // Runs the kiosk (fullscreen unless `windowed`) with a script; returns the screenshot folder.
    // `env` reaches the kiosk only, through env(1) inside xvfb-run: Xvfb is built with systemd
    // support and sends its own READY=1 to any $NOTIFY_SOCKET it inherits.
    std::filesystem::path run(const std::vector<std::string>& script, bool windowed, const std::map<std::string, std::string>& env = {}) {
        std::string text;
        for (const auto& line : script)
            text += line + "\n";
        auto scriptPath = m_dir.write("script-" + std::to_string(++m_runs) + ".jsonl", text);
        auto shots = m_dir / ("shots-" + std::to_string(m_runs));
        std::vector<std::string> argv{"/usr/bin/xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", "/usr/bin/env"};
        for (const auto& [name, value] : env)
            argv.push_back(name + "=" + value);
        argv.insert(argv.end(), {MEETSCAN_BINARY, "--db", m_db.string(), "kiosk", "--mute", "--source", "synthetic",
                                 "--script", scriptPath.string(), "--screenshot-dir", shots.string()});
        if (windowed)
            argv.emplace_back("--windowed");
        test::RunOptions options;
        // And none to Xvfb, whatever the environment the tests run in holds.
        options.env = {{"NOTIFY_SOCKET", ""}};
        const auto started = std::chrono::steady_clock::now();
        m_result = runProcess(argv, options);
        m_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        EXPECT_EQ(m_result.exitCode, 0) << m_result.err;
        return shots;
    }

    static std::string tap(const std::string& label) { return nlohmann::json{{"tap", label}}.dump(); }
    static std::string shot(const std::string& name) { return R"({"wait_ms":300})" "\n" + nlohmann::json{{"screenshot", name}}.dump(); }
    static std::vector<std::string> enterPin(const std::string& pin) {
        std::vector<std::string> steps;
        for (int i = 0; i < 5; ++i)
            steps.push_back(tap("admin-corner"));
        for (char digit : pin)
            steps.push_back(tap(std::string(1, digit)));
        steps.push_back(tap("OK"));
        steps.emplace_back(R"({"wait_ms":1500})");
        return steps;
    }
    static std::string screenOf(const std::filesystem::path& dir, const std::string& name) {
        std::ifstream in(dir / (name + ".json"));
        if (!in)
            return "";
        return nlohmann::json::parse(in)["screen"];
    }
    static std::string textsOf(const std::filesystem::path& dir, const std::string& name) {
        std::ifstream in(dir / (name + ".json"));
        return in ? nlohmann::json::parse(in)["texts"].dump() : std::string{};
    }

    TempDir m_dir;
    std::filesystem::path m_db = m_dir / "event.db";
    test::ProcessResult m_result;
    double m_seconds = 0.0;
    int m_runs = 0;
};

TEST_F(Lockdown, FullscreenKioskIgnoresCloseAndQuitsOnlyFromTheAdminPanel) {
    NotifySocket notify(m_dir / "notify.sock");
    ASSERT_TRUE(notify.bound());
    std::vector<std::string> script{R"({"wait_ms":800})", R"({"close":true})", R"({"wait_ms":800})", shot("after-close"),
                                    R"({"close":true})", R"({"close":true})", shot("after-more-closes")};
    // The default PIN no longer opens the panel; the PIN set with --admin-pin does.
    for (auto& step : enterPin("2468"))
        script.push_back(step);
    script.push_back(shot("default-pin"));
    for (auto& step : enterPin("975318"))
        script.push_back(step);
    script.push_back(shot("admin"));
    script.push_back(tap("Quit kiosk"));
    script.emplace_back(R"({"wait_ms":4000})");
    script.push_back(shot("never"));
    auto dir = run(script, false, {{"NOTIFY_SOCKET", (m_dir / "notify.sock").string()}, {"WATCHDOG_USEC", "400000"}});

    EXPECT_EQ(screenOf(dir, "after-close"), "idle") << "the close request ended the kiosk";
    EXPECT_EQ(screenOf(dir, "after-more-closes"), "idle");
    EXPECT_EQ(screenOf(dir, "default-pin"), "admin_pin");
    EXPECT_NE(textsOf(dir, "default-pin").find("Wrong PIN"), std::string::npos) << textsOf(dir, "default-pin");
    EXPECT_EQ(screenOf(dir, "admin"), "admin") << "the PIN set with --admin-pin did not open the admin panel";
    EXPECT_FALSE(std::filesystem::exists(dir / "never.json")) << "Quit kiosk did not end the kiosk";

    // sd_notify: READY once the first frame is up, WATCHDOG from the frame loop, STOPPING at the end.
    // Exactly that order: systemd logs a second READY=1 as a protocol error, and a ping before
    // READY would feed the watchdog of a kiosk that has not shown a frame yet.
    const auto messages = notify.messages();
    ASSERT_GE(messages.size(), 2U) << ::testing::PrintToString(messages);
    EXPECT_EQ(messages.front(), "READY=1") << ::testing::PrintToString(messages);
    EXPECT_EQ(messages.back(), "STOPPING=1") << ::testing::PrintToString(messages);
    EXPECT_EQ(std::count(messages.begin(), messages.end(), "READY=1"), 1) << ::testing::PrintToString(messages);
    EXPECT_EQ(std::count(messages.begin(), messages.end(), "STOPPING=1"), 1) << ::testing::PrintToString(messages);
    for (std::size_t i = 1; i + 1 < messages.size(); ++i)
        EXPECT_EQ(messages[i], "WATCHDOG=1") << "message " << i << " of " << ::testing::PrintToString(messages);
    const auto pings = std::count(messages.begin(), messages.end(), "WATCHDOG=1");
    // WATCHDOG_USEC=0.4 s: a ping every 0.2 s of the run (less start-up and slack for a loaded machine).
    EXPECT_GE(pings, static_cast<long>(m_seconds * 2.0)) << pings << " pings in " << m_seconds << " s";
    EXPECT_LE(pings, static_cast<long>(m_seconds * 5.0) + 2) << "pinging on every frame";
}

TEST_F(Lockdown, WindowedDeveloperModeClosesNormally) {
    auto dir = run({R"({"wait_ms":800})", shot("before"), R"({"close":true})", R"({"wait_ms":4000})", shot("after")}, true);
    EXPECT_EQ(screenOf(dir, "before"), "idle");
    EXPECT_FALSE(std::filesystem::exists(dir / "after.json")) << "--windowed ignored the close request";
}

TEST_F(Lockdown, NoNotifySocketMeansNoMessagesAndNoFailure) {
    auto dir = run({R"({"wait_ms":500})", shot("idle"), R"({"quit":true})"}, false, {{"NOTIFY_SOCKET", ""}});
    EXPECT_EQ(screenOf(dir, "idle"), "idle");
}

// The deploy files, through the tools that can check them.
TEST(DeployFiles, SystemdUnitVerifies) {
    if (!have("systemd-analyze"))
        GTEST_SKIP() << "systemd-analyze is not installed";
    const std::string unit = readFile(deployFile("systemd/meetscan-kiosk.service"));
    for (const char* line : {"Type=notify", "NotifyAccess=all", "Restart=on-failure", "WatchdogSec=", "PAMName=login",
                             "TTYPath=/dev/tty1", "NoNewPrivileges=yes", "Conflicts=getty@tty1.service"})
        EXPECT_NE(unit.find(line), std::string::npos) << line;
    // cage without -s: no VT switching from the kiosk's keyboard.
    std::smatch exec;
    ASSERT_TRUE(std::regex_search(unit, exec, std::regex("\nExecStart=(\\S+) ([^\n]*)")));
    EXPECT_EQ(exec[1].str(), "/usr/bin/cage");
    const std::string cageOptions = exec[2].str().substr(0, exec[2].str().find(" -- "));
    EXPECT_EQ(cageOptions.find("-s"), std::string::npos) << cageOptions;
    EXPECT_NE(exec[2].str().find("-- /usr/local/bin/meetscan kiosk"), std::string::npos) << exec[2].str();

    TempDir dir;
    std::string checked = unit;
    if (!std::filesystem::exists("/usr/bin/cage")) {
        // verify insists the program exists; everything else is checked as written.
        checked.replace(checked.find("/usr/bin/cage"), std::strlen("/usr/bin/cage"), "/bin/true");
    }
    auto path = dir.write("meetscan-kiosk.service", checked);
    auto verify = runProcess({"systemd-analyze", "verify", path.string()});
    EXPECT_EQ(verify.exitCode, 0) << verify.out << verify.err;
    EXPECT_EQ(verify.err.find("meetscan-kiosk.service:"), std::string::npos) << verify.err;
}

TEST(DeployFiles, ShellScriptsParseAndPassShellcheck) {
    for (const char* script : {"install-kiosk.sh", "kiosk/meetscan-session"}) {
        const std::string shell = readFile(deployFile(script)).rfind("#!/bin/sh", 0) == 0 ? "sh" : "bash";
        auto parsed = runProcess({shell, "-n", deployFile(script)});
        EXPECT_EQ(parsed.exitCode, 0) << script << ": " << parsed.err;
        if (have("shellcheck")) {
            auto lint = runProcess({"shellcheck", deployFile(script)});
            EXPECT_EQ(lint.exitCode, 0) << script << ": " << lint.out;
        }
        EXPECT_TRUE((std::filesystem::status(deployFile(script)).permissions() & std::filesystem::perms::owner_exec) !=
                    std::filesystem::perms::none)
            << script << " is not executable";
    }
    const std::string session = readFile(deployFile("kiosk/meetscan-session"));
    EXPECT_NE(session.find("exec /usr/bin/cage -d -- /usr/local/bin/meetscan kiosk"), std::string::npos);
}

TEST(DeployFiles, NoVirtualTerminalsAndCameraRule) {
    const std::string logind = readFile(deployFile("kiosk/logind-meetscan.conf"));
    EXPECT_NE(logind.find("[Login]"), std::string::npos);
    EXPECT_NE(logind.find("\nNAutoVTs=0\n"), std::string::npos);
    EXPECT_NE(logind.find("\nReserveVT=0\n"), std::string::npos);
    const std::string rules = readFile(deployFile("udev/70-meetscan-camera.rules"));
    // Every rule line is KEY(==|=|+=)"VALUE" pairs separated by ", ".
    const std::regex pair(R"re(^([A-Z_]+(\{[A-Za-z0-9_]+\})?(==|!=|\+=|=)"[^"]*")(, [A-Z_]+(\{[A-Za-z0-9_]+\})?(==|!=|\+=|=)"[^"]*")*$)re");
    int ruleLines = 0;
    std::istringstream lines(rules);
    for (std::string line; std::getline(lines, line);) {
        if (line.empty() || line[0] == '#')
            continue;
        ++ruleLines;
        EXPECT_TRUE(std::regex_match(line, pair)) << line;
        EXPECT_NE(line.find(R"(SUBSYSTEM=="video4linux")"), std::string::npos) << line;
    }
    EXPECT_EQ(ruleLines, 2);
    EXPECT_NE(rules.find(R"(GROUP="video", MODE="0660")"), std::string::npos);
    EXPECT_NE(rules.find(R"(SYMLINK+="meetscan-camera")"), std::string::npos);
}

TEST(DeployFiles, InstallerIsIdempotent) {
    TempDir root;
    auto install = [&] {
        return runProcess({"bash", deployFile("install-kiosk.sh"), "--root", root.path().string(), "--user", "kiosk",
                           "--binary", "/opt/meetscan/bin/meetscan"});
    };
    auto first = install();
    ASSERT_EQ(first.exitCode, 0) << first.err;
    const auto unitPath = root.path() / "etc/systemd/system/meetscan-kiosk.service";
    const std::string unit = readFile(unitPath);
    EXPECT_NE(unit.find("\nUser=kiosk\n"), std::string::npos);
    EXPECT_NE(unit.find("-- /opt/meetscan/bin/meetscan kiosk"), std::string::npos);
    for (const char* file : {"etc/udev/rules.d/70-meetscan-camera.rules", "etc/systemd/logind.conf.d/meetscan-kiosk.conf",
                             "etc/sysctl.d/90-meetscan-kiosk.conf", "usr/local/share/doc/meetscan/README.md"})
        EXPECT_TRUE(std::filesystem::exists(root.path() / file)) << file;
    EXPECT_NE(first.out.find("would run: systemctl enable meetscan-kiosk.service"), std::string::npos) << first.out;
    EXPECT_NE(first.out.find("would run: systemctl mask ctrl-alt-del.target"), std::string::npos) << first.out;

    const auto writtenAt = std::filesystem::last_write_time(unitPath);
    auto second = install();
    ASSERT_EQ(second.exitCode, 0) << second.err;
    EXPECT_EQ(second.out.find("installed:"), std::string::npos) << "a second run rewrote files:\n" << second.out;
    EXPECT_EQ(std::filesystem::last_write_time(unitPath), writtenAt);

    // The autologin variant swaps the service for getty + login script, also idempotently.
    auto autologin = runProcess({"bash", deployFile("install-kiosk.sh"), "--root", root.path().string(), "--autologin"});
    ASSERT_EQ(autologin.exitCode, 0) << autologin.err;
    const std::string dropIn = readFile(root.path() / "etc/systemd/system/getty@tty1.service.d/meetscan-autologin.conf");
    EXPECT_NE(dropIn.find("--autologin meetscan"), std::string::npos);
    EXPECT_NE(readFile(root.path() / "var/lib/meetscan/.profile").find("meetscan-session"), std::string::npos);
    auto again = runProcess({"bash", deployFile("install-kiosk.sh"), "--root", root.path().string(), "--autologin"});
    ASSERT_EQ(again.exitCode, 0) << again.err;
    EXPECT_EQ(again.out.find("installed:"), std::string::npos) << again.out;
    const std::string profile = readFile(root.path() / "var/lib/meetscan/.profile");
    EXPECT_EQ(profile.find("meetscan-session"), profile.rfind("meetscan-session")) << "the login line was added twice";

    auto bad = runProcess({"bash", deployFile("install-kiosk.sh"), "--root", root.path().string(), "--binary", "relative/meetscan"});
    EXPECT_EQ(bad.exitCode, 2);
}

} // namespace
} // namespace meetscan
