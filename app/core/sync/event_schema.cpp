#include "core/sync/event_schema.hpp"

#include "core/sync/server_schema.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <fmt/format.h>
#include <string_view>

namespace meetscan::core {

namespace {

struct EventStep {
    int version;
    std::string_view name;
    std::string_view sql; // `@s` stands for the schema's name
};

// The tables have the station's columns (so one column list serves push, pull and fold) plus
// `seq`, drawn from one sequence when a row is inserted or changed: stations pull "rows with seq
// above what I have seen". A station's `lead` is its own visit, keyed by its id; the event-wide
// lead is what a fold of every visit gives, computed where it is pulled.
constexpr std::string_view kTables = R"sql(
CREATE SEQUENCE @s.change_seq;
CREATE TABLE @s.event (
    id text PRIMARY KEY, name text NOT NULL, settings text NOT NULL, created_at bigint NOT NULL,
    seq bigint NOT NULL DEFAULT nextval('@s.change_seq'));
CREATE TABLE @s.station (
    id text PRIMARY KEY, name text NOT NULL, mode text NOT NULL CHECK (mode IN ('meet', 'booth', 'summary')),
    exhibitor_id text, created_at bigint NOT NULL, updated_at bigint NOT NULL,
    seq bigint NOT NULL DEFAULT nextval('@s.change_seq'));
CREATE TABLE @s.exhibitor (
    id text PRIMARY KEY, name text NOT NULL, booth text NOT NULL, tags text NOT NULL, questions text NOT NULL,
    updated_at bigint NOT NULL, seq bigint NOT NULL DEFAULT nextval('@s.change_seq'));
CREATE TABLE @s.attendee (
    id text PRIMARY KEY, badge_code text NOT NULL, first_name text NOT NULL, last_name text NOT NULL,
    company text NOT NULL, title text NOT NULL, email text NOT NULL, phone text NOT NULL, country text NOT NULL,
    ticket_type text NOT NULL, role text NOT NULL, exhibitor_id text NOT NULL,
    consent_exhibitors bigint NOT NULL, consent_networking bigint NOT NULL,
    source text NOT NULL CHECK (source IN ('roster', 'walk_in')),
    station_id text NOT NULL, erased_at bigint, updated_at bigint NOT NULL,
    seq bigint NOT NULL DEFAULT nextval('@s.change_seq'));
CREATE TABLE @s.attendee_code (code text PRIMARY KEY, attendee_id text NOT NULL);
CREATE INDEX attendee_code_by_attendee ON @s.attendee_code (attendee_id);
CREATE TABLE @s.trusted_key (
    public_key text PRIMARY KEY, kind text NOT NULL, added_at bigint NOT NULL,
    seq bigint NOT NULL DEFAULT nextval('@s.change_seq'));
CREATE TABLE @s.erasure (
    attendee_id text PRIMARY KEY, station_id text NOT NULL, at bigint NOT NULL,
    seq bigint NOT NULL DEFAULT nextval('@s.change_seq'));
CREATE TABLE @s.scan (
    id text PRIMARY KEY, station_id text NOT NULL, at bigint NOT NULL, mode text NOT NULL, raw_text text NOT NULL,
    format text NOT NULL, kind text NOT NULL, attendee_id text, outcome text NOT NULL, detail text NOT NULL,
    seq bigint NOT NULL DEFAULT nextval('@s.change_seq'));
CREATE INDEX scan_by_attendee ON @s.scan (attendee_id);
CREATE TABLE @s.meeting (
    id text PRIMARY KEY, station_id text NOT NULL, at bigint NOT NULL, attendee_a text NOT NULL,
    attendee_b text NOT NULL, scan_a text, scan_b text,
    seq bigint NOT NULL DEFAULT nextval('@s.change_seq'));
CREATE TABLE @s.lead (
    id text PRIMARY KEY, station_id text NOT NULL, exhibitor_id text NOT NULL, attendee_id text NOT NULL,
    first_scan_at bigint NOT NULL, last_scan_at bigint NOT NULL, scan_count bigint NOT NULL, staff_id text NOT NULL,
    rating text NOT NULL, tags text NOT NULL, answers text NOT NULL, note text NOT NULL, updated_at bigint NOT NULL,
    seq bigint NOT NULL DEFAULT nextval('@s.change_seq'));
CREATE INDEX lead_by_attendee ON @s.lead (attendee_id);
CREATE TABLE @s.lead_edit (
    id text PRIMARY KEY, station_id text NOT NULL, exhibitor_id text NOT NULL, attendee_id text NOT NULL,
    field text NOT NULL, value text NOT NULL, staff_id text NOT NULL, at bigint NOT NULL,
    seq bigint NOT NULL DEFAULT nextval('@s.change_seq'));
CREATE INDEX lead_edit_by_attendee ON @s.lead_edit (attendee_id);
CREATE INDEX event_by_seq ON @s.event (seq);
CREATE INDEX station_by_seq ON @s.station (seq);
CREATE INDEX exhibitor_by_seq ON @s.exhibitor (seq);
CREATE INDEX attendee_by_seq ON @s.attendee (seq);
CREATE INDEX trusted_key_by_seq ON @s.trusted_key (seq);
CREATE INDEX erasure_by_seq ON @s.erasure (seq);
CREATE INDEX scan_by_seq ON @s.scan (seq);
CREATE INDEX meeting_by_seq ON @s.meeting (seq);
CREATE INDEX lead_by_seq ON @s.lead (seq);
CREATE INDEX lead_edit_by_seq ON @s.lead_edit (seq);
-- A row of an erased person that arrives late (a kiosk offline when the office erased them) is
-- blanked on its way in, whoever sends it.
CREATE FUNCTION @s.blank_if_erased() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM @s.erasure e WHERE e.attendee_id = NEW.attendee_id) THEN
        RETURN NEW;
    END IF;
    IF TG_TABLE_NAME = 'scan' THEN
        NEW.raw_text := '';
    ELSIF TG_TABLE_NAME = 'lead_edit' THEN
        NEW.value := '';
    ELSIF TG_TABLE_NAME = 'lead' THEN
        NEW.note := ''; NEW.tags := '[]'; NEW.answers := '{}';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER scan_blank_if_erased BEFORE INSERT ON @s.scan FOR EACH ROW EXECUTE FUNCTION @s.blank_if_erased();
CREATE TRIGGER lead_edit_blank_if_erased BEFORE INSERT ON @s.lead_edit FOR EACH ROW EXECUTE FUNCTION @s.blank_if_erased();
CREATE TRIGGER lead_blank_if_erased BEFORE INSERT OR UPDATE ON @s.lead FOR EACH ROW EXECUTE FUNCTION @s.blank_if_erased();
)sql";

