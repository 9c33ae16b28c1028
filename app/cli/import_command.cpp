// meetscan import roster FILE [--preset ...] [--map FIELD=COLUMN]... [--skip-bad-rows]
// meetscan import exhibitors FILE
// The file is read and checked completely before the database is opened: a bad file leaves the
// database as it was (not even created).
#include "cli/commands.hpp"
#include "cli/sigbus_guard.hpp"
#include "core/roster/exhibitor_import.hpp"
#include "core/roster/mapped_text.hpp"
#include "core/roster/roster_check.hpp"
#include "core/roster/roster_import.hpp"
#include "core/store/attendee_repository.hpp"

#include <fmt/core.h>
#include <memory>

namespace meetscan::cli {

namespace {

struct RosterArguments {
    std::string file;
    std::string preset = "auto";
    std::vector<std::string> maps;
    bool skipBadRows = false;
};

core::RosterImportOptions rosterOptions(const RosterArguments& arguments) {
    core::RosterImportOptions options;
    auto preset = core::presetFromName(arguments.preset);
    if (!preset)
        throw CliError::badInput(
            fmt::format("unknown preset \"{}\" (choose auto, pretix, eventbrite, hievents or "
                        "generic)",
                        arguments.preset));
    options.preset = *preset;
    for (const std::string& map : arguments.maps) {
        auto equals = map.find('=');
        if (equals == std::string::npos || equals == 0 || equals + 1 == map.size())
            throw CliError::badInput(
                fmt::format("--map {}: expected FIELD=COLUMN, e.g. --map badge_code=\"Ticket\"", map));
        options.overrides.emplace_back(map.substr(0, equals), map.substr(equals + 1));
    }
    options.skipBadRows = arguments.skipBadRows;
    return options;
}

// Two passes over the text: the first checks every row (nothing is written unless the whole file
// is right) and notes where each good row starts; the second reads the rows again, one at a time,
// in id order, into one transaction: the store's B-tree then grows by appends, and the roster's
// people are never all held in memory, which for 100,000 rows cost more than reading twice.
void importRoster(CliContext& context, const RosterArguments& arguments) {
    const core::RosterImportOptions options = rosterOptions(arguments);
    const SigbusGuard fileLost; // outlives the mapping below
    const core::MappedText file = orThrow(core::MappedText::open(arguments.file));
    const std::string_view content = file.text();
    core::RosterScanResult checked = orThrow(core::checkRoster(content, arguments.file, options)); // in id order
    for (const core::RosterProblem& problem : checked.skipped)
        fmt::print(stderr, "meetscan: skipped {}\n", problem.message());

    auto imported = context.officeStore("the roster is imported").attendees().importFeed(
        checked.places.size(), [&](const core::AttendeeRepository::AttendeeWriter& write) -> Status {
            auto written = core::readRosterRows(content, arguments.file, options, checked.places, write);
            if (!written)
                return written.error();
            return Done{};
        });
    if (!imported && imported.error().kind == Error::Kind::World) // a full disk, a lost USB stick
        throw CliError::world(imported.error().message + "; nothing was imported");
    const core::ImportCounts counts = orThrow(std::move(imported));
    std::string badRows =
        checked.skipped.empty() ? "" : fmt::format("; {} bad rows skipped", checked.skipped.size());
    fmt::print("imported {} attendees from {} ({} added, {} updated, {} unchanged; {} refunded or cancelled "
               "skipped{}; preset {})\n",
               checked.rows, arguments.file, counts.added, counts.updated, counts.unchanged, checked.cancelled,
               badRows, core::presetName(checked.preset));
}

void importExhibitors(CliContext& context, const std::string& file) {
    std::vector<core::Exhibitor> exhibitors;
    {
        const SigbusGuard fileLost; // outlives the mapping below
        const core::MappedText mapped = orThrow(core::MappedText::open(file));
        exhibitors = orThrow(core::parseExhibitors(mapped.text(), file));
    }
    core::ImportCounts counts = orThrow(context.officeStore("exhibitors are imported").exhibitors().importAll(exhibitors));
    fmt::print("imported {} exhibitors from {} ({} added, {} updated, {} unchanged)\n", exhibitors.size(),
               file, counts.added, counts.updated, counts.unchanged);
}

} // namespace

void addImportCommands(CLI::App& app, CliContext& context) {
    auto* import = app.add_subcommand("import", "Load the roster or the exhibitors from a file");
    import->require_subcommand(1);

    auto roster = std::make_shared<RosterArguments>();
    auto* rosterCommand = import->add_subcommand(
        "roster", "Import the registration system's attendee export (CSV); all or nothing");
    rosterCommand
        ->add_option("FILE", roster->file,
                     "The export: pretix order positions, Eventbrite attendee report, "
                     "Hi.Events attendees or a generic CSV")
        ->required();
    rosterCommand->add_option("--preset", roster->preset,
                              "auto|pretix|eventbrite|hievents|generic (default: auto)");
    rosterCommand
        ->add_option(
            "--map", roster->maps,
            "FIELD=COLUMN, repeatable; FIELD: badge_code, other_codes, first_name, last_name, name, company, "
            "title, email, phone, country, ticket_type, role, exhibitor, consent_exhibitors, "
            "consent_networking")
        ->allow_extra_args(false);
    rosterCommand->add_flag("--skip-bad-rows", roster->skipBadRows,
                            "Import the good rows and list each bad one on stderr instead of stopping");
    rosterCommand->callback([&context, roster] { importRoster(context, *roster); });

    auto exhibitorsFile = std::make_shared<std::string>();
    auto* exhibitorsCommand = import->add_subcommand(
        "exhibitors",
        "Import exhibitors from CSV (id,name,booth,tags,questions,contact_emails,website,follow_up) or TOML "
        "([[exhibitor]] tables)");
    exhibitorsCommand->add_option("FILE", *exhibitorsFile, "exhibitors.csv or exhibitors.toml")->required();
    exhibitorsCommand->footer(
        "CSV: tags, questions and contact e-mails are separated by |, a question's options by / inside [..]:\n"
        "  id,name,booth,tags,questions,contact_emails,website,follow_up\n"
        "  acme,ACME Corp,B12,partner|hot lead,Budget? [<10k/10-50k/>50k]|Use case,"
        "sales@acme.example|ceo@acme.example,https://acme.example,https://acme.example/demo\n"
        "TOML:\n"
        "  [[exhibitor]]\n"
        "  id = \"acme\"\n  name = \"ACME Corp\"\n  booth = \"B12\"\n  tags = [\"partner\", \"hot lead\"]\n"
        "  contact_emails = [\"sales@acme.example\"]    # the lead list goes here (send leads)\n"
        "  website = \"https://acme.example\"          # shown in visitors' follow-up\n"
        "  follow_up = \"https://acme.example/demo\"   # a brochure or booking page for visitors\n"
        "  [[exhibitor.question]]\n"
        "  id = \"budget\"\n  text = \"Budget?\"\n  options = [\"<10k\", \"10-50k\", \">50k\"]");
    exhibitorsCommand->callback([&context, exhibitorsFile] { importExhibitors(context, *exhibitorsFile); });
}

} // namespace meetscan::cli
