#include "core/store/mail_outbox_repository.hpp"

#include "core/store/json_strings.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace meetscan::core {

namespace {

constexpr const char* kColumns =
    "id, kind, subject_id, recipients, subject, state, reply, contents, queued_at, updated_at";

MailState stateOf(const std::string& text) {
    if (text == "sending")
        return MailState::Sending;
    if (text == "sent")
        return MailState::Sent;
    if (text == "failed")
        return MailState::Failed;
    return MailState::Queued;
}

OutboxEntry readEntry(SQLite::Statement& row) {
    OutboxEntry entry;
    entry.id = row.getColumn(0).getInt64();
    entry.kind = row.getColumn(1).getString() == "leads" ? MailKind::Leads : MailKind::Packet;
    entry.subjectId = row.getColumn(2).getString();
    entry.recipients = stringsFromJson(row.getColumn(3).getString());
    entry.subject = row.getColumn(4).getString();
    entry.state = stateOf(row.getColumn(5).getString());
    entry.reply = row.getColumn(6).getString();
    entry.contents = stringsFromJson(row.getColumn(7).getString());
    entry.queuedAt = row.getColumn(8).getInt64();
    entry.updatedAt = row.getColumn(9).getInt64();
    return entry;
}

std::vector<OutboxEntry> readAll(SQLite::Statement& query) {
    std::vector<OutboxEntry> entries;
    while (query.executeStep())
        entries.push_back(readEntry(query));
    return entries;
}

} // namespace

std::string_view toString(MailKind kind) { return kind == MailKind::Leads ? "leads" : "packet"; }

std::string_view toString(MailState state) {
    switch (state) {
    case MailState::Queued:
        return "queued";
    case MailState::Sending:
        return "sending";
    case MailState::Sent:
        return "sent";
    case MailState::Failed:
        return "failed";
    }
    return "queued";
}

std::vector<OutboxEntry> MailOutboxRepository::entriesFor(MailKind kind, const std::string& subjectId) const {
    SQLite::Statement query(m_db, fmt::format("SELECT {} FROM mail_outbox WHERE kind = ? AND subject_id = ? "
                                              "ORDER BY id",
                                              kColumns));
    query.bind(1, std::string(toString(kind)));
    query.bind(2, subjectId);
    return readAll(query);
}

std::vector<OutboxEntry> MailOutboxRepository::all(std::optional<MailKind> kind) const {
    SQLite::Statement query(m_db, fmt::format("SELECT {} FROM mail_outbox WHERE ?1 IS NULL OR kind = ?1 ORDER BY id",
                                              kColumns));
    if (kind)
        query.bind(1, std::string(toString(*kind)));
    return readAll(query);
}

Expected<std::int64_t> MailOutboxRepository::queue(const OutboxEntry& entry, std::optional<std::int64_t> reuse) {
    try {
        const TimeMs now = nowMs();
        const std::string recipients = nlohmann::json(entry.recipients).dump();
        const std::string contents = nlohmann::json(entry.contents).dump();
        if (reuse) {
            SQLite::Statement update(m_db, "UPDATE mail_outbox SET recipients = ?2, subject = ?3, contents = ?4, "
                                           "state = 'queued', updated_at = ?5 WHERE id = ?1 AND state <> 'sent'");
            update.bind(1, *reuse);
            update.bind(2, recipients);
            update.bind(3, entry.subject);
            update.bind(4, contents);
            update.bind(5, now);
            if (update.exec() == 1)
                return *reuse;
        }
        SQLite::Statement insert(m_db, "INSERT INTO mail_outbox (kind, subject_id, recipients, subject, state, "
                                       "contents, queued_at, updated_at) VALUES (?, ?, ?, ?, 'queued', ?, ?, ?)");
        insert.bind(1, std::string(toString(entry.kind)));
        insert.bind(2, entry.subjectId);
        insert.bind(3, recipients);
        insert.bind(4, entry.subject);
        insert.bind(5, contents);
        insert.bind(6, now);
        insert.bind(7, now);
        insert.exec();
        return m_db.getLastInsertRowid();
    } catch (const SQLite::Exception& e) {
        return Error::world(fmt::format("cannot queue the message: {}", e.what()));
    }
}

Status MailOutboxRepository::mark(std::int64_t id, MailState state, const std::string& reply) {
    try {
        SQLite::Statement update(m_db, "UPDATE mail_outbox SET state = ?2, reply = ?3, updated_at = ?4 WHERE id = ?1");
        update.bind(1, id);
        update.bind(2, std::string(toString(state)));
        update.bind(3, reply);
        update.bind(4, nowMs());
        update.exec();
        return Done{};
    } catch (const SQLite::Exception& e) {
        return Error::world(fmt::format("cannot record the message's state: {}", e.what()));
    }
}

Expected<bool> MailOutboxRepository::claim(std::int64_t id) {
    try {
        SQLite::Statement update(m_db, "UPDATE mail_outbox SET state = 'sending', reply = '', updated_at = ?2 "
                                       "WHERE id = ?1 AND state = 'queued'");
        update.bind(1, id);
        update.bind(2, nowMs());
        return update.exec() == 1;
    } catch (const SQLite::Exception& e) {
        return Error::world(fmt::format("cannot record the message's state: {}", e.what()));
    }
}

} // namespace meetscan::core
