// `meetscan kiosk` and `meetscan demo`: option parsing only; the kiosk lives in app/ui.
#include "cli/commands.hpp"

#ifdef MEETSCAN_HAS_UI
#include "ui/demo/demo_run.hpp"
#include "ui/kiosk.hpp"
#include "core/sync/sync_client.hpp"
#endif

#include <fmt/format.h>

#include <filesystem>
#include <fstream>

namespace meetscan::cli {

#ifndef MEETSCAN_HAS_UI
namespace {
void noUi() { throw CliError::world("this meetscan was built without the kiosk UI (MEETSCAN_BUILD_UI=OFF)"); }
} // namespace
#endif

void addKioskCommand(CLI::App& app, CliContext& context) {
#ifdef MEETSCAN_HAS_UI
    auto kiosk = std::make_shared<ui::KioskOptions>();
    auto badgesFile = std::make_shared<std::string>();
    auto mute = std::make_shared<bool>(false);
    auto* command = app.add_subcommand("kiosk", "Run the fullscreen touch kiosk");
    command->add_option("--source", kiosk->source, "camera[:/dev/videoN] | file:PATH | dir:PATH[@FPS] | synthetic | pipeline:...")
        ->capture_default_str();
    command->add_flag("--windowed", kiosk->windowed, "A 1920x1080 window instead of fullscreen (development)");
    command->add_option("--screenshot-dir", kiosk->screenshotDir, "Where scripted screenshots are written");
    command->add_option("--server", kiosk->server, "Sync with this server (conninfo or URI; default: $MEETSCAN_SERVER)");
    command->footer("At a booth, the admin panel's Leads page exports the lead list to a USB stick and e-mails it to "
                    "the exhibitor. E-mail needs $MEETSCAN_SMTP_URL (smtp://host:587 or smtps://host:465) and "
                    "$MEETSCAN_SMTP_FROM, with $MEETSCAN_SMTP_USER and $MEETSCAN_SMTP_PASSWORD for a login; "
                    "$MEETSCAN_REMOVABLE_ROOT names a folder whose subfolders stand for the USB sticks.");
    // For the tests, the headless demo and the benchmark; listed apart so nobody takes them for settings.
    constexpr const char* kTestingAids = "Testing aids";
    command
        ->add_option("--script", kiosk->script,
                     "Play a scripted session and exit: JSON lines such as {\"scan\":\"TEXT\"} {\"tap\":\"LABEL\"} "
                     "{\"type\":\"TEXT\"} {\"key\":\"Enter\"} {\"wait_ms\":N} {\"screenshot\":\"NAME\"} "
                     "{\"quit\":true}; screenshots go to --screenshot-dir")
        ->group(kTestingAids);
    command->add_option("--timings", kiosk->timings, "Write each frame's time to FILE (the UI benchmark)")
        ->group(kTestingAids);
    command->add_option("--max-frames", kiosk->maxFrames, "Stop after N frames")->group(kTestingAids);
    command->add_option("--badges", *badgesFile, "Badge texts, one a line, that the synthetic source shows")
        ->group(kTestingAids);
    command->add_option("--synthetic-width", kiosk->syntheticWidth, "Frame width of the synthetic source")
        ->group(kTestingAids);
    command->add_option("--synthetic-height", kiosk->syntheticHeight, "Frame height of the synthetic source")
        ->group(kTestingAids);
    command->add_flag("--mute", *mute, "No sounds")->group(kTestingAids);
    command->callback([&context, kiosk, badgesFile, mute] {
        kiosk->database = context.databasePath(); // none yet: the kiosk asks for its set-up code
        std::error_code missing;
        // There is no well-known PIN: a kiosk on the floor without its own would let anybody in.
        if (std::filesystem::exists(kiosk->database, missing) &&
            context.store().events().event().settings.adminPinHash.empty())
            throw CliError::badInput(fmt::format("{} has no admin PIN, and a kiosk runs only with one: set it with "
                                                 "`meetscan admin set-pin` (or `meetscan init --admin-pin PIN`)",
                                                 kiosk->database.string()));
        kiosk->server = core::serverFromEnvironment(kiosk->server);
        kiosk->sound = !*mute;
        if (!badgesFile->empty()) {
            std::ifstream in(*badgesFile);
            if (!in)
                throw CliError::badInput("cannot read " + *badgesFile);
            for (std::string line; std::getline(in, line);)
                if (!line.empty())
                    kiosk->syntheticTexts.push_back(line);
        }
        if (auto ran = ui::runKiosk(*kiosk); !ran)
            throw CliError::from(ran.error());
    });
#else
    (void)context;
    app.add_subcommand("kiosk", "Not available: this meetscan was built without the UI")->callback(noUi);
#endif
}

void addDemoCommand(CLI::App& app) {
#ifdef MEETSCAN_HAS_UI
    auto demo = std::make_shared<ui::DemoRunOptions>();
    auto* demoCommand = app.add_subcommand("demo", "Create a demo event and run the kiosk on it");
    demoCommand->add_option("--dir", demo->directory, "Folder for everything the demo makes")->capture_default_str();
    demoCommand->add_flag("--headless", demo->headless, "Run a scripted session and save screenshots, without a screen");
    demoCommand->callback([demo] {
        demo->executable = std::filesystem::read_symlink("/proc/self/exe");
        if (auto ran = ui::runDemo(*demo); !ran)
            throw CliError::from(ran.error());
    });
#else
    app.add_subcommand("demo", "Not available: this meetscan was built without the UI")->callback(noUi);
#endif
}

} // namespace meetscan::cli