// Row-level security, forced (it binds the owner too). The office, the schema's owner, may do
// everything; a station role (mapped to its station id in `station_login` by
// createStationLogin) reads the whole event and writes only its own rows: its station row, its
// scans, meetings, lead visits and edits, and its walk-ins. Nobody may delete. Privileges are
// granted per station role (station_login.cpp); RLS decides which rows.
constexpr std::string_view kSecurity = R"sql(
REVOKE ALL ON SCHEMA @s FROM PUBLIC;
CREATE TABLE @s.station_login (role_name text PRIMARY KEY, station_id text NOT NULL UNIQUE);
CREATE FUNCTION @s.current_station() RETURNS text LANGUAGE sql STABLE AS
    $$ SELECT station_id FROM @s.station_login WHERE role_name = current_user $$;
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['event', 'station', 'exhibitor', 'attendee', 'attendee_code', 'trusted_key', 'erasure',
                             'scan', 'meeting', 'lead', 'lead_edit', 'station_login', 'meetscan_event_schema'] LOOP
        EXECUTE format('ALTER TABLE @s.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE @s.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY office ON @s.%I TO CURRENT_USER USING (true) WITH CHECK (true)', t);
        IF t <> 'station_login' THEN
            EXECUTE format('CREATE POLICY read ON @s.%I FOR SELECT USING (true)', t);
        END IF;
    END LOOP;
