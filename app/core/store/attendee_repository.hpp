#pragma once
#include "core/domain/attendee.hpp"
#include "meetscan/scanner/expected.hpp"

#include <SQLiteCpp/Database.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace meetscan::core {

struct ImportCounts {
    int added = 0;
    int updated = 0;
    int unchanged = 0;
};

class AttendeeRepository {
public:
    explicit AttendeeRepository(SQLite::Database& db) : m_db(db) {}

    // All or nothing, in one transaction: people are matched by badge code (their id derives
    // from it), updated in place, never duplicated. Erased people stay erased.
    Expected<ImportCounts> importAll(const std::vector<Attendee>& attendees);

    // Takes one person at a time; the attendee need only live for the call.
    using AttendeeWriter = std::function<Status(const Attendee&)>;
    // Hands every person to the writer once, in any order, and returns the first error (an
    // exception it throws counts as a world error). It is called on a thread of its own, so that
    // reading the next rows overlaps writing these: it must not touch this repository's database.
    using AttendeeFeed = std::function<Status(const AttendeeWriter&)>;
    // The same import, streamed, so a large roster is never held in memory: still one
    // transaction, all or nothing. `expectedRows` is how many people the feed will hand over.
    Expected<ImportCounts> importFeed(std::size_t expectedRows, const AttendeeFeed& feed);

    [[nodiscard]] std::vector<Attendee> all() const; // erased people are left out
    // Those with a follow-up to receive: not erased, and met someone not erased or visited a booth.
    [[nodiscard]] std::vector<Attendee> withFollowUp() const;
    [[nodiscard]] std::optional<Attendee> byId(const std::string& id) const;
    // byId for many at once, in two queries rather than two a person (a packet names everyone
    // met). Unknown ids are missing from the map.
    [[nodiscard]] std::unordered_map<std::string, Attendee> byIds(const std::vector<std::string>& ids) const;
    // Matches the badge code or any of the other codes.
    [[nodiscard]] std::optional<Attendee> byCode(const std::string& code) const;
    [[nodiscard]] std::optional<Attendee> byEmail(const std::string& email) const;
    // An id, a badge code or an e-mail, as typed on the command line.
    [[nodiscard]] std::optional<Attendee> find(const std::string& idCodeOrEmail) const;
    // Everyone `--attendee` names (find() each), each person once however often named; an unknown
    // or erased one is bad input naming the key.
    [[nodiscard]] Expected<std::vector<Attendee>> named(const std::vector<std::string>& keys) const;
    // Adds someone met through a self-contained contact badge (vCard, MECARD) who is not on the roster.
    Expected<Attendee> addWalkIn(Attendee attendee);
    [[nodiscard]] int count() const;

private:
    SQLite::Database& m_db;
};

} // namespace meetscan::core
