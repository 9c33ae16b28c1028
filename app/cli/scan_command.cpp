#include "cli/commands.hpp"

#include "core/session/scan_session.hpp"
#include "core/session/session_worker.hpp"
#include "meetscan/scanner/scan_loop.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <cstdio>
#include <csignal>
#include <thread>

namespace meetscan::cli {

namespace {

// Set by SIGINT/SIGTERM so a headless scan stops cleanly after the decisions already made.
std::atomic<bool> g_stopRequested{false};

extern "C" void requestStop(int /*signal*/) { g_stopRequested = true; }

struct ScanOptions {
    std::string source;
    std::string mode;
    long frames = 0;
    double seconds = 0;
    bool json = false;
};

// The synthetic camera shows this event's own badges: signed ones where the roster has them.
std::vector<std::string> syntheticTexts(core::Store& store) {
    std::vector<std::string> texts;
    for (const auto& attendee : store.attendees().all()) {
        texts.push_back(attendee.badgeCode);
        if (texts.size() >= 24)
            break;
    }
    if (texts.empty())
        texts.push_back("MEETSCAN-SYNTHETIC-BADGE");
    return texts;
}

nlohmann::json decisionJson(const core::Decision& d) {
    nlohmann::json out{{"at", core::formatIsoTime(d.record.at)},
                       {"text", d.record.rawText},
                       {"attendee", d.record.attendeeId.empty() ? nlohmann::json() : nlohmann::json(d.record.attendeeId)},
                       {"outcome", std::string(core::toString(d.outcome))},
                       {"saved", d.saved},
                       {"id", d.record.id},
                       {"format", d.record.format},
                       {"kind", d.record.kind},
                       {"verdict", std::string(core::toString(d.verdict))},
                       {"message", d.message}};
    if (d.person)
        out["name"] = d.person->name;
    if (d.partner)
        out["partner"] = d.partner->id;
    if (!d.error.empty())
        out["error"] = d.error;
    return out;
}

void printDecision(const core::Decision& d, bool json) {
    if (json)
        fmt::print("{}\n", decisionJson(d).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    else
        fmt::print("{}  {:<17} {}{}\n", core::formatIsoTime(d.record.at), core::toString(d.outcome), d.message,
                   d.saved ? "" : "  (NOT SAVED: " + d.error + ")");
    std::fflush(stdout);
}

int runScan(CliContext& context, const ScanOptions& options) {
    auto& store = context.store();
    core::ScanSession session(store);
    if (!options.mode.empty())
        session.useMode(*core::parseMode(options.mode));

    scanner::SourceOptions sourceOptions;
    sourceOptions.preview = false;
    // The simulated cameras (flaky:, stall:) show generated badges too.
    const bool generated = options.source == "synthetic" || options.source.rfind("flaky:", 0) == 0 ||
                           options.source.rfind("stall:", 0) == 0;
    if (generated)
        sourceOptions.syntheticTexts = syntheticTexts(store);
    auto source = scanner::openFrameSource(options.source, sourceOptions);
    if (!source)
        throw CliError::from(source.error());
    scanner::ScanLoopOptions loopOptions;
    loopOptions.debounce = std::chrono::milliseconds(session.event().settings.debounceMs);
    scanner::ScanLoop loop(std::move(source).value(), loopOptions);

    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    // A file-size limit reached is a failed write (reported below), not the end of the station.
    std::signal(SIGXFSZ, SIG_IGN);
    const auto started = std::chrono::steady_clock::now();
    loop.start();
    int decisions = 0, unsaved = 0;
    bool warnedNoCamera = false;
    // A kiosk operator wants the station to keep going through a full disk rather than stop:
    // every new badge is tried again, so saving resumes by itself once space is freed. Stderr
    // says so once when saving stops and once when it works again; the exit status is then 1.
    bool failing = false;
    auto drain = [&] {
        for (const auto& code : loop.takeResults()) {
            auto decision = session.onScan({code.text, code.format}, core::nowMs());
            ++decisions;
            unsaved += decision.saved ? 0 : 1;
            printDecision(decision, options.json);
            if (!decision.saved && !failing)
                fmt::print(stderr, "meetscan: error: {}{}: {}; still scanning, each new badge is tried again\n",
                           core::isDiskFull(store.path(), decision.error) ? "disk full: " : "",
                           store.path().string(), decision.error);
            else if (decision.saved && failing)
                fmt::print(stderr, "meetscan: scans are being saved again\n");
            failing = !decision.saved;
        }
        session.expire(core::nowMs());
    };
    while (!g_stopRequested) {
        drain();
        const auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        const auto counters = loop.counters();
        if (loop.finished())
            break;
        if (options.seconds > 0 && elapsed >= options.seconds)
            break;
        if (options.frames > 0 && counters.framesDecoded + counters.framesDropped >= static_cast<std::uint64_t>(options.frames))
            break;
        if (!warnedNoCamera && (loop.status() == scanner::SourceStatus::NoCamera ||
                                loop.status() == scanner::SourceStatus::Reconnecting)) {
            fmt::print(stderr, "meetscan: warning: camera not available ({}); still trying\n", loop.sourceProblem());
            warnedNoCamera = true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    loop.stop();
    drain();
    const auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const auto counters = loop.counters();
    fmt::print(stderr, "{} decisions from {} frames in {:.2f} s\n", decisions, counters.framesSeen, elapsed);
    if (unsaved > 0)
        throw CliError::world(fmt::format("{} of {} scans could not be saved to {}", unsaved, decisions,
                                          store.path().string()));
    if (loop.status() == scanner::SourceStatus::Ended && counters.framesSeen == 0 && !loop.sourceProblem().empty())
        throw CliError::badInput(fmt::format("{}: {}", options.source, loop.sourceProblem()));
    return 0;
}

} // namespace

void addScanCommand(CLI::App& app, CliContext& context) {
    auto options = std::make_shared<ScanOptions>();
    auto* command = app.add_subcommand("scan", "The kiosk's scan loop without a screen: one decision a line");
    command->add_option("--source", options->source,
                        "camera[:/dev/videoN] | file:PATH | dir:PATH[@FPS] | synthetic | pipeline:GST "
                        "(testing aids: flaky:UP/DOWN | stall:UP/DOWN, a camera that keeps going away)")
        ->required();
    command->add_option("--mode", options->mode, "Run in this mode (the station's mode is not changed)")
        ->check(CLI::IsMember({"meet", "booth", "summary"}));
    auto* frames = command->add_option("--frames", options->frames, "Stop after N frames")->check(CLI::PositiveNumber);
    auto* seconds = command->add_option("--seconds", options->seconds, "Stop after S seconds")->check(CLI::PositiveNumber);
    frames->excludes(seconds);
    command->add_flag("--json", options->json, "One JSON object a line: {at, text, attendee, outcome, saved, ...}");
    command->callback([&context, options] { runScan(context, *options); });
}

} // namespace meetscan::cli
