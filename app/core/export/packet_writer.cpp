#include "core/export/packet_writer.hpp"

#include "core/export/atomic_file.hpp"
#include "core/export/csv_writer.hpp"
#include "core/export/event_logo.hpp"
#include "core/export/latin_fold.hpp"
#include "core/export/packet_connections_csv.hpp"
#include "core/export/packet_data.hpp"
#include "core/export/packet_folders.hpp"
#include "core/export/packet_fonts.hpp"
#include "core/export/packet_json.hpp"
#include "core/export/packet_pdf.hpp"
#include "core/export/vcard_writer.hpp"
#include "core/export/zip_archive.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

namespace meetscan::core {

namespace {

struct IndexRow {
    Attendee attendee;
    std::string location; // folder or zip file name, relative to DIR
    std::size_t connections = 0;
    std::size_t booths = 0;
};

std::vector<ZipEntry> packetFiles(const Packet& packet, PacketQrCache& qrCache) {
    auto pdf = packetPdf(packet, qrCache);
    if (!pdf)
        throw std::runtime_error(pdf.error().message);
    return {{"summary.pdf", std::move(pdf).value()},
            {"contacts.vcf", packetVcards(packet)},
            {"connections.csv", connectionsCsv(packet)},
            {"packet.json", packetJson(packet)}};
}

// A packet's folder is one plain name inside --out, whatever its attendee id holds: rows that
// arrived by merge or sync are checked on the way in, and this is the last word before a write.
Expected<std::filesystem::path> packetPath(const std::filesystem::path& outDir, const std::string& name) {
    const std::filesystem::path child(name);
    const bool plain = !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos &&
                       name.find('\0') == std::string::npos && child.filename() == child;
    auto base = outDir.lexically_normal();
    if (!base.has_filename()) // "out/" normalises with its trailing separator
        base = base.parent_path();
    const auto path = (base / child).lexically_normal();
    if (!plain || path.parent_path() != base)
        return Error::badInput(fmt::format("refusing to write packet \"{}\" outside {}", name, outDir.string()));
    return path;
}

Status writeFolder(const std::filesystem::path& outDir, const std::string& folder, std::vector<ZipEntry> files) {
    auto inside = packetPath(outDir, folder);
    if (!inside)
        return inside.error();
    const auto final = *inside;
    const auto temporary = temporaryPathFor(final);
    std::error_code error;
    std::filesystem::remove_all(temporary, error);
    std::filesystem::create_directories(temporary, error);
    if (error)
        return Error::world(fmt::format("{}: {}", temporary.string(), error.message()));
    for (const auto& file : files)
        if (auto status = writeWholeFile(temporary / file.name, file.bytes); !status)
            return status;
    return replaceFolder(temporary, final); // a packet from an earlier run stays until this one is in place
}

Status writeZip(const std::filesystem::path& outDir, const std::string& folder, std::vector<ZipEntry> files) {
    auto inside = packetPath(outDir, folder + ".zip");
    if (!inside)
        return inside.error();
    for (auto& file : files)
        file.name = folder + "/" + file.name;
    return writeZipAtomically(*inside, files);
}

// Every text of the event a summary.pdf may show, for the font cuts (packet_fonts.hpp).
std::vector<std::string> eventTexts(Store& store, const Event& event, const std::vector<Attendee>& attendees) {
    std::vector<std::string> texts{event.name};
    for (const auto& attendee : attendees)
        for (const auto* text : {&attendee.firstName, &attendee.lastName, &attendee.company, &attendee.title,
                                 &attendee.email, &attendee.phone})
            texts.push_back(*text);
    for (const auto& exhibitor : store.exhibitors().all()) {
        texts.push_back(exhibitor.id);
        texts.push_back(exhibitor.name);
        texts.push_back(exhibitor.booth);
        texts.push_back(exhibitor.contact.website);
        texts.push_back(exhibitor.contact.followUp);
    }
    for (const auto& station : store.events().allStations()) {
        texts.push_back(station.id);
        texts.push_back(station.name);
    }
    return texts;
}

} // namespace

std::unique_ptr<PacketFonts> packetFontsFor(Store& store, const Event& event, const std::vector<Attendee>& attendees) {
    // MEETSCAN_PACKET_SYSTEM_FONTS=1 turns the cuts off (to compare, or should a font ever misbehave).
    const char* systemFonts = std::getenv("MEETSCAN_PACKET_SYSTEM_FONTS");
    if (systemFonts != nullptr && std::string(systemFonts) == "1")
        return nullptr;
    return PacketFonts::prepare(eventTexts(store, event, attendees));
}

namespace {

// Folded here, on the export's own thread, before any worker starts: see LatinFolder.
std::vector<std::string> packetFolderNames(const std::vector<Attendee>& attendees) {
    LatinFolder latin;
    std::vector<std::string> names;
    names.reserve(attendees.size());
    for (const auto& attendee : attendees)
        names.push_back(packetFolderName(attendee, latin));
    return names;
}

Expected<std::vector<Attendee>> selectAttendees(Store& store, const std::vector<std::string>& named) {
    if (named.empty())
        return store.attendees().all();
    return store.attendees().named(named);
}

// Shared by the workers; each slot of `rows` is written by exactly one worker.
struct Job {
    Job(const PacketExportOptions& opts, const std::vector<Attendee>& people, Event ev, TimeMs at, bool skip,
        const PacketFonts* cutFonts)
        : options(opts), attendees(people), folders(packetFolderNames(people)), event(std::move(ev)), generatedAt(at),
          skipEmpty(skip), fonts(cutFonts), rows(people.size()) {}

