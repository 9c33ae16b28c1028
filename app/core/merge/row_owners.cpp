#include "core/merge/row_owners.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <sodium.h>

#include <array>

#include <string_view>
#include <vector>

namespace meetscan::core {

namespace {

std::string metaIn(SQLite::Database& db, const std::string& schema, const char* key) {
    SQLite::Statement query(db, fmt::format("SELECT value FROM {}.meta WHERE key = ?", schema));
    query.bind(1, key);
    return query.executeStep() ? query.getColumn(0).getString() : std::string{};
}

bool hasMeta(SQLite::Database& db, const std::string& schema) {
    SQLite::Statement query(db, fmt::format("SELECT 1 FROM {}.sqlite_master WHERE type = 'table' AND name = 'meta'",
                                            schema));
    return query.executeStep();
}

struct OwnedRule {
    const char* table;
    const char* key;
    std::string sql; // selects the key of the first offending row of source `s` against main `m`
    const char* why;
};

std::string shortKey(const std::string& key) { return key.size() > 40 ? key.substr(0, 40) + "..." : key; }

} // namespace

DatabaseRole databaseRole(SQLite::Database& db, const std::string& schema) {
    return metaIn(db, schema, "role") == "station" ? DatabaseRole::Station : DatabaseRole::Office;
}

void saveDatabaseRole(SQLite::Database& db, DatabaseRole role, const std::string& schema) {
    SQLite::Statement save(db, fmt::format("INSERT OR REPLACE INTO {}.meta (key, value) VALUES ('role', ?)", schema));
    save.bind(1, toString(role));
    save.exec();
}

const char* toString(DatabaseRole role) { return role == DatabaseRole::Station ? "station" : "office"; }

namespace {

std::string hashOfSecretImpl(const std::string& secret) {
    if (secret.empty())
        return {};
    std::array<unsigned char, 16> hash{};
    crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(secret.data()), secret.size(),
                       nullptr, 0);
    std::array<char, hash.size() * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
    return hex.data();
}

void setMetaIn(SQLite::Database& db, const std::string& schema, const char* key, const std::string& value) {
    SQLite::Statement save(db, fmt::format("INSERT OR REPLACE INTO {}.meta (key, value) VALUES (?, ?)", schema));
    save.bind(1, key);
    save.bind(2, value);
    save.exec();
}

} // namespace

std::string officeIdOf(SQLite::Database& db, const std::string& schema) {
    if (databaseRole(db, schema) == DatabaseRole::Office)
        return hashOfSecretImpl(metaIn(db, schema, "office_secret"));
    return metaIn(db, schema, "office_id");
}

void makeStationOf(SQLite::Database& db, const std::string& officeId, const std::string& schema) {
    saveDatabaseRole(db, DatabaseRole::Station, schema);
    db.exec(fmt::format("DELETE FROM {}.meta WHERE key = 'office_secret'", schema));
    setMetaIn(db, schema, "office_id", officeId);
}

void saveOfficeSecret(SQLite::Database& db, const std::string& secret) {
    saveDatabaseRole(db, DatabaseRole::Office);
    setMetaIn(db, "main", "office_secret", secret);
}

std::string officeIdForSecret(const std::string& secret) { return hashOfSecretImpl(secret); }

RowSource rowSourceOf(SQLite::Database& db, const std::string& schema) {
    if (!hasMeta(db, schema))
        return RowSource::Server;
    const std::string office = officeIdOf(db, "main");
    const std::string proof = hashOfSecretImpl(metaIn(db, schema, "office_secret"));
    return !office.empty() && proof == office ? RowSource::Office : RowSource::Stations;
}

