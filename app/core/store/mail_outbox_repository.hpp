#pragma once
// The record of every message a `send` run means to deliver (store migration 10): a re-run sends
// only what was not sent, a message handed to the server when a run was killed is never sent
// twice, and a leads message remembers which leads it carried.
#include "core/domain/ulid.hpp"
#include "meetscan/scanner/expected.hpp"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meetscan::core {

enum class MailKind { Packet, Leads };
enum class MailState { Queued, Sending, Sent, Failed };

[[nodiscard]] std::string_view toString(MailKind kind);
[[nodiscard]] std::string_view toString(MailState state);

struct OutboxEntry {
    std::int64_t id = 0;
    MailKind kind = MailKind::Packet;
    std::string subjectId;               // the attendee's id, or the exhibitor's
    std::vector<std::string> recipients;
    std::string subject;
    MailState state = MailState::Queued;
    std::string reply;                   // the server's last word on it
    std::vector<std::string> contents;   // leads: the attendee ids the message carried
    TimeMs queuedAt = 0;
    TimeMs updatedAt = 0;
};

class MailOutboxRepository {
public:
    explicit MailOutboxRepository(SQLite::Database& db) : m_db(db) {}

    // Every entry for one attendee or exhibitor, oldest first.
    [[nodiscard]] std::vector<OutboxEntry> entriesFor(MailKind kind, const std::string& subjectId) const;
    // Every entry of a kind (all kinds when empty), oldest first.
    [[nodiscard]] std::vector<OutboxEntry> all(std::optional<MailKind> kind = std::nullopt) const;

    // A new queued entry, or `reuse` (an entry not sent) queued again with what it now carries.
    Expected<std::int64_t> queue(const OutboxEntry& entry, std::optional<std::int64_t> reuse);
    Status mark(std::int64_t id, MailState state, const std::string& reply);
    // Queued -> sending, only if still queued: false when another run took it first.
    Expected<bool> claim(std::int64_t id);

private:
    SQLite::Database& m_db;
};

} // namespace meetscan::core
