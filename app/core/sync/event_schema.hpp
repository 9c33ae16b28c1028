#pragma once
// One PostgreSQL schema per event (`ev_<event id in lower case>`), so no station ever sees or
// writes another event's rows. The office creates it, idempotently and in numbered steps, the
// first time it syncs or adds a station; row-level security inside it lets each station role
// write only the rows it owns (SYNC.md, "Roles and row-level security").
#include "core/sync/pg_connection.hpp"

#include <string>

namespace meetscan::core {

// True for a ULID (26 Crockford base-32 characters, either case): the only ids that may become
// part of a schema or role name.
[[nodiscard]] bool isUlid(const std::string& id);

// `ev_<id>` for a ULID event id; bad input otherwise.
Expected<std::string> eventSchemaName(const std::string& eventId);

// Creates the event's schema or applies its missing steps, one transaction per step; the
// connection's role becomes the schema's owner (the office). Needs `meetscan server init` first.
Status ensureEventSchema(PgConnection& admin, const std::string& eventId);

// What a station checks before it writes: the event's schema exists, at this build's version.
Status requireEventSchema(PgConnection& server, const std::string& eventId);

[[nodiscard]] int latestEventSchemaVersion();

// The SQL that takes the event's write lock for the current transaction: writers then commit in
// the order they drew their change numbers, so a cursor never skips a row that commits late.
[[nodiscard]] std::string eventWriteLockSql(const std::string& schema);

} // namespace meetscan::core
