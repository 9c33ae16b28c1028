#include "core/sync/server_schema.hpp"

#include <fmt/format.h>

#include <array>
#include <string_view>

namespace meetscan::core {

namespace {

struct ServerStep {
    int version;
    std::string_view name;
    std::string_view sql;
};

// Every row carries `seq`, drawn from one sequence when it is inserted or changed: stations pull
// "rows with seq above what I have seen". Immutable rows (scans, meetings, edits, erasures) are
// keyed by their global id; the lead is recomputed from the stations' visits and edits.
constexpr std::string_view kStep1 = R"sql(
CREATE SEQUENCE change_seq;
CREATE TABLE event (
    id text PRIMARY KEY, name text NOT NULL, settings text NOT NULL, created_at bigint NOT NULL,
    seq bigint NOT NULL DEFAULT nextval('change_seq'));
CREATE TABLE station (
    id text PRIMARY KEY, name text NOT NULL, mode text NOT NULL, exhibitor_id text,
    created_at bigint NOT NULL, updated_at bigint NOT NULL,
    seq bigint NOT NULL DEFAULT nextval('change_seq'));
CREATE TABLE exhibitor (
    id text PRIMARY KEY, name text NOT NULL, booth text NOT NULL, tags text NOT NULL, questions text NOT NULL,
    updated_at bigint NOT NULL, seq bigint NOT NULL DEFAULT nextval('change_seq'));
CREATE TABLE attendee (
    id text PRIMARY KEY, badge_code text NOT NULL, first_name text NOT NULL, last_name text NOT NULL,
    company text NOT NULL, title text NOT NULL, email text NOT NULL, phone text NOT NULL, country text NOT NULL,
    ticket_type text NOT NULL, role text NOT NULL, exhibitor_id text NOT NULL,
    consent_exhibitors bigint NOT NULL, consent_networking bigint NOT NULL, source text NOT NULL,
    station_id text NOT NULL, erased_at bigint, updated_at bigint NOT NULL,
    seq bigint NOT NULL DEFAULT nextval('change_seq'));
CREATE TABLE attendee_code (code text PRIMARY KEY, attendee_id text NOT NULL);
CREATE INDEX attendee_code_by_attendee ON attendee_code (attendee_id);
CREATE TABLE scan (
    id text PRIMARY KEY, station_id text NOT NULL, at bigint NOT NULL, mode text NOT NULL, raw_text text NOT NULL,
    format text NOT NULL, kind text NOT NULL, attendee_id text, outcome text NOT NULL, detail text NOT NULL,
    seq bigint NOT NULL DEFAULT nextval('change_seq'));
CREATE INDEX scan_by_attendee ON scan (attendee_id);
CREATE TABLE meeting (
    id text PRIMARY KEY, station_id text NOT NULL, at bigint NOT NULL, attendee_a text NOT NULL,
    attendee_b text NOT NULL, scan_a text, scan_b text,
    seq bigint NOT NULL DEFAULT nextval('change_seq'));
CREATE TABLE lead_visit (
    id text PRIMARY KEY, station_id text NOT NULL, exhibitor_id text NOT NULL, attendee_id text NOT NULL,
    first_scan_at bigint NOT NULL, last_scan_at bigint NOT NULL, scan_count bigint NOT NULL, staff_id text NOT NULL,
    seq bigint NOT NULL DEFAULT nextval('change_seq'));
CREATE INDEX lead_visit_by_pair ON lead_visit (exhibitor_id, attendee_id);
CREATE TABLE lead_edit (
    id text PRIMARY KEY, station_id text NOT NULL, exhibitor_id text NOT NULL, attendee_id text NOT NULL,
    field text NOT NULL, value text NOT NULL, staff_id text NOT NULL, at bigint NOT NULL,
    seq bigint NOT NULL DEFAULT nextval('change_seq'));
CREATE INDEX lead_edit_by_pair ON lead_edit (exhibitor_id, attendee_id);
CREATE TABLE erasure (
    attendee_id text PRIMARY KEY, station_id text NOT NULL, at bigint NOT NULL,
    seq bigint NOT NULL DEFAULT nextval('change_seq'));
CREATE TABLE lead (
    exhibitor_id text NOT NULL, attendee_id text NOT NULL, id text NOT NULL, station_id text NOT NULL,
    first_scan_at bigint NOT NULL, last_scan_at bigint NOT NULL, scan_count bigint NOT NULL, staff_id text NOT NULL,
    rating text NOT NULL, tags text NOT NULL, answers text NOT NULL, note text NOT NULL, updated_at bigint NOT NULL,
    seq bigint NOT NULL DEFAULT nextval('change_seq'),
    PRIMARY KEY (exhibitor_id, attendee_id));
CREATE INDEX event_by_seq ON event (seq);
CREATE INDEX station_by_seq ON station (seq);
CREATE INDEX exhibitor_by_seq ON exhibitor (seq);
CREATE INDEX attendee_by_seq ON attendee (seq);
CREATE INDEX scan_by_seq ON scan (seq);
CREATE INDEX meeting_by_seq ON meeting (seq);
CREATE INDEX lead_edit_by_seq ON lead_edit (seq);
CREATE INDEX erasure_by_seq ON erasure (seq);
CREATE INDEX lead_by_seq ON lead (seq);
)sql";

constexpr std::array kSteps{ServerStep{1, "event tables", kStep1}};

constexpr std::string_view kVersionTable = "CREATE TABLE IF NOT EXISTS meetscan_schema ("
                                           "version integer PRIMARY KEY, name text NOT NULL, "
                                           "applied_at timestamptz NOT NULL DEFAULT now())";

} // namespace

