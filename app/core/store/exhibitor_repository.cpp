#include "core/store/exhibitor_repository.hpp"

#include "core/store/json_strings.hpp"

#include "core/store/hybrid_clock.hpp"

#include "core/domain/contact_fields.hpp"
#include "core/domain/ulid.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace meetscan::core {

namespace {

std::string questionsJson(const std::vector<Question>& questions) {
    auto list = nlohmann::json::array();
    for (const auto& q : questions)
        list.push_back({{"id", q.id}, {"text", q.text}, {"options", q.options}});
    return list.dump();
}

std::vector<Question> questionsFromJson(const std::string& text) {
    std::vector<Question> questions;
    auto list = nlohmann::json::parse(text, nullptr, false);
    if (!list.is_array())
        return questions;
    for (const auto& q : list) {
        if (q.is_object())
            questions.push_back({q.value("id", ""), q.value("text", ""), q.value("options", std::vector<std::string>{})});
    }
    return questions;
}

std::string contactJson(const ExhibitorContact& contact) {
    return nlohmann::json{{"emails", contact.emails}, {"website", contact.website}, {"follow_up", contact.followUp}}
        .dump();
}

// The row may have come by merge or sync: what is not an address or a link is left out here,
// whatever the office that wrote it meant.
ExhibitorContact contactFromJson(const std::string& text) {
    ExhibitorContact contact;
    auto object = nlohmann::json::parse(text, nullptr, false);
    if (!object.is_object())
        return contact;
    if (auto emails = object.find("emails"); emails != object.end() && emails->is_array())
        for (const auto& email : *emails)
            if (email.is_string() && isMailAddress(email.get<std::string>()))
                contact.emails.push_back(email.get<std::string>());
    auto link = [&object](const char* key) {
        auto value = object.find(key);
        return value != object.end() && value->is_string() && isWebLink(value->get<std::string>())
                   ? value->get<std::string>()
                   : std::string{};
    };
    contact.website = link("website");
    contact.followUp = link("follow_up");
    return contact;
}

constexpr const char* kColumns = "id, name, booth, tags, questions, contact";

Exhibitor readExhibitor(SQLite::Statement& row) {
    return {row.getColumn(0).getString(), row.getColumn(1).getString(), row.getColumn(2).getString(),
            stringsFromJson(row.getColumn(3).getString()), questionsFromJson(row.getColumn(4).getString()),
            contactFromJson(row.getColumn(5).getString())};
}

} // namespace

Expected<ImportCounts> ExhibitorRepository::importAll(const std::vector<Exhibitor>& exhibitors) {
    try {
        SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement find(m_db, "SELECT name, booth, tags, questions, contact FROM exhibitor WHERE id = ?");
        SQLite::Statement upsert(m_db, "INSERT INTO exhibitor (id, name, booth, tags, questions, contact, updated_at) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5, ?7, ?6) ON CONFLICT (id) DO UPDATE SET name = ?2, "
                                       "booth = ?3, tags = ?4, questions = ?5, contact = ?7, updated_at = ?6");
        ImportCounts counts;
        const TimeMs at = hybridClockTick(m_db, OrderedRows::OfficeRows, nowMs());
        for (const auto& e : exhibitors) {
            if (e.id.empty())
                return Error::badInput(fmt::format("exhibitor {} has no id", e.name));
            const std::string tags = nlohmann::json(e.tags).dump();
            const std::string questions = questionsJson(e.questions);
            const std::string contact = contactJson(e.contact);
            find.bind(1, e.id);
            const bool exists = find.executeStep();
            const bool same = exists && find.getColumn(0).getString() == e.name &&
                              find.getColumn(1).getString() == e.booth && find.getColumn(2).getString() == tags &&
                              find.getColumn(3).getString() == questions && find.getColumn(4).getString() == contact;
            find.reset();
            if (same) {
                ++counts.unchanged;
                continue;
            }
            upsert.bind(1, e.id);
            upsert.bind(2, e.name);
            upsert.bind(3, e.booth);
            upsert.bind(4, tags);
            upsert.bind(5, questions);
            upsert.bind(6, at);
            upsert.bind(7, contact);
            upsert.exec();
            upsert.reset();
            ++(exists ? counts.updated : counts.added);
        }
        transaction.commit();
        return counts;
    } catch (const SQLite::Exception& e) {
        return Error::world(fmt::format("cannot save exhibitors: {}", e.what()));
    }
}

std::vector<Exhibitor> ExhibitorRepository::all() const {
    SQLite::Statement query(m_db, fmt::format("SELECT {} FROM exhibitor ORDER BY name COLLATE NOCASE, id", kColumns));
    std::vector<Exhibitor> exhibitors;
    while (query.executeStep())
        exhibitors.push_back(readExhibitor(query));
    return exhibitors;
}

std::optional<Exhibitor> ExhibitorRepository::byId(const std::string& id) const {
    SQLite::Statement query(m_db, fmt::format("SELECT {} FROM exhibitor WHERE id = ?", kColumns));
    query.bind(1, id);
    if (!query.executeStep())
        return std::nullopt;
    return readExhibitor(query);
}

} // namespace meetscan::core
