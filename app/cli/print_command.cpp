// meetscan print: an attendee's summary (or a test page) to a CUPS printer, following the job
// until it is printed or stuck, so a script knows which (exit 0 printed, 1 the printer or the
// print service failed, 2 bad input).
#include "cli/commands.hpp"

#include "core/export/event_logo.hpp"
#include "core/export/packet_data.hpp"
#include "core/print/cups_client.hpp"
#include "core/print/print_document.hpp"
#include "core/print/printer_choice.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <thread>

namespace meetscan::cli {

namespace {

constexpr auto kPoll = std::chrono::milliseconds(250);

struct PrintOptions {
    std::string attendee;
    std::string printer;
    std::string paper;
    int waitSeconds = 120;
};

core::Paper paperOption(const std::string& text, const core::PrinterChoice& choice, const core::Event& event) {
    if (text.empty())
        return core::paperFor(choice, event);
    auto paper = core::parsePaper(text);
    if (!paper)
        throw CliError::badInput(fmt::format("--paper: '{}' is not a4, letter or receipt80", text));
    return *paper;
}

// --printer, else the station's choice (admin panel), else the CUPS default.
std::string printerOption(const std::string& given, const core::PrinterChoice& choice) {
    if (!given.empty())
        return given;
    if (!choice.printer.empty())
        return choice.printer;
    auto fallback = orThrow(core::defaultPrinter());
    if (fallback.empty())
        throw CliError::world(fmt::format("no printer: give --printer NAME, choose one in the kiosk's admin panel, "
                                          "or set a default on {} (lpadmin -d NAME)",
                                          core::printServer()));
    return fallback;
}

// Sends the document and follows the job: each new state on stderr, the verdict as the exit code.
void printAndFollow(const std::string& printer, const core::PrintDocument& document, const std::string& what,
                    int waitSeconds) {
    const int jobId = orThrow(core::submitPdf(printer, document.title, document.pdf, document.options));
    const std::string job = fmt::format("{}-{}", printer, jobId);
    fmt::print(stderr, "print: job {} sent ({} bytes)\n", job, document.pdf.size());
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(std::max(0, waitSeconds));
    std::optional<core::JobState> last;
    while (true) {
        const auto status = orThrow(core::jobStatus(printer, jobId));
        if (!last || *last != status.state) {
            fmt::print(stderr, "print: job {} {}: {}\n", job, core::toString(status.state), status.message);
            last = status.state;
        }
        if (status.state == core::JobState::Done) {
            fmt::print("printed {} on {} (job {})\n", what, printer, job);
            return;
        }
        if (core::isFinal(status.state))
            throw CliError::world(fmt::format("job {} {}: {}", job, core::toString(status.state), status.message));
        if (status.state == core::JobState::Held)
            throw CliError::world(fmt::format("job {} held: {}; release it with `lp -i {} -H resume` or cancel it "
                                              "with `cancel {}`",
                                              job, status.message, job, job));
        if (core::needsAttention(status.state))
            throw CliError::world(fmt::format("job {} {}: {}; it stays queued and prints once that is fixed "
                                              "(or: cancel {})",
                                              job, core::toString(status.state), status.message, job));
        if (std::chrono::steady_clock::now() >= deadline)
            throw CliError::world(fmt::format("job {} still {} after {} s; it stays queued (or: cancel {})", job,
                                              core::toString(status.state), waitSeconds, job));
        std::this_thread::sleep_for(kPoll);
    }
}

void printSummary(CliContext& context, const PrintOptions& options) {
    // Bad input is found before anything touches the printer.
    if (!options.paper.empty() && !core::parsePaper(options.paper))
        throw CliError::badInput(fmt::format("--paper: '{}' is not a4, letter or receipt80", options.paper));
    auto& store = context.store();
    const auto attendee = store.attendees().find(options.attendee);
    if (!attendee)
        throw CliError::badInput(
            fmt::format("no attendee '{}' (see `meetscan attendees list`)", options.attendee));
    const auto event = store.events().event();
    const auto choice = core::loadPrinterChoice(store);
    const auto paper = paperOption(options.paper, choice, event);
    const auto printer = printerOption(options.printer, choice);
    auto packet = core::collectPacket(store, event, *attendee, core::nowMs());
    if (auto logo = core::eventLogo(event.settings))
        packet.logo = *logo;
    else
        fmt::print(stderr, "meetscan: warning: {}; printing without it\n", logo.error().message);
    const auto document = orThrow(core::summaryDocument(packet, paper));
    printAndFollow(printer, document,
                   fmt::format("the summary of {} ({})", attendee->displayName(), core::toString(paper)),
                   options.waitSeconds);
}

void printTestPage(CliContext& context, const PrintOptions& options) {
    if (!options.paper.empty() && !core::parsePaper(options.paper))
        throw CliError::badInput(fmt::format("--paper: '{}' is not a4, letter or receipt80", options.paper));
    auto& store = context.store();
    const auto choice = core::loadPrinterChoice(store);
    const auto paper = paperOption(options.paper, choice, store.events().event());
    const auto printer = printerOption(options.printer, choice);
    const auto document =
        orThrow(core::testPageDocument({store.events().station().name, printer, core::nowMs(),
                                        core::TimeZone::forSettingOrUtc(store.events().event().settings.timeZone)},
                                       paper));
    printAndFollow(printer, document, fmt::format("a test page ({})", core::toString(paper)), options.waitSeconds);
}

void listPrinters(bool json) {
    const auto printers = orThrow(core::listPrinters());
    for (const auto& printer : printers) {
        if (json) {
            nlohmann::json out{{"name", printer.name},
                               {"default", printer.isDefault},
                               {"state", core::describePrinter(printer)},
                               {"accepting", printer.accepting},
                               {"reasons", printer.reasons},
                               {"info", printer.info},
                               {"location", printer.location}};
            fmt::print("{}\n", out.dump());
        } else {
            fmt::print("{}{}  {}\n", printer.name, printer.isDefault ? " (default)" : "", core::describePrinter(printer));
        }
    }
    if (printers.empty() && !json)
        fmt::print(stderr, "no printers on {} (add one with lpadmin)\n", core::printServer());
}

void addCommonOptions(CLI::App& command, PrintOptions& options) {
    command.add_option("--printer", options.printer,
                       "CUPS queue (default: the station's choice from the admin panel, else the CUPS default)");
    command.add_option("--paper", options.paper, "a4 | letter | receipt80 (default: the station's, else the event's)");
    command.add_option("--wait", options.waitSeconds, "Seconds to wait for the job to print (default 120)");
}

} // namespace

void addPrintCommands(CLI::App& app, CliContext& context) {
    auto* print = app.add_subcommand("print", "Print through CUPS: an attendee's summary, a test page; list printers");
    print->require_subcommand(1);

    auto summary = std::make_shared<PrintOptions>();
    auto* summaryCommand = print->add_subcommand("summary", "Print one attendee's summary and wait until it is printed");
    summaryCommand->add_option("ATTENDEE", summary->attendee, "Attendee id, badge code or e-mail")->required();
    addCommonOptions(*summaryCommand, *summary);
    summaryCommand->footer("Exit 0 once printed; 1 when the printer is stopped, offline, out of paper, missing, or "
                           "the job is held or fails (the job stays queued where CUPS keeps it); 2 for bad input.");
    summaryCommand->callback([&context, summary] { printSummary(context, *summary); });

    auto test = std::make_shared<PrintOptions>();
    auto* testCommand = print->add_subcommand("test-page", "Print a test page and wait until it is printed");
    addCommonOptions(*testCommand, *test);
    testCommand->callback([&context, test] { printTestPage(context, *test); });

    auto json = std::make_shared<bool>(false);
    auto* printersCommand = print->add_subcommand("printers", "The print service's printers and their state");
    printersCommand->add_flag("--json", *json, "One JSON object a line: name, default, state, accepting, reasons");
    printersCommand->callback([json] { listPrinters(*json); });
}

} // namespace meetscan::cli
