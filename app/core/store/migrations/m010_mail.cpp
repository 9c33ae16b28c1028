#include "core/store/migration.hpp"

namespace meetscan::core::migrations {

// Follow-up by e-mail.
// - `exhibitor.contact` holds what an exhibitor gives its visitors and where its leads go:
//   {"emails": [...], "website": "...", "follow_up": "..."}. One JSON column, so sync, packs and
//   merges carry it with the rest of the row.
// - `mail_outbox` records every message a `send` run means to deliver, so that a re-run sends
//   only what was not sent. It stays in this database: the office sends, and no station needs it.
//   `state` is queued, sending (handed to the server; a kill here leaves it undecided, and it is
//   never retried without --resend), sent, or failed with the server's `reply`. `contents` lists
//   what a leads message carried (attendee ids), to tell which leads are new next time.
extern const Migration kM010{10, "e-mail follow-up", R"sql(
ALTER TABLE exhibitor ADD COLUMN contact TEXT NOT NULL DEFAULT '{}';
CREATE TABLE mail_outbox (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       TEXT NOT NULL CHECK (kind IN ('packet', 'leads')),
    subject_id TEXT NOT NULL,
    recipients TEXT NOT NULL,
    subject    TEXT NOT NULL,
    state      TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
    reply      TEXT NOT NULL DEFAULT '',
    contents   TEXT NOT NULL DEFAULT '[]',
    queued_at  INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX mail_outbox_by_subject ON mail_outbox (kind, subject_id);
)sql"};

} // namespace meetscan::core::migrations
