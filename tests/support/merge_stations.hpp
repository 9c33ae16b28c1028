#pragma once
// Header-only harness for the merge tests (core and CLI): an event of several stations, each its
// own database file, filled through the real ScanSession and repositories with a seeded random
// day of scans, meetings, leads, lead edits, roster re-imports, erasures and trusted keys; and a
// canonical dump of every merged table for comparing databases. Needs meetscan::core.
#include "core/merge/merge_rules.hpp"
#include "core/session/scan_session.hpp"
#include "core/store/erasure.hpp"
#include "core/store/store.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace meetscan::test {

inline std::unique_ptr<core::Store> openStore(const std::filesystem::path& path) {
    auto store = core::Store::open(path);
    if (!store)
        throw std::runtime_error(store.error().message);
    return std::move(store).value();
}

// Makes `store` another copy of the office that `officeSecret` proves (row_owners.hpp): these
// suites fold the merge rules over databases that each hold the roster, as copies of one office.
inline void shareOffice(core::Store& store, const std::string& officeSecret) {
    SQLite::Statement save(store.database(), "UPDATE meta SET value = ? WHERE key = 'office_secret'");
    save.bind(1, officeSecret);
    save.exec();
}

inline std::string officeSecretOf(core::Store& store) {
    return store.database().execAndGet("SELECT value FROM meta WHERE key = 'office_secret'").getString();
}

// A consistent copy of a closed or open database file (VACUUM INTO keeps user_version).
inline void snapshotDatabase(const std::filesystem::path& from, const std::filesystem::path& to) {
    SQLite::Database source(from.string(), SQLite::OPEN_READONLY);
    SQLite::Statement vacuum(source, "VACUUM INTO ?");
    vacuum.bind(1, to.string());
    vacuum.exec();
}

// Every row of every merged table (and the connection view), each table sorted: two databases
// hold the same merged data exactly when their dumps are equal. `meta` and `event` (which
// station this is, and its local settings) are left out.
inline std::string canonicalDump(SQLite::Database& db) {
    std::vector<std::string> tables = core::foldedTables();
    tables.emplace_back("connection");
    std::string dump;
    for (const auto& table : tables) {
        std::vector<std::string> columns;
        SQLite::Statement info(db, fmt::format("SELECT name FROM pragma_table_info('{}') ORDER BY cid", table));
        while (info.executeStep())
            columns.push_back(fmt::format("quote({})", info.getColumn(0).getString()));
        std::string select;
        for (const auto& column : columns)
            select += (select.empty() ? "" : " || '|' || ") + column;
        SQLite::Statement rows(db, fmt::format("SELECT {} FROM {}", select, table));
        std::vector<std::string> lines;
        while (rows.executeStep())
            lines.push_back(rows.getColumn(0).getString());
        std::sort(lines.begin(), lines.end());
        dump += fmt::format("== {} ({} rows)\n", table, lines.size());
        for (const auto& line : lines)
            dump += line + "\n";
    }
    return dump;
}

inline std::string canonicalDump(const std::filesystem::path& path) {
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    return canonicalDump(db);
}

inline core::Attendee rosterPerson(int index, int version) {
    core::Attendee a;
    a.badgeCode = fmt::format("P{:02}", index);
    a.firstName = fmt::format("First{}", index);
    a.lastName = fmt::format("Last{}", index);
    a.company = version == 1 ? fmt::format("Company {}", index % 7) : fmt::format("Company {} v{}", index % 7, version);
    a.title = version == 1 ? "Engineer" : fmt::format("Title v{}", version);
    a.email = fmt::format("p{}@example.org", index);
    a.ticketType = index % 5 == 0 ? "speaker" : "regular";
    a.consentExhibitors = index % 11 != 3;
    if (index % 4 == 1)
        a.otherCodes.push_back(fmt::format("ALT{:02}", index));
    return a;
}

inline core::Attendee staffMember(const std::string& code, const std::string& exhibitor) {
    core::Attendee a;
    a.badgeCode = code;
    a.firstName = "Staff";
    a.lastName = code;
    a.company = exhibitor;
    a.exhibitorId = exhibitor;
    a.role = "exhibitor";
    return a;
}

// One event, `stations` kiosks (meet, booth acme, booth acme, booth globex, meet, ...), each
// with its own database file and a random, seeded day of activity.
class MergeEvent {
public:
    static constexpr int kPeople = 24;