    const PacketExportOptions& options;
    const std::vector<Attendee>& attendees;
    const std::vector<std::string> folders; // one per attendee
    Event event;
    TimeMs generatedAt = 0;
    bool skipEmpty = false;
    const PacketFonts* fonts = nullptr; // null: the system fonts as they are
    std::shared_ptr<const EventLogo> logo; // null: none
    PacketQrCache qrCache;
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    std::atomic<std::size_t> written{0};
    std::atomic<bool> failed{false};
    std::mutex errorMutex;
    std::optional<Error> error;
    std::vector<std::optional<IndexRow>> rows;

    [[nodiscard]] bool stopping() const {
        return failed.load() || (options.stop != nullptr && options.stop->load());
    }
    void fail(Error failure) {
        const std::lock_guard lock(errorMutex);
        if (!error)
            error = std::move(failure);
        failed = true;
    }
};

void work(Job& job, const std::filesystem::path& dbPath) {
    try {
        auto opened = Store::open(dbPath);
        if (!opened) {
            job.fail(opened.error());
            return;
        }
        auto& store = **opened;
        const PacketFonts::ThreadScope fonts(job.fonts);
        while (!job.stopping()) {
            const std::size_t index = job.next++;
            if (index >= job.attendees.size())
                return;
            auto packet = collectPacket(store, job.event, job.attendees[index], job.generatedAt);
            packet.logo = job.logo;
            const auto& summary = packet.summary;
            if (!job.skipEmpty || !summary.people.empty() || !summary.booths.empty()) {
                auto files = packetFiles(packet, job.qrCache);
                const auto& folder = job.folders[index];
                auto status = job.options.zip ? writeZip(job.options.outDir, folder, std::move(files))
                                              : writeFolder(job.options.outDir, folder, std::move(files));
                if (!status) {
                    job.fail(status.error());
                    return;
                }
                job.rows[index] = IndexRow{summary.attendee, job.options.zip ? folder + ".zip" : folder,
                                           summary.people.size(), summary.booths.size()};
                ++job.written;
            }
            ++job.done;
        }
    } catch (const std::exception& e) { // the worker loop's edge: errors leave as values
        job.fail(Error::world(e.what()));
    }
}

void reportProgress(Job& job, std::size_t total) {
    if (!job.options.progress)
        return;
    using Clock = std::chrono::steady_clock;
    auto lastTime = Clock::now();
    std::size_t lastStep = 0;
    for (;;) {
        const std::size_t done = job.done.load();
        const bool finished = done >= total || job.stopping();
        const std::size_t step = total == 0 ? 20 : done * 20 / total; // 5 % steps
        if (finished || step > lastStep || Clock::now() - lastTime >= std::chrono::seconds(1)) {
            job.options.progress({done, total, job.written.load()});
            lastTime = Clock::now();
            lastStep = step;
        }
        if (finished)
            return;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

// After the workers: DIR keeps exactly the packets index.csv lists. This run's packets; the
// leftovers of a run stopped hard and the packets of erased people go; so, after a whole-event
// run that finished, does every other packet of ours (people who now have nothing to show, a
// name or --zip that changed). A run for named attendees, or one that was interrupted, keeps
// the other packets of earlier runs, listed from the database as they are now. What is not ours
// is left alone (packet_folders.hpp).
Expected<std::vector<IndexRow>> reconcile(Store& store, const Job& job, bool keepOthers, std::size_t& removed) {
    std::vector<IndexRow> rows;
    std::set<std::string> written;
    for (const auto& row : job.rows)
        if (row) {
            rows.push_back(*row);
            written.insert(row->location);
        }
    std::vector<IndexRow> kept;
    for (auto& entry : ourPacketEntries(store, job.options.outDir)) {
        if (written.count(entry.name) != 0)
            continue;
        if (!entry.leftover && !entry.attendee.erased && keepOthers) {
            const auto packet = collectPacket(store, job.event, entry.attendee, job.generatedAt);
            kept.push_back({entry.attendee, entry.name, packet.summary.people.size(), packet.summary.booths.size()});
            continue;
        }
        std::error_code error;
        std::filesystem::remove_all(job.options.outDir / entry.name, error);
        if (error)
            return Error::world(fmt::format("{}: cannot remove: {}", (job.options.outDir / entry.name).string(),
                                            error.message()));
        removed += entry.leftover ? 0 : 1;
    }
    rows.insert(rows.end(), kept.begin(), kept.end());
    return rows;
}

std::string indexCsv(const std::vector<IndexRow>& rows) {
    CsvWriter csv;
    csv.row({"Attendee ID", "First name", "Last name", "Name", "E-mail", "Folder", "Connections", "Booths"});
    for (const auto& row : rows)
        csv.row({row.attendee.id, row.attendee.firstName, row.attendee.lastName, row.attendee.displayName(),
                 row.attendee.email, row.location, std::to_string(row.connections), std::to_string(row.booths)});
    return csv.take();
}

} // namespace

Expected<PacketExportResult> exportPackets(Store& store, const PacketExportOptions& options) {
    auto selected = selectAttendees(store, options.attendees);
    if (!selected)
        return selected.error();
    std::error_code error;
    std::filesystem::create_directories(options.outDir, error);
    if (error)
        return Error::world(fmt::format("{}: {}", options.outDir.string(), error.message()));

    const auto event = store.events().event();
    // Cutting the big fonts takes about a second: worth it for the whole event, where it saves
    // ~10 ms a packet, and it needs every text of the event, which only the whole roster gives.
    const auto fonts = options.attendees.empty() ? packetFontsFor(store, event, *selected) : nullptr;
    Job job(options, *selected, event, nowMs(), options.attendees.empty(), fonts.get());
    PacketExportResult result;
    // Checked once here, so that a setting gone bad costs one warning, not the export.
    if (auto zone = TimeZone::forSetting(event.settings.timeZone); !zone)
        result.warnings.push_back(fmt::format("time_zone setting: {}; times are in UTC", zone.error().message));
    if (auto logo = eventLogo(event.settings))
        job.logo = *logo;
    else
        result.warnings.push_back(fmt::format("{}; the packets have no logo", logo.error().message));
    const unsigned cores = options.threads != 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency());
    const auto threads = std::min<std::size_t>(cores, std::max<std::size_t>(1, selected->size()));
    {
        std::vector<std::jthread> workers;
        for (std::size_t i = 0; i < threads; ++i)
            workers.emplace_back([&job, path = store.path()] { work(job, path); });
        reportProgress(job, selected->size());
    }
    if (job.error)
        return *job.error;

    result.considered = selected->size();
    for (const auto& row : job.rows)
        result.written += row ? 1 : 0;
    result.interrupted = options.stop != nullptr && options.stop->load() && job.done.load() < selected->size();
    const bool keepOthers = result.interrupted || !options.attendees.empty();
    auto rows = reconcile(store, job, keepOthers, result.removed);
    if (!rows)
        return rows.error();
    result.listed = rows->size();
    if (auto status = writeFileAtomically(options.outDir / "index.csv", indexCsv(*rows)); !status)
        return status.error();
    return result;
}

} // namespace meetscan::core
