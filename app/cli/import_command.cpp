// meetscan import roster FILE [--preset ...] [--map FIELD=COLUMN]... [--skip-bad-rows]
// meetscan import exhibitors FILE
// The file is read and checked completely before the database is opened: a bad file leaves the
// database as it was.
#include "cli/commands.hpp"
#include "cli/sigbus_guard.hpp"
#include "core/roster/exhibitor_import.hpp"
#include "core/roster/mapped_text.hpp"
#include "core/roster/roster_field_report.hpp"
#include "core/roster/roster_check.hpp"
#include "core/roster/roster_import.hpp"
#include "core/store/attendee_repository.hpp"

#include <fmt/core.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>

namespace meetscan::cli {

namespace {

struct RosterArguments {
    std::string file;
    std::string preset = "auto";
    std::vector<std::string> maps;
    bool skipBadRows = false;
    bool json = false;
    std::string consentDefault; // yes | no | "" (not given)
    bool buyerContact = false;
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
    if (!arguments.consentDefault.empty())
        options.consentDefault = arguments.consentDefault == "yes";
    options.buyerContact = arguments.buyerContact;
    return options;
}

// On stderr, for a person: where each field came from, what the missing ones are, and which
// unused columns look like a field.
void printFieldReport(const core::RosterFieldReport& report, const std::string& file) {
    fmt::print(stderr, "meetscan: {} read as {}:\n", file, core::presetName(report.preset));
    for (const auto& source : report.found) {
        std::vector<std::string> quoted;
        for (const auto& column : source.columns)
            quoted.push_back('"' + column + '"');
        fmt::print(stderr, "  {:<19} from {}\n", source.field, fmt::join(quoted, ", else "));
    }
    for (const auto& missing : report.missing)
        fmt::print(stderr, "  {:<19} not in the file: {}\n", missing.field, missing.value);
    for (const auto& hint : report.hints) {
        if (hint.map.starts_with("--map"))
            fmt::print(stderr, "meetscan: hint: column \"{}\" looks like {}, and was not read: take it with {}\n",
                       hint.column, hint.field, hint.map);
        else
            fmt::print(stderr, "meetscan: hint: column \"{}\" is the buyer's {}, and was not read: {} fills an "
                               "attendee's empty {} from it\n",
                       hint.column, hint.field, hint.map, hint.field);
    }
}

nlohmann::json fieldReportJson(const core::RosterFieldReport& report) {
    nlohmann::json fields = nlohmann::json::object();
    for (const auto& source : report.found)
        fields[source.field] = source.columns;
    nlohmann::json defaults = nlohmann::json::object();
    for (const auto& missing : report.missing)
        defaults[missing.field] = missing.value;
    nlohmann::json hints = nlohmann::json::array();
    for (const auto& hint : report.hints)
        hints.push_back({{"column", hint.column}, {"field", hint.field}, {"map", hint.map}});
    return {{"fields", fields}, {"defaults", defaults}, {"hints", hints}};
}

// Two passes over the text: the first checks every row (nothing is written unless the whole file
// is right) and notes where each good row starts; the second reads the rows again, one at a time,
// in id order, into one transaction: the store's B-tree then grows by appends, and the roster's
// people are never all held in memory, which for 100,000 rows cost more than reading twice.
void importRoster(CliContext& context, const RosterArguments& arguments) {
    const core::RosterImportOptions options = rosterOptions(arguments);
    (void)context.existingDatabasePath(); // a mistyped --db fails before the file is read
    const SigbusGuard fileLost; // outlives the mapping below
    const core::MappedText file = orThrow(core::MappedText::open(arguments.file));
    const std::string_view content = file.text();
    const core::RosterFieldReport fieldReport = orThrow(core::rosterFieldReport(content, arguments.file, options));
    // Consent is never assumed: an export that cannot say whether exhibitors may scan each person
    // needs the organiser's word for everyone.
    const bool saysConsent = std::any_of(fieldReport.found.begin(), fieldReport.found.end(),
                                         [](const auto& source) { return source.field == "consent_exhibitors"; });
    if (!saysConsent && !options.consentDefault)
        throw CliError::badInput(fmt::format(
            "{}: no column says whether exhibitors may scan each attendee (consent_exhibitors): map the export's "
            "consent question with --map consent_exhibitors=COLUMN, or say --consent-default yes|no for everyone",
            arguments.file));
    core::RosterScanResult checked = orThrow(core::checkRoster(content, arguments.file, options)); // in id order

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
    printFieldReport(fieldReport, arguments.file);
    for (const core::RosterProblem& problem : checked.skipped)
        fmt::print(stderr, "meetscan: skipped {}\n", problem.message());
    if (arguments.json) {
        nlohmann::json out = fieldReportJson(fieldReport);
        out.update({{"file", arguments.file},
                    {"preset", core::presetName(checked.preset)},
                    {"attendees", checked.rows},
                    {"added", counts.added},
                    {"updated", counts.updated},
                    {"unchanged", counts.unchanged},
                    {"cancelled", checked.cancelled},
                    {"bad_rows", checked.skipped.size()}});
        fmt::print("{}\n", out.dump());
        return;
    }
    std::string badRows =
        checked.skipped.empty() ? "" : fmt::format("; {} bad rows skipped", checked.skipped.size());
    fmt::print("imported {} attendees from {} ({} added, {} updated, {} unchanged; {} refunded or cancelled "
               "skipped{}; preset {})\n",
               checked.rows, arguments.file, counts.added, counts.updated, counts.unchanged, checked.cancelled,
               badRows, core::presetName(checked.preset));
}

void importExhibitors(CliContext& context, const std::string& file) {
    (void)context.existingDatabasePath(); // a mistyped --db fails before the file is read
    std::vector<core::Exhibitor> exhibitors;
    {
        const SigbusGuard fileLost; // outlives the mapping below
        const core::MappedText mapped = orThrow(core::MappedText::open(file));
        exhibitors = orThrow(core::parseExhibitors(mapped.text(), file));
    }
    for (const std::string& warning : core::exhibitorWarnings(exhibitors, file))
        fmt::print(stderr, "meetscan: warning: {}\n", warning);
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
    rosterCommand
        ->add_option("--consent-default", roster->consentDefault,
                     "yes|no: each attendee's consent where the export does not say (needed when it has no "
                     "consent_exhibitors column)")
        ->check(CLI::IsMember({"yes", "no"}));
    rosterCommand->add_flag("--buyer-contact", roster->buyerContact,
                            "pretix: fill an attendee's empty e-mail and phone from the order's (the buyer's)");
    rosterCommand->add_flag("--json", roster->json,
                            "One JSON object: the counts, and fields (column per field), defaults (fields not in "
                            "the file) and hints (columns that look like a field, with the --map that takes them)");
    rosterCommand->footer("Once imported, it says on stderr which column each field came from, what the fields "
                          "missing from the file become, and which columns look like a field it did not read.");
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
