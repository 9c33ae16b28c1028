#pragma once
#include "core/sync/outbox.hpp"
#include "core/sync/pg_connection.hpp"

namespace meetscan::core {

// Applies one outbox batch on the server in one transaction. Every write is an idempotent upsert
// keyed by the rows' global ids, so a batch sent again (the commit's answer was lost) changes
// nothing. Throws PgError; the caller keeps the outbox until this returns.
void pushBatch(PgConnection& server, const OutboxBatch& batch);

} // namespace meetscan::core