END $$;
-- `seq` orders every puller's cursor, so nobody writes it: a row set to the largest seq would
-- hide every later change from every station.
CREATE FUNCTION @s.next_seq() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.seq := nextval('@s.change_seq');
    RETURN NEW;
END $$;
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['event', 'station', 'exhibitor', 'attendee', 'trusted_key', 'erasure', 'scan', 'meeting',
                             'lead', 'lead_edit'] LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON @s.%I FOR EACH ROW EXECUTE FUNCTION @s.next_seq()',
                       t || '_next_seq', t);
    END LOOP;
END $$;
CREATE POLICY own_login ON @s.station_login FOR SELECT USING (role_name = current_user);
CREATE POLICY own_row_in ON @s.station FOR INSERT WITH CHECK (id = (SELECT @s.current_station()));
CREATE POLICY own_row_up ON @s.station FOR UPDATE USING (id = (SELECT @s.current_station()))
    WITH CHECK (id = (SELECT @s.current_station()));
CREATE POLICY walk_in_in ON @s.attendee FOR INSERT
    WITH CHECK (source = 'walk_in' AND station_id = (SELECT @s.current_station()) AND erased_at IS NULL);
CREATE POLICY walk_in_up ON @s.attendee FOR UPDATE
    USING (source = 'walk_in' AND station_id = (SELECT @s.current_station()) AND erased_at IS NULL)
    WITH CHECK (source = 'walk_in' AND station_id = (SELECT @s.current_station()));
CREATE POLICY own_in ON @s.scan FOR INSERT WITH CHECK (station_id = (SELECT @s.current_station()));
CREATE POLICY own_in ON @s.meeting FOR INSERT WITH CHECK (station_id = (SELECT @s.current_station()));
CREATE POLICY own_in ON @s.lead_edit FOR INSERT WITH CHECK (station_id = (SELECT @s.current_station()));
CREATE POLICY own_in ON @s.lead FOR INSERT WITH CHECK (station_id = (SELECT @s.current_station()));
CREATE POLICY own_up ON @s.lead FOR UPDATE USING (station_id = (SELECT @s.current_station()))
    WITH CHECK (station_id = (SELECT @s.current_station()));
)sql";

// An exhibitor's contact: its e-mail addresses, website and follow-up link (store migration 10).
constexpr std::string_view kExhibitorContact = R"sql(
ALTER TABLE @s.exhibitor ADD COLUMN contact text NOT NULL DEFAULT '{}';
)sql";

constexpr std::array kSteps{EventStep{1, "event tables", kTables}, EventStep{2, "row owners", kSecurity},
                            EventStep{3, "exhibitor contact", kExhibitorContact}};

std::string expand(std::string_view sql, const std::string& schema) {
    std::string out;
    out.reserve(sql.size() + 256);
    for (std::size_t i = 0; i < sql.size(); ++i) {
        if (sql[i] == '@' && i + 1 < sql.size() && sql[i + 1] == 's') {
            out += schema;
            ++i;
        } else {
            out += sql[i];
        }
    }
    return out;
}

int versionOf(PgConnection& server, const std::string& schema) {
    auto exists = server.exec("SELECT to_regclass($1) IS NOT NULL", {schema + ".meetscan_event_schema"});
    if (!pgTrue(exists.at(0).at(0)))
        return 0;
    auto version =
        server.exec(fmt::format("SELECT coalesce(max(version), 0) FROM {}.meetscan_event_schema", schema));
    return std::stoi(version.at(0).at(0).value_or("0"));
}

