#pragma once
#include "core/sync/outbox.hpp"
#include "core/sync/pg_connection.hpp"

#include <string>

namespace meetscan::core {

// Applies one outbox batch to the event's schema `schema` in one transaction: each table's rows
// travel by COPY into a temporary table and land with one set-based, idempotent upsert keyed by
// the rows' global ids, so a batch sent again (the commit's answer was lost) changes nothing.
// Row-level security refuses rows the connection's role does not own. Throws PgError; the caller
// keeps the outbox until this returns.
void pushBatch(PgConnection& server, const std::string& schema, const OutboxBatch& batch);

// The office's trusted badge keys (few, and without an outbox trigger): sent whole, kept once.
void pushTrustedKeys(PgConnection& server, const std::string& schema, const std::vector<PgRow>& keys);

} // namespace meetscan::core
