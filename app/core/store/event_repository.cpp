#include "core/store/event_repository.hpp"

#include "core/domain/local_time.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <array>
#include <climits>
#include <cstdint>

namespace meetscan::core {

namespace {

nlohmann::json toJson(const EventSettings& s) {
    return {{"pairing_window_seconds", s.pairingWindowSeconds},
            {"result_seconds", s.resultSeconds},
            {"summary_seconds", s.summarySeconds},
            {"debounce_ms", s.debounceMs},
            {"paper", s.paper},
            {"accent_colour", s.accentColour},
            {"url_patterns", s.urlPatterns},
            {"time_zone", s.timeZone},
            {"logo", s.logo}};
}

// The settings row may come from another hand (a merge, the central server, an organiser's edit):
// a member of the wrong type or out of range keeps its default instead of throwing
// (json::value throws on a type mismatch, and a float out of int's range is undefined behaviour).
void readInt(const nlohmann::json& json, const char* key, int& into) {
    const auto it = json.find(key);
    if (it == json.end() || !it->is_number_integer())
        return;
    if (it->is_number_unsigned()) {
        if (const auto value = it->get<std::uint64_t>(); value <= static_cast<std::uint64_t>(INT_MAX))
            into = static_cast<int>(value);
        return;
    }
    if (const auto value = it->get<std::int64_t>(); value >= INT_MIN && value <= INT_MAX)
        into = static_cast<int>(value);
}

void readString(const nlohmann::json& json, const char* key, std::string& into) {
    const auto it = json.find(key);
    if (it != json.end() && it->is_string())
        into = it->get<std::string>();
}

void readStrings(const nlohmann::json& json, const char* key, std::vector<std::string>& into) {
    const auto it = json.find(key);
    if (it == json.end() || !it->is_array())
        return;
    std::vector<std::string> strings;
    for (const auto& item : *it) {
        if (!item.is_string())
            return;
        strings.push_back(item.get<std::string>());
    }
    into = std::move(strings);
}

EventSettings settingsFromJson(const std::string& text) {
    EventSettings s;
    auto json = nlohmann::json::parse(text, nullptr, false);
    if (!json.is_object())
        return s;
    readInt(json, "pairing_window_seconds", s.pairingWindowSeconds);
    readInt(json, "result_seconds", s.resultSeconds);
    readInt(json, "summary_seconds", s.summarySeconds);
    readInt(json, "debounce_ms", s.debounceMs);
    readString(json, "paper", s.paper);
    readString(json, "accent_colour", s.accentColour);
    readStrings(json, "url_patterns", s.urlPatterns);
    readString(json, "time_zone", s.timeZone);
    if (!isZoneNameShape(s.timeZone))
        s.timeZone.clear(); // not a zone name at all: the machine's zone, rather than a path to open
    readString(json, "logo", s.logo);
    return s;
}

std::string hostName() {
    std::array<char, 256> name{};
    if (gethostname(name.data(), name.size() - 1) != 0 || name[0] == '\0')
        return "kiosk";
    return name.data();
}

} // namespace

Event EventRepository::event() const {
    SQLite::Statement query(m_db, "SELECT id, name, settings, created_at FROM event WHERE id = "
                                  "(SELECT value FROM meta WHERE key = 'event_id')");
    Event event;
    if (query.executeStep()) {
        event.id = query.getColumn(0).getString();
        event.name = query.getColumn(1).getString();
        event.settings = settingsFromJson(query.getColumn(2).getString());
        event.createdAt = query.getColumn(3).getInt64();
    }
    // The PIN is this station's own (migration 9): never part of the settings that travel.
    event.settings.adminPinHash = metaValue("admin_pin_hash");
    return event;
}

Status EventRepository::saveEvent(const Event& event) {
    SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement upsert(m_db, "INSERT INTO event (id, name, settings, created_at) VALUES (?, ?, ?, ?) "
                                   "ON CONFLICT (id) DO UPDATE SET name = excluded.name, settings = excluded.settings");
    upsert.bind(1, event.id);
    upsert.bind(2, event.name);
    upsert.bind(3, toJson(event.settings).dump());
    upsert.bind(4, event.createdAt);
    upsert.exec();
    saveMetaValue("event_id", event.id);
    if (event.settings.adminPinHash != metaValue("admin_pin_hash"))
        saveMetaValue("admin_pin_hash", event.settings.adminPinHash);
    transaction.commit();
    return Done{};
}

Station EventRepository::station() const {
    SQLite::Statement query(m_db, "SELECT id, name, mode, exhibitor_id FROM station WHERE id = "
                                  "(SELECT value FROM meta WHERE key = 'station_id')");
    Station station;
    if (query.executeStep()) {
        station.id = query.getColumn(0).getString();
        station.name = query.getColumn(1).getString();
        station.mode = parseMode(query.getColumn(2).getString()).value_or(Mode::Meet);
        station.exhibitorId = query.getColumn(3).isNull() ? "" : query.getColumn(3).getString();
    }
    return station;
}

Status EventRepository::saveStation(const Station& station) {
    SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement upsert(m_db,
                             "INSERT INTO station (id, name, mode, exhibitor_id, created_at, updated_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?5) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                             "mode = excluded.mode, exhibitor_id = excluded.exhibitor_id, updated_at = excluded.updated_at");
    upsert.bind(1, station.id);
    upsert.bind(2, station.name);
    upsert.bind(3, std::string(toString(station.mode)));
    upsert.bind(4, station.exhibitorId);
    upsert.bind(5, nowMs());
    upsert.exec();
    if (metaValue("station_id").empty())
        saveMetaValue("station_id", station.id);
    transaction.commit();
    return Done{};
}

std::vector<Station> EventRepository::allStations() const {
    SQLite::Statement query(m_db, "SELECT id, name, mode, exhibitor_id FROM station ORDER BY created_at");
    std::vector<Station> stations;
    while (query.executeStep()) {
        stations.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                            parseMode(query.getColumn(2).getString()).value_or(Mode::Meet),
                            query.getColumn(3).isNull() ? "" : query.getColumn(3).getString()});
    }
    return stations;
}

std::string EventRepository::metaValue(const std::string& key) const {
    SQLite::Statement query(m_db, "SELECT value FROM meta WHERE key = ?");
    query.bind(1, key);
    return query.executeStep() ? query.getColumn(0).getString() : std::string{};
}

void EventRepository::saveMetaValue(const std::string& key, const std::string& value) {
    SQLite::Statement upsert(m_db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
    upsert.bind(1, key);
    upsert.bind(2, value);
    upsert.exec();
}

Status EventRepository::ensureDefaults() {
    if (metaValue("event_id").empty()) {
        if (auto saved = saveEvent({newUlid(), "MeetScan event", {}, nowMs()}); !saved)
            return saved;
    }
    if (metaValue("station_id").empty())
        return saveStation({newUlid(), hostName(), Mode::Meet, ""});
    return Done{};
}

} // namespace meetscan::core