void rollbackQuietly(PgConnection& server) {
    if (!server.healthy())
        return;
    try {
        server.execScript("ROLLBACK");
    } catch (const PgError&) {
        // The connection died while rolling back: the server rolls back on its own.
    }
}

} // namespace

bool isUlid(const std::string& id) {
    static constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    return id.size() == 26 &&
           std::all_of(id.begin(), id.end(),
                       [](char c) {
                           return kCrockford.find(static_cast<char>(
                                      std::toupper(static_cast<unsigned char>(c)))) != std::string_view::npos;
                       }) &&
           id[0] <= '7'; // 26 base-32 digits hold 130 bits; a ULID is 128
}

Expected<std::string> eventSchemaName(const std::string& eventId) {
    if (!isUlid(eventId))
        return Error::badInput(fmt::format("the event id '{}' is not a ULID", eventId.substr(0, 40)));
    std::string name = "ev_";
    for (const char c : eventId)
        name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return name;
}

int latestEventSchemaVersion() {
    return kSteps.back().version;
}

std::string eventWriteLockSql(const std::string& schema) {
    return fmt::format("SELECT pg_advisory_xact_lock({}, hashtext('{}'))", kServerWriteLock, schema);
}

Status ensureEventSchema(PgConnection& admin, const std::string& eventId) {
    auto schema = eventSchemaName(eventId);
    if (!schema)
        return schema.error();
    try {
        if (auto global = requireServerSchema(admin); !global)
            return global.error();
        if (versionOf(admin, *schema) == latestEventSchemaVersion())
            return Done{};
        for (const auto& step : kSteps) {
            admin.execScript("BEGIN");
            try {
                // Two offices' first syncs at once: the second waits here, then sees the step done.
                admin.exec(eventWriteLockSql(*schema));
                if (step.version == 1)
                    admin.execScript(
                        expand("CREATE SCHEMA IF NOT EXISTS @s; CREATE TABLE IF NOT EXISTS "
                               "@s.meetscan_event_schema (version integer PRIMARY KEY, name text NOT NULL, "
                               "applied_at timestamptz NOT NULL DEFAULT now())",
                               *schema));
                if (versionOf(admin, *schema) < step.version) {
                    admin.execScript(expand(step.sql, *schema));
                    admin.exec(
                        fmt::format("INSERT INTO {}.meetscan_event_schema (version, name) VALUES ($1, $2)",
                                    *schema),
                        {std::to_string(step.version), std::string(step.name)});
                    admin.exec("INSERT INTO meetscan_event (event_id, schema_name) VALUES ($1, $2) "
                               "ON CONFLICT (event_id) DO NOTHING",
                               {eventId, *schema});
                }
                admin.execScript("COMMIT");
            } catch (const PgError&) {
                rollbackQuietly(admin);
                throw;
            }
        }
        return requireEventSchema(admin, eventId);
    } catch (const PgError& e) {
        return Error::world(fmt::format("cannot set up the event on the server: {}", e.what()));
    }
}

Status requireEventSchema(PgConnection& server, const std::string& eventId) {
    auto schema = eventSchemaName(eventId);
    if (!schema)
        return schema.error();
    int version = 0;
    try {
        version = versionOf(server, *schema);
    } catch (const PgError& e) {
        return Error::world(fmt::format("server: {}", e.what()));
    }
    if (version == latestEventSchemaVersion())
        return Done{};
    if (version == 0)
        return Error::badInput(
            "the server has no schema for this event: the office creates it when it syncs or "
            "adds a station with --server");
    if (version < latestEventSchemaVersion())
        return Error::badInput(
            fmt::format("the event's schema on the server is at version {}, this MeetScan needs {}: "
                        "let the office sync first",
                        version, latestEventSchemaVersion()));
    return Error::world(
        fmt::format("the event's schema on the server (version {}) is newer than this MeetScan knows ({})",
                    version, latestEventSchemaVersion()));
}

} // namespace meetscan::core
