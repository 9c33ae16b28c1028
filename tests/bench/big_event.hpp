#pragma once
// The big event the export and send benchmarks share: ATTENDEES people in six scripts, each met
// CONNECTIONS_EACH others at two lounges, and LEADS leads at one exhibitor (BigCo, with contact
// addresses, a website and a follow-up link).
#include "core/store/store.hpp"

#include <SQLiteCpp/Transaction.h>
#include <filesystem>
#include <fmt/core.h>
#include <vector>

namespace meetscan::bench {

inline bool buildBigEvent(const std::filesystem::path& db, int attendees, int connectionsEach, int leads) {
    auto store = std::move(core::Store::open(db)).value();
    std::vector<core::Attendee> people;
    const char* firsts[] = {"Ana", "Борис", "小明", "Ελένη", "Priya", "Jean-Luc"};
    for (int i = 0; i < attendees; ++i) {
        core::Attendee a;
        a.badgeCode = fmt::format("EXPORT-{:06d}", i);
        a.id = core::attendeeIdForCode(a.badgeCode);
        a.firstName = firsts[i % 6];
        a.lastName = fmt::format("Person{}", i);
        a.company = fmt::format("Company {}", i % 300);
        a.title = "Engineer";
        a.email = fmt::format("p{}@example.org", i);
        a.phone = fmt::format("+351 21 000 {:04d}", i % 10000);
        people.push_back(std::move(a));
    }
    if (!store->attendees().importAll(people)) {
        fmt::print(stderr, "roster import failed\n");
        return false;
    }
    core::Exhibitor bigco;
    bigco.id = "bigco";
    bigco.name = "BigCo";
    bigco.questions = {{"budget", "Budget?", {}}, {"when", "Timeline?", {}}};
    bigco.contact = {{"leads@bigco.example"}, "https://bigco.example", "https://bigco.example/demo"};
    (void)store->exhibitors().importAll({bigco});
    const auto station = store->events().station().id;
    // Meetings at two lounges, so every packet says at which station (packet_places.hpp).
    const core::Station hall{core::newUlid(), "Hall B lounge", core::Mode::Meet, ""};
    (void)store->events().saveStation(hall);
    const core::TimeMs t0 = 1795000000000;
    SQLite::Transaction transaction(store->database());
    for (int i = 0; i < attendees; ++i)
        for (int k = 1; k <= connectionsEach; ++k) {
            const auto at = t0 + i * 1000 + k;
            store->meetings().add({core::newUlid(at), k % 2 == 0 ? hall.id : station, at,
                                   people[static_cast<size_t>(i)].id,
                                   people[static_cast<size_t>((i + k) % attendees)].id, "", ""});
        }
    for (int i = 0; i < leads; ++i) {
        auto lead =
            store->leads().touch("bigco", people[static_cast<size_t>(i)].id, "", station, t0 + i).lead;
        lead.rating = i % 3 == 0 ? "hot" : "warm";
        lead.tags = {"demo", "pricing"};
        lead.answers = {{"budget", "50k"}, {"when", "Q2"}};
        lead.note = "Talked about the roadmap, wants a call";
        store->leads().saveEdits(lead, station, t0 + i + 500);
    }
    transaction.commit();
    fmt::print("{} attendees, {} connections, {} leads\n", attendees, store->meetings().connectionCount(),
               store->leads().count());
    return true;
}

} // namespace meetscan::bench