int latestServerSchemaVersion() { return kSteps.back().version; }

int serverSchemaVersion(PgConnection& server) {
    auto exists = server.exec("SELECT to_regclass('meetscan_schema') IS NOT NULL");
    if (!pgTrue(exists.at(0).at(0)))
        return 0;
    auto version = server.exec("SELECT coalesce(max(version), 0) FROM meetscan_schema");
    return std::stoi(version.at(0).at(0).value_or("0"));
}

Expected<int> initServerSchema(PgConnection& server) {
    try {
        server.execScript(std::string(kVersionTable));
        for (const auto& step : kSteps) {
            server.execScript("BEGIN");
            try {
                // Two `server init` at once: the second waits here, then sees the step done.
                server.exec(fmt::format("SELECT pg_advisory_xact_lock({})", kServerWriteLock));
                if (serverSchemaVersion(server) < step.version) {
                    server.execScript(std::string(step.sql));
                    server.exec("INSERT INTO meetscan_schema (version, name) VALUES ($1, $2)",
                                {std::to_string(step.version), std::string(step.name)});
                }
                server.execScript("COMMIT");
            } catch (const PgError&) {
                if (server.healthy())
                    server.execScript("ROLLBACK");
                throw;
            }
        }
        if (const int version = serverSchemaVersion(server); version > latestServerSchemaVersion())
            return Error::world(fmt::format("the server's schema (version {}) is newer than this MeetScan knows ({})",
                                            version, latestServerSchemaVersion()));
        return serverSchemaVersion(server);
    } catch (const PgError& e) {
        return Error::world(fmt::format("cannot set up the server schema: {}", e.what()));
    }
}

Status requireServerSchema(PgConnection& server) {
    const int version = serverSchemaVersion(server);
    if (version == latestServerSchemaVersion())
        return Done{};
    if (version == 0)
        return Error::badInput("the server has no MeetScan schema: run `meetscan server init --server URL` first");
    if (version < latestServerSchemaVersion())
        return Error::badInput(fmt::format("the server's schema is at version {}, this MeetScan needs {}: run "
                                           "`meetscan server init --server URL`",
                                           version, latestServerSchemaVersion()));
    return Error::world(fmt::format("the server's schema (version {}) is newer than this MeetScan knows ({})", version,
                                    latestServerSchemaVersion()));
}

} // namespace meetscan::core
