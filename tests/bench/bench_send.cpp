// `send packets` after a big event: 10,000 follow-up e-mails, each with its summary.pdf and
// contacts.vcf, to a real SMTP server on loopback (aiosmtpd, tests/support/smtp_server.py).
// Target: under 60 s on a 2-core machine, with the progress shown. Beside it, what an organiser
// would otherwise do: write the messages (`--dry-run`), then hand the .eml files to the same
// server with a Python smtplib loop over one connection.
#include "big_event.hpp"
#include "support/run_process.hpp"
#include "support/smtp_server.hpp"
#include "support/temp_dir.hpp"
#include "timed_command.hpp"

#include <fmt/core.h>

#include <cstdlib>
#include <thread>

using namespace meetscan;

namespace {

constexpr double kTargetSeconds = 60.0;

constexpr const char* kSmtplibLoop = R"(import os, smtplib, sys
folder, port = sys.argv[1], int(sys.argv[2])
server = smtplib.SMTP("127.0.0.1", port)
for name in sorted(os.listdir(folder)):
    with open(os.path.join(folder, name), "rb") as f:
        data = f.read()
    to = data.split(b"\r\nTo: ", 1)[1].split(b"\r\n", 1)[0].decode()
    to = to[to.find("<") + 1:to.find(">")] if "<" in to else to
    server.sendmail("events@bench.example", [to], data)
server.quit()
)";

void print(const char* label, const bench::Timed& timed, std::size_t messages) {
    fmt::print("{:<48} {:7.2f} s   cpu {:7.2f} s   peak {:>7}   {:6.0f} messages/s   exit {}\n", label, timed.seconds,
               timed.cpuSeconds, timed.peakKb ? fmt::format("{:.0f} MB", static_cast<double>(*timed.peakKb) / 1024) : "?",
               timed.seconds > 0 ? static_cast<double>(messages) / timed.seconds : 0.0, timed.result.exitCode);
    if (timed.result.exitCode != 0)
        fmt::print(stderr, "{}", timed.result.err);
}

} // namespace

// bench_send [ATTENDEES]
int main(int argc, char** argv) {
    const int attendees = argc > 1 ? std::atoi(argv[1]) : 10'000;
    test::TempDir dir;
    const auto db = dir / "bench-send.db";
    if (!bench::buildBigEvent(db, attendees, 5, std::min(5'000, attendees)))
        return 1;
    fmt::print("{} cores\n", std::thread::hardware_concurrency());
    const std::string binary = MEETSCAN_BINARY;
    const std::vector<std::string> base{binary, "--db", db.string(), "send", "packets", "--from", "events@bench.example"};

    test::SmtpTestServer server(dir / "smtp");
    auto sendArgs = base;
    sendArgs.insert(sendArgs.end(), {"--smtp", server.url()});
    const auto send = bench::timeCommand(sendArgs);
    const auto received = server.messages().size();
    print("meetscan send packets (compose + deliver)", send, received);
    const auto lastProgress = send.result.err.rfind("packets: ");
    const auto progressLine = lastProgress == std::string::npos
                                  ? std::string("none")
                                  : send.result.err.substr(lastProgress, send.result.err.find('\n', lastProgress) - lastProgress);
    fmt::print("  progress, last line: {}\n", progressLine);
    fmt::print("  the server received {} messages\n", received);

    auto dryArgs = base;
    const auto eml = dir / "eml";
    dryArgs.insert(dryArgs.end(), {"--dry-run", eml.string()});
    const auto dry = bench::timeCommand(dryArgs);
    print("meetscan send packets --dry-run (compose only)", dry, static_cast<std::size_t>(attendees));
    std::uintmax_t bytes = 0;
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(eml)) {
        bytes += entry.file_size();
        ++files;
    }
    fmt::print("  {} messages, {:.1f} MB, {:.0f} kB each\n", files, static_cast<double>(bytes) / 1e6,
               files == 0 ? 0.0 : static_cast<double>(bytes) / 1e3 / static_cast<double>(files));

    test::SmtpTestServer other(dir / "smtp-python");
    const auto port = other.url().substr(other.url().rfind(':') + 1);
    const auto smtplib = bench::timeCommand({"/usr/bin/python3", "-c", kSmtplibLoop, eml.string(), port});
    print("python3 smtplib loop over the .eml (deliver only)", smtplib, other.messages().size());
    fmt::print("  together, --dry-run then smtplib: {:.2f} s\n", dry.seconds + smtplib.seconds);

    const bool met = send.result.exitCode == 0 && send.seconds < kTargetSeconds;
    fmt::print("send packets: {:.1f} s for {} messages; target under {:.0f} s{}\n", send.seconds, received,
               kTargetSeconds, attendees == 10'000 ? (met ? ": met" : ": MISSED") : " (at 10,000 attendees)");
    return send.result.exitCode == 0 && dry.result.exitCode == 0 && smtplib.result.exitCode == 0 ? 0 : 1;
}