Status checkRowOwners(SQLite::Database& db, const std::string& schema, RowSource source, bool officeRowsChecked) {
    const std::string me = metaIn(db, "main", "station_id");
    const std::string& s = schema;
    std::vector<OwnedRule> rules;
    if (!me.empty()) {
        // This station's own rows: what it recorded never changes, and nobody else records for it.
        rules.push_back({"scan", "id",
                         fmt::format("SELECT s.id FROM {0}.scan s LEFT JOIN main.scan m ON m.id = s.id "
                                     "WHERE s.station_id = ?1 AND (m.id IS NULL OR (m.at, m.mode, m.outcome, "
                                     "m.attendee_id) IS NOT (s.at, s.mode, s.outcome, s.attendee_id)) LIMIT 1",
                                     s),
                         "is this station's scan, and this station never recorded it so"});
        rules.push_back({"meeting", "id",
                         fmt::format("SELECT s.id FROM {0}.meeting s LEFT JOIN main.meeting m ON m.id = s.id "
                                     "WHERE s.station_id = ?1 AND (m.id IS NULL OR (m.at, m.attendee_a, m.attendee_b) "
                                     "IS NOT (s.at, s.attendee_a, s.attendee_b)) LIMIT 1",
                                     s),
                         "is this station's meeting, and this station never recorded it so"});
        rules.push_back({"lead_edit", "id",
                         fmt::format("SELECT s.id FROM {0}.lead_edit s LEFT JOIN main.lead_edit m ON m.id = s.id "
                                     "WHERE s.station_id = ?1 AND (m.id IS NULL OR (m.at, m.field, m.exhibitor_id, "
                                     "m.attendee_id) IS NOT (s.at, s.field, s.exhibitor_id, s.attendee_id)) LIMIT 1",
                                     s),
                         "is this station's lead edit, and this station never made it so"});
        rules.push_back({"station", "id",
                         fmt::format("SELECT s.id FROM {0}.station s JOIN main.station m ON m.id = s.id "
                                     "WHERE s.id = ?1 AND s.updated_at > m.updated_at AND (s.name, s.mode, "
                                     "s.exhibitor_id) IS NOT (m.name, m.mode, m.exhibitor_id) LIMIT 1",
                                     s),
                         "is this station's own configuration, changed elsewhere"});
        rules.push_back({"attendee", "id",
                         fmt::format("SELECT s.id FROM {0}.attendee s LEFT JOIN main.attendee m ON m.id = s.id "
                                     "WHERE s.source = 'walk_in' AND s.station_id = ?1 AND s.erased_at IS NULL AND "
                                     "(m.id IS NULL OR (s.updated_at > m.updated_at AND (s.first_name, s.last_name, "
                                     "s.company, s.title, s.email, s.phone) IS NOT (m.first_name, m.last_name, "
                                     "m.company, m.title, m.email, m.phone))) LIMIT 1",
                                     s),
                         "is a walk-in of this station, changed elsewhere"});
    }
    if (officeRowsChecked && source == RowSource::Stations) {
        // The office's rows: a station holds copies of them, never newer versions, and a station
        // takes them from its office (a pack, the office's file, the server), not from a peer.
        rules.push_back({"attendee", "id",
                         fmt::format("SELECT s.id FROM {0}.attendee s LEFT JOIN main.attendee m ON m.id = s.id "
                                     "WHERE s.source = 'roster' AND (m.id IS NULL OR (s.erased_at IS NOT NULL AND "
                                     "m.erased_at IS NULL) OR (s.updated_at > m.updated_at AND m.erased_at IS NULL "
                                     "AND (s.badge_code, s.first_name, s.last_name, s.company, s.title, s.email, "
                                     "s.phone, s.consent_exhibitors, s.consent_networking) IS NOT (m.badge_code, "
                                     "m.first_name, m.last_name, m.company, m.title, m.email, m.phone, "
                                     "m.consent_exhibitors, m.consent_networking))) LIMIT 1",
                                     s),
                         "is on the office's roster, and only the office changes the roster"});
        rules.push_back({"attendee_code", "code",
                         fmt::format("SELECT c.code FROM {0}.attendee_code c JOIN {0}.attendee s ON s.id = c.attendee_id "
                                     "JOIN main.attendee m ON m.id = s.id WHERE s.source = 'roster' AND "
                                     "s.updated_at >= m.updated_at AND NOT EXISTS (SELECT 1 FROM main.attendee_code k "
                                     "WHERE k.code = c.code AND k.attendee_id = c.attendee_id) AND NOT EXISTS "
                                     "(SELECT 1 FROM main.attendee b WHERE b.badge_code = c.code) LIMIT 1",
                                     s),
                         "is a badge code the office never gave"});
        rules.push_back({"exhibitor", "id",
                         fmt::format("SELECT s.id FROM {0}.exhibitor s LEFT JOIN main.exhibitor m ON m.id = s.id "
                                     "WHERE m.id IS NULL OR (s.updated_at > m.updated_at AND (s.name, s.booth, s.tags, "
                                     "s.questions) IS NOT (m.name, m.booth, m.tags, m.questions)) LIMIT 1",
                                     s),
                         "is the office's exhibitor, and only the office changes exhibitors"});
        rules.push_back({"trusted_key", "public_key",
                         fmt::format("SELECT s.public_key FROM {0}.trusted_key s WHERE NOT EXISTS (SELECT 1 FROM "
                                     "main.trusted_key m WHERE m.public_key = s.public_key) LIMIT 1",
                                     s),
                         "is a key the office does not trust; keys are trusted at the office"});
        rules.push_back({"erasure", "attendee_id",
                         fmt::format("SELECT s.attendee_id FROM {0}.erasure s WHERE NOT EXISTS (SELECT 1 FROM "
                                     "main.erasure m WHERE m.attendee_id = s.attendee_id) LIMIT 1",
                                     s),
                         "is an erasure the office never made; people are erased at the office"});
    }
    for (const auto& rule : rules) {
        SQLite::Statement query(db, rule.sql);
        if (rule.sql.find("?1") != std::string::npos)
            query.bind(1, me);
        if (query.executeStep())
            return Error::badInput(fmt::format("row {} \"{}\" {}: only its owner may change it", rule.table,
                                               shortKey(query.getColumn(0).getString()), rule.why));
    }
    return Done{};
}

} // namespace meetscan::core