    MergeEvent(const std::filesystem::path& dir, unsigned seed, int stations) : m_random(seed) {
        core::Event event;
        std::string officeSecret;
        {
            auto organiser = openStore(dir / "organiser.db");
            event = organiser->events().event();
            event.name = "Merge Fest";
            check(organiser->events().saveEvent(event));
            officeSecret = officeSecretOf(*organiser);
        }
        m_eventId = event.id;
        for (int i = 0; i < stations; ++i) {
            const auto path = dir / fmt::format("station-{}.db", i);
            auto store = openStore(path);
            check(store->events().saveEvent(event));
            shareOffice(*store, officeSecret);
            auto station = store->events().station();
            station.name = fmt::format("kiosk-{}", i);
            station.mode = i % 4 == 0 ? core::Mode::Meet : core::Mode::Booth;
            station.exhibitorId = i % 4 == 0 ? "" : (i % 4 == 3 ? "globex" : "acme");
            check(store->events().saveStation(station));
            fillStation(*store, i);
            m_files.push_back(path);
        }
    }

    [[nodiscard]] const std::vector<std::filesystem::path>& files() const { return m_files; }
    [[nodiscard]] const std::string& eventId() const { return m_eventId; }
    [[nodiscard]] const std::vector<std::string>& erased() const { return m_erased; }

private:
    template <class T>
    static void check(const Expected<T>& result) {
        if (!result)
            throw std::runtime_error(result.error().message);
    }

    int pick(int below) { return std::uniform_int_distribution<int>(0, below - 1)(m_random); }
    bool chance(int percent) { return pick(100) < percent; }

    void importRoster(core::Store& store, int version) {
        std::vector<core::Attendee> people;
        for (int i = 0; i < kPeople + (version - 1) * 2; ++i)
            people.push_back(rosterPerson(i, i % 3 == version % 3 ? version : 1));
        people.push_back(staffMember("S1", "acme"));
        people.push_back(staffMember("S2", "globex"));
        check(store.attendees().importAll(people));
    }

    void fillStation(core::Store& store, int index) {
        check(store.exhibitors().importAll({{"acme", "Acme Robotics", "B12", {"demo", "pricing"}, {}, {}},
                                            {"globex", "Globex", "C3", {"hot"}, {}, {}}}));
        importRoster(store, 1);
        store.keys().trust({"meetscan", fmt::format("shared-key-{}", pick(2))});
        if (chance(50))
            store.keys().trust({"pretix", fmt::format("station-key-{}", index)});

        core::ScanSession session(store);
        core::TimeMs now = 1'800'000'000'000 + pick(600'000);
        const bool booth = session.station().mode == core::Mode::Booth;
        const int actions = 30 + pick(30);
        for (int step = 0; step < actions; ++step) {
            now += 500 + pick(30'000);
            std::string code = fmt::format("P{:02}", pick(kPeople + 4)); // a few are not on the roster yet
            if (chance(5))
                code = "nobody-" + std::to_string(pick(1000));
            if (booth && chance(10))
                code = session.station().exhibitorId == "acme" ? "S1" : "S2";
            const auto decision = session.onScan({code, "QRCode"}, now);
            if (!decision.saved)
                throw std::runtime_error(decision.error);
            if (decision.lead && chance(50)) {
                core::Lead edited = *decision.lead;
                const char* ratings[] = {"", "hot", "warm", "cold"};
                edited.rating = ratings[pick(4)];
                if (chance(50))
                    edited.tags = {chance(50) ? "demo" : "pricing"};
                if (chance(50))
                    edited.note = fmt::format("note {} from kiosk-{}", pick(100), index);
                if (chance(30))
                    edited.answers["budget"] = std::to_string(pick(5) * 1000);
                if (chance(20))
                    edited.staffId = "staff-" + std::to_string(pick(3));
                check(session.saveLead(edited, now + 1000 + pick(5000)));
            }
            if (step == actions / 2 && chance(50))
                importRoster(store, 2 + pick(2)); // a newer registration export arrives
            if (chance(3)) {
                const auto person = core::attendeeIdForCode(fmt::format("P{:02}", pick(kPeople)));
                check(core::eraseAttendee(store.database(), person, session.station().id));
                m_erased.push_back(person);
            }
        }
    }

    std::mt19937 m_random;
    std::string m_eventId;
    std::vector<std::filesystem::path> m_files;
    std::vector<std::string> m_erased;
};

} // namespace meetscan::test
