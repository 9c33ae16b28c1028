#include "core/roster/exhibitor_import.hpp"

#include "core/domain/contact_fields.hpp"
#include "core/roster/csv_reader.hpp"
#include "core/roster/roster_import.hpp"
#include "core/roster/roster_layout.hpp"
#include "core/roster/toml_shape.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <optional>
#include <set>
#include <toml++/toml.h>

namespace meetscan::core {

namespace {

std::vector<std::string> splitList(std::string_view text, char separator) {
    std::vector<std::string> items;
    std::size_t begin = 0;
    while (begin <= text.size()) {
        std::size_t end = text.find(separator, begin);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view item = trimBlanks(text.substr(begin, end - begin));
        if (!item.empty())
            items.emplace_back(item);
        begin = end + 1;
    }
    return items;
}

// A line break or tab inside a text (a TOML multi-line string, Alt+Enter in a spreadsheet cell)
// becomes a space: every one of these texts is shown on one line, on a button or in a column.
void flattenWhitespace(std::string& text) {
    std::replace_if(text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
    const auto first = text.find_first_not_of(' ');
    text.erase(0, first == std::string::npos ? text.size() : first);
    text.erase(text.find_last_not_of(' ') + 1);
}

void flattenWhitespace(Exhibitor& exhibitor) {
    for (std::string* text : {&exhibitor.name, &exhibitor.booth, &exhibitor.contact.website, &exhibitor.contact.followUp})
        flattenWhitespace(*text);
    for (auto& tag : exhibitor.tags)
        flattenWhitespace(tag);
    for (auto& question : exhibitor.questions) {
        flattenWhitespace(question.text);
        for (auto& option : question.options)
            flattenWhitespace(option);
    }
}

// Gives questions without an id one from their text, unique within the exhibitor. Each base
// remembers its next suffix, so that a file repeating one text 20,000 times takes linear time.
void assignQuestionIds(Exhibitor& exhibitor) {
    std::set<std::string> used;
    std::map<std::string, int> nextSuffix;
    for (const auto& question : exhibitor.questions)
        if (!question.id.empty())
            used.insert(question.id);
    for (std::size_t i = 0; i < exhibitor.questions.size(); ++i) {
        Question& question = exhibitor.questions[i];
        if (!question.id.empty())
            continue;
        std::string base = questionSlug(question.text);
        if (base.empty())
            base = fmt::format("q{}", i + 1); // text in a script without ASCII letters
        std::string id = base;
        int& suffix = nextSuffix.try_emplace(base, 2).first->second;
        while (used.count(id) != 0)
            id = fmt::format("{}_{}", base, suffix++);
        used.insert(id);
        question.id = id;
    }
}

// The checks both formats share; `where` gives the FILE:LINE:COLUMN prefix of a problem.
template <class Where>
std::optional<Error> checkExhibitor(const Exhibitor& exhibitor, std::set<std::string>& ids, Where where) {
    if (exhibitor.id.empty())
        return Error::badInput(where("id") + "missing exhibitor id");
    if (exhibitor.name.empty())
        return Error::badInput(where("name") + fmt::format("exhibitor \"{}\" has no name", exhibitor.id));
    if (!ids.insert(exhibitor.id).second)
        return Error::badInput(where("id") + fmt::format("exhibitor id \"{}\" is used twice", exhibitor.id));
    // The id names files (lead lists, e-mail previews): the same rule as rows from merge or sync.
    const bool plainId = exhibitor.id != "." && exhibitor.id != ".." &&
                         std::none_of(exhibitor.id.begin(), exhibitor.id.end(), [](char c) {
                             return c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20;
                         });
    if (!plainId)
        return Error::badInput(where("id") + fmt::format("exhibitor id \"{}\" may not hold / or \\", exhibitor.id));
    for (auto [field, value] : {std::pair{"id", &exhibitor.id}, std::pair{"name", &exhibitor.name},
                                std::pair{"booth", &exhibitor.booth}})
        if (value->size() > kMaxFieldBytes)
            return Error::badInput(where(field) +
                                   fmt::format("{} is longer than {} bytes", field, kMaxFieldBytes));
    // Every text a booth screen, a lead list or a PDF shows: no NUL or other control character.
    std::vector<std::pair<const char*, const std::string*>> texts{
        {"name", &exhibitor.name}, {"booth", &exhibitor.booth}, {"website", &exhibitor.contact.website},
        {"follow_up", &exhibitor.contact.followUp}};
    for (const auto& tag : exhibitor.tags)
        texts.emplace_back("tags", &tag);
    for (const auto& question : exhibitor.questions) {
        texts.emplace_back("questions", &question.text);
        for (const auto& option : question.options)
            texts.emplace_back("questions", &option);
    }
    for (const auto& [field, text] : texts)
        if (const auto control = std::find_if(text->begin(), text->end(), isControlByte); control != text->end())
            return Error::badInput(where(field) + fmt::format("{} holds a control character (byte 0x{:02X})", field,
                                                              static_cast<unsigned char>(*control)));
    for (const auto& email : exhibitor.contact.emails)
        if (!isMailAddress(email))
            return Error::badInput(where("contact_emails") +
                                   fmt::format("\"{}\" is not an e-mail address (name@example.org)", email));
    for (auto [field, value] : {std::pair{"website", &exhibitor.contact.website},
                                std::pair{"follow_up", &exhibitor.contact.followUp}})
        if (!value->empty() && !isWebLink(*value))
            return Error::badInput(where(field) + fmt::format("{} \"{}\" is not an http:// or https:// link", field,
                                                              *value));
    std::set<std::string> questionIds;
    for (const auto& question : exhibitor.questions) {
        if (question.text.empty())
            return Error::badInput(where("questions") + "a question has no text");
        if (!questionIds.insert(question.id).second)
            return Error::badInput(where("questions") +
                                   fmt::format("question id \"{}\" is used twice in exhibitor \"{}\"",
                                               question.id, exhibitor.id));
    }
    return std::nullopt;
}

// "Budget? [<10k/10-50k/>50k]" -> text "Budget?", options {"<10k", "10-50k", ">50k"}.
Question parseQuestion(std::string_view spec) {
    Question question;
    spec = trimBlanks(spec);
    if (!spec.empty() && spec.back() == ']') {
        if (auto open = spec.rfind('['); open != std::string_view::npos) {
            question.options = splitList(spec.substr(open + 1, spec.size() - open - 2), '/');
            spec = trimBlanks(spec.substr(0, open));
        }
    }
    question.text = spec;
    return question;
}

std::string tomlWhere(const std::string& file, const toml::source_region& source) {
    return fmt::format("{}:{}:{}: ", file, source.begin.line, source.begin.column);
}

std::optional<Error> readString(const toml::table& table, std::string_view key, std::string& into,
                                const std::string& file) {
    const toml::node* node = table.get(key);
    if (node == nullptr)
        return std::nullopt;
    if (!node->is_string())
        return Error::badInput(tomlWhere(file, node->source()) + fmt::format("{} must be a string", key));
    into = std::string(trimBlanks(node->as_string()->get()));
    return std::nullopt;
}

std::optional<Error> readStrings(const toml::table& table, std::string_view key,
                                 std::vector<std::string>& into, const std::string& file) {
    const toml::node* node = table.get(key);
    if (node == nullptr)
        return std::nullopt;
    const toml::array* array = node->as_array();
    if (array == nullptr)
        return Error::badInput(tomlWhere(file, node->source()) +
                               fmt::format("{} must be a list of strings", key));
    for (const toml::node& item : *array) {
        if (!item.is_string())
            return Error::badInput(tomlWhere(file, item.source()) +
                                   fmt::format("{} must be a list of strings", key));
        into.emplace_back(trimBlanks(item.as_string()->get()));
    }
    return std::nullopt;
}

std::optional<Error> rejectUnknownKeys(const toml::table& table,
                                       std::initializer_list<std::string_view> known,
                                       const std::string& file) {
    for (const auto& [key, node] : table)
        if (std::find(known.begin(), known.end(), key.str()) == known.end())
            return Error::badInput(tomlWhere(file, key.source()) +
                                   fmt::format("unknown key \"{}\" (known: {})", key.str(),
                                               fmt::format("{}", fmt::join(known, ", "))));
    return std::nullopt;
}

bool isTomlFile(const std::string& file) {
    std::string lowered = file;
    std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                   [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
    return lowered.ends_with(".toml");
}

} // namespace

std::string questionSlug(std::string_view text) {
    std::string slug;
    bool pendingSeparator = false;
    for (char c : text) {
        char lowered = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        bool keep = (lowered >= 'a' && lowered <= 'z') || (lowered >= '0' && lowered <= '9');
        if (!keep) {
            pendingSeparator = !slug.empty();
            continue;
        }
        if (pendingSeparator)
            slug += '_';
        pendingSeparator = false;
        slug += lowered;
    }
    return slug;
}

Expected<std::vector<Exhibitor>> parseExhibitorsCsv(std::string_view content, const std::string& file) {
    CsvReader reader(content);
    CsvRecord record;
    CsvStatus status = reader.next(record);
    if (status == CsvStatus::End)
        return Error::badInput(fmt::format("{}: the file is empty", file));
    if (status == CsvStatus::Error)
        return Error::badInput(fmt::format("{}:{}:{}: {}", file, reader.error().line, reader.error().column,
                                           reader.error().reason));

    std::vector<std::string> headers;
    std::optional<std::size_t> idColumn, nameColumn, boothColumn, tagsColumn, questionsColumn, emailsColumn,
        websiteColumn, followUpColumn;
    for (std::size_t i = 0; i < record.size(); ++i) {
        headers.emplace_back(trimBlanks(record.fields[i]));
        const std::string normalized = normalizeHeader(record.fields[i]);
        auto claim = [i](std::optional<std::size_t>& slot) {
            if (!slot)
                slot = i; // the first of repeated columns wins
        };
        if (normalized == "id")
            claim(idColumn);
        else if (normalized == "name")
            claim(nameColumn);
        else if (normalized == "booth")
            claim(boothColumn);
        else if (normalized == "tags")
            claim(tagsColumn);
        else if (normalized == "questions")
            claim(questionsColumn);
        else if (normalized == "contactemails" || normalized == "contactemail" || normalized == "emails" ||
                 normalized == "email")
            claim(emailsColumn);
        else if (normalized == "website")
            claim(websiteColumn);
        else if (normalized == "followup" || normalized == "followuplink")
            claim(followUpColumn);
    }
    if (!idColumn || !nameColumn) {
        std::string found;
        for (const auto& header : headers)
            found += (found.empty() ? "\"" : ", \"") + header + "\"";
        return Error::badInput(fmt::format("{}: an exhibitor list needs the columns id and name (and may "
                                           "have booth, tags, questions, contact_emails, website, follow_up); columns "
                                           "found: {}",
                                           file, found));
    }

    std::vector<Exhibitor> exhibitors;
    std::set<std::string> ids;
    for (;;) {
        status = reader.next(record);
        if (status == CsvStatus::End)
            break;
        if (status == CsvStatus::Error)
            return Error::badInput(fmt::format("{}:{}:{}: {}", file, reader.error().line,
                                               reader.error().column, reader.error().reason));
        auto field = [&](std::optional<std::size_t> column) {
            return column ? std::string(trimBlanks(record.fields[*column])) : std::string{};
        };
        Exhibitor exhibitor;
        exhibitor.id = field(idColumn);
        exhibitor.name = field(nameColumn);
        exhibitor.booth = field(boothColumn);
        exhibitor.tags = splitList(field(tagsColumn), '|');
        for (const std::string& spec : splitList(field(questionsColumn), '|'))
            exhibitor.questions.push_back(parseQuestion(spec));
        exhibitor.contact.emails = splitList(field(emailsColumn), '|');
        exhibitor.contact.website = field(websiteColumn);
        exhibitor.contact.followUp = field(followUpColumn);
        flattenWhitespace(exhibitor);
        assignQuestionIds(exhibitor);
        auto where = [&](std::string_view name) {
            std::optional<std::size_t> column = name == "id"               ? idColumn
                                                : name == "name"           ? nameColumn
                                                : name == "booth"          ? boothColumn
                                                : name == "contact_emails" ? emailsColumn
                                                : name == "website"        ? websiteColumn
                                                : name == "follow_up"      ? followUpColumn
                                                : name == "tags"           ? tagsColumn
                                                                           : questionsColumn;
            std::size_t index = column.value_or(*idColumn);
            return fmt::format("{}:{}:{}: ", file, record.fieldLines[index], index + 1);
        };
        if (auto error = checkExhibitor(exhibitor, ids, where))
            return *error;
        exhibitors.push_back(std::move(exhibitor));
    }
    return exhibitors;
}

Expected<std::vector<Exhibitor>> parseExhibitorsToml(std::string_view content, const std::string& file) {
    if (auto problem = tomlShapeProblem(content, file))
        return *problem;
    toml::table document;
    try {
        document = toml::parse(content, file);
    } catch (const toml::parse_error& error) {
        return Error::badInput(tomlWhere(file, error.source()) + std::string(error.description()));
    }
    if (auto error = rejectUnknownKeys(document, {"exhibitor"}, file))
        return *error;
    const toml::node* list = document.get("exhibitor");
    if (list == nullptr)
        return Error::badInput(fmt::format("{}: no [[exhibitor]] tables in the file", file));
    const toml::array* exhibitorsArray = list->as_array();
    if (exhibitorsArray == nullptr)
        return Error::badInput(tomlWhere(file, list->source()) +
                               "exhibitor must be written as [[exhibitor]] tables");

    std::vector<Exhibitor> exhibitors;
    std::set<std::string> ids;
    for (const toml::node& node : *exhibitorsArray) {
        const toml::table* table = node.as_table();
        if (table == nullptr)
            return Error::badInput(tomlWhere(file, node.source()) + "each exhibitor must be a table");
        if (auto error = rejectUnknownKeys(
                *table, {"id", "name", "booth", "tags", "question", "contact_emails", "website", "follow_up"}, file))
            return *error;
        Exhibitor exhibitor;
        for (auto error :
             {readString(*table, "id", exhibitor.id, file), readString(*table, "name", exhibitor.name, file),
              readString(*table, "booth", exhibitor.booth, file),
              readStrings(*table, "tags", exhibitor.tags, file),
              readStrings(*table, "contact_emails", exhibitor.contact.emails, file),
              readString(*table, "website", exhibitor.contact.website, file),
              readString(*table, "follow_up", exhibitor.contact.followUp, file)})
            if (error)
                return *error;
        if (const toml::node* questions = table->get("question")) {
            const toml::array* array = questions->as_array();
            if (array == nullptr)
                return Error::badInput(tomlWhere(file, questions->source()) +
                                       "questions must be written as [[exhibitor.question]] tables");
            std::set<std::string> givenIds; // a set, not a search per question: 20,000 stay linear
            for (const toml::node& questionNode : *array) {
                const toml::table* questionTable = questionNode.as_table();
                if (questionTable == nullptr)
                    return Error::badInput(tomlWhere(file, questionNode.source()) +
                                           "each question must be a table");
                if (auto error = rejectUnknownKeys(*questionTable, {"id", "text", "options"}, file))
                    return *error;
                Question question;
                for (auto error : {readString(*questionTable, "id", question.id, file),
                                   readString(*questionTable, "text", question.text, file),
                                   readStrings(*questionTable, "options", question.options, file)})
                    if (error)
                        return *error;
                if (!question.id.empty() && !givenIds.insert(question.id).second)
                    return Error::badInput(tomlWhere(file, questionTable->get("id")->source()) +
                                           fmt::format("question id \"{}\" is used twice in exhibitor \"{}\"",
                                                       question.id, exhibitor.id));
                exhibitor.questions.push_back(std::move(question));
            }
        }
        flattenWhitespace(exhibitor);
        assignQuestionIds(exhibitor);
        auto where = [&](std::string_view key) {
            const toml::node* at = table->get(key == "questions" ? "question" : key);
            return tomlWhere(file, at != nullptr ? at->source() : table->source());
        };
        if (auto error = checkExhibitor(exhibitor, ids, where))
            return *error;
        exhibitors.push_back(std::move(exhibitor));
    }
    return exhibitors;
}

Expected<std::vector<Exhibitor>> parseExhibitors(std::string_view content, const std::string& file) {
    if (isTomlFile(file))
        return parseExhibitorsToml(content, file);
    return parseExhibitorsCsv(content, file);
}

std::vector<std::string> exhibitorWarnings(const std::vector<Exhibitor>& exhibitors, const std::string& file) {
    const bool toml = isTomlFile(file);
    std::vector<std::string> warnings;
    for (const Exhibitor& exhibitor : exhibitors)
        for (const std::string& tag : exhibitor.tags) {
            const auto separator = tag.find_first_of(";,");
            if (separator == std::string::npos)
                continue;
            warnings.push_back(fmt::format("{}: exhibitor {}: the tag \"{}\" is one tag, because {}; if it was "
                                           "meant as several, {}",
                                           file, exhibitor.id, tag,
                                           toml ? "tags are a TOML list" : "tags are separated by |",
                                           toml ? "write tags = [\"a\", \"b\"]" : "write a|b"));
        }
    return warnings;
}

} // namespace meetscan::core
