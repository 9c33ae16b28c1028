#include "core/merge/row_checks.hpp"

#include "core/domain/scan_record.hpp"
#include "core/merge/merge_rules.hpp"
#include "core/roster/csv_reader.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <string_view>
#include <vector>

namespace meetscan::core {

namespace {

// Times (ms, up to the year 9999), counts and flags: far from where the clocks' `last + 1` would
// overflow, yet years ahead of any real clock.
constexpr long long kLargestWholeNumber = 253'402'300'799'999;
constexpr std::string_view kUlid = "(length({0}) = 26 AND {0} NOT GLOB '*[^0-9A-HJKMNP-TV-Z]*')";
constexpr std::string_view kRosterId = "(length({0}) = 17 AND {0} GLOB 'A*' AND {0} NOT GLOB '?*[^0-9A-HJKMNP-TV-Z]*')";
// Exhibitor ids come from the organiser's file; they are never a path or a control sequence.
constexpr std::string_view kExhibitorId = "(length({0}) BETWEEN 1 AND 128 AND instr({0}, '/') = 0 AND "
                                          "instr({0}, char(92)) = 0 AND {0} NOT IN ('.', '..'))";

// Text a person or a spreadsheet may read: valid UTF-8, no NUL, no control characters but tab
// and line breaks. Integers and NULL pass (the column types are checked on their own).
void textOk(sqlite3_context* context, int /*argc*/, sqlite3_value** argv) {
    const int type = sqlite3_value_type(argv[0]);
    if (type == SQLITE_NULL || type == SQLITE_INTEGER) {
        sqlite3_result_int(context, 1);
        return;
    }
    if (type != SQLITE_TEXT) {
        sqlite3_result_int(context, 0);
        return;
    }
    const auto* bytes = sqlite3_value_text(argv[0]);
    const std::string_view text(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(sqlite3_value_bytes(argv[0])));
    bool ok = findInvalidUtf8(text) == std::string_view::npos;
    for (std::size_t i = 0; ok && i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        ok = c >= 0x20 ? c != 0x7f : (c == '\t' || c == '\n' || c == '\r');
    }
    sqlite3_result_int(context, ok ? 1 : 0);
}

void outcomeOk(sqlite3_context* context, int /*argc*/, sqlite3_value** argv) {
    const auto* bytes = sqlite3_value_text(argv[0]);
    const bool ok = bytes != nullptr &&
                    parseOutcome(std::string_view(reinterpret_cast<const char*>(bytes),
                                                  static_cast<std::size_t>(sqlite3_value_bytes(argv[0]))))
                        .has_value();
    sqlite3_result_int(context, ok ? 1 : 0);
}

void registerFunctions(SQLite::Database& db) {
    const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY;
    sqlite3_create_function(db.getHandle(), "meetscan_text_ok", 1, flags, nullptr, textOk, nullptr, nullptr);
    sqlite3_create_function(db.getHandle(), "meetscan_outcome_ok", 1, flags, nullptr, outcomeOk, nullptr, nullptr);
}

// A row is named by its key, quoted and cut short: the key itself may be the bad part.
std::string rowName(const std::string& key) {
    constexpr std::size_t kShown = 40;
    std::string shown = key.size() > kShown ? key.substr(0, kShown) + "..." : key;
    std::string escaped;
    for (const unsigned char c : shown)
        escaped += c < 0x20 || c == 0x7f ? fmt::format("\\x{:02x}", c) : std::string(1, static_cast<char>(c));
    return fmt::format("\"{}\"", escaped);
}

struct Rule {
    const char* table;
    const char* key;     // the column that names the row
    const char* column;  // what the rule is about, for the message
    std::string failing; // SQL condition on the source row (alias r) that makes it bad
    const char* why;
};

std::string ref(std::string_view schema, std::string_view table, std::string_view column, std::string_view value) {
    return fmt::format("({3} IN (SELECT {2} FROM {0}.{1} UNION ALL SELECT {2} FROM main.{1}))", schema, table, column,
                       value);
}

std::vector<Rule> rules(const std::string& s, FoldInto into) {
    auto ulid = [](const char* column) { return fmt::format(fmt::runtime(kUlid), fmt::format("r.{}", column)); };
    auto rosterId = [](const char* column) { return fmt::format(fmt::runtime(kRosterId), fmt::format("r.{}", column)); };
    auto known = [&s, into](const char* table, const char* column) {
        return into == FoldInto::Database ? ref(s, table, "id", fmt::format("r.{}", column)) : std::string("1");
    };
    auto station = [&known](const char* column) { return known("station", column); };
    auto person = [&known](const char* column) { return known("attendee", column); };
    auto exhibitor = [&known](const char* column) { return known("exhibitor", column); };
    return {
        {"station", "id", "id", "NOT " + ulid("id"), "is not a station id"},
        {"station", "id", "mode", "r.mode NOT IN ('meet', 'booth', 'summary')", "is not a kiosk mode"},
        {"station", "id", "exhibitor_id",
         fmt::format("r.exhibitor_id IS NOT NULL AND r.exhibitor_id <> '' AND NOT {}",
                     fmt::format(fmt::runtime(kExhibitorId), "r.exhibitor_id")),
         "is not an exhibitor id"},
        {"exhibitor", "id", "id", "NOT " + fmt::format(fmt::runtime(kExhibitorId), "r.id"), "is not an exhibitor id"},
        {"attendee", "id", "id", "NOT " + rosterId("id"), "is not an attendee id"},
        {"attendee", "id", "source", "r.source NOT IN ('roster', 'walk_in')", "is neither roster nor walk_in"},
        {"attendee", "id", "consent", "r.consent_exhibitors NOT IN (0, 1) OR r.consent_networking NOT IN (0, 1)",
         "is not 0 or 1"},
        {"attendee", "id", "badge_code", "length(r.badge_code) NOT BETWEEN 1 AND 4096", "is empty or too long"},
        {"attendee", "id", "station_id", "r.source = 'walk_in' AND NOT " + station("station_id"),
         "names no station of this event"},
        {"attendee_code", "code", "attendee_id", "NOT " + person("attendee_id"), "names nobody of this event"},
        {"attendee_code", "code", "code", "length(r.code) NOT BETWEEN 1 AND 4096", "is empty or too long"},
        {"trusted_key", "public_key", "kind", "r.kind NOT IN ('meetscan', 'pretix')", "is not a key kind"},
        {"trusted_key", "public_key", "public_key", "length(r.public_key) NOT BETWEEN 1 AND 4096", "is not a key"},
        {"erasure", "attendee_id", "attendee_id", "NOT " + rosterId("attendee_id"), "is not an attendee id"},
        {"scan", "id", "id", "NOT " + ulid("id"), "is not a scan id"},
        {"scan", "id", "station_id", "NOT " + station("station_id"), "names no station of this event"},
        {"scan", "id", "outcome", "NOT meetscan_outcome_ok(r.outcome)", "is not a scan outcome"},
        {"scan", "id", "mode", "r.mode NOT IN ('meet', 'booth', 'summary')", "is not a kiosk mode"},
        {"scan", "id", "attendee_id", "r.attendee_id IS NOT NULL AND NOT " + person("attendee_id"),
         "names nobody of this event"},
        {"meeting", "id", "id", "NOT " + ulid("id"), "is not a meeting id"},
        {"meeting", "id", "station_id", "NOT " + station("station_id"), "names no station of this event"},
        {"meeting", "id", "attendee_a", "NOT " + person("attendee_a") + " OR NOT " + person("attendee_b"),
         "names nobody of this event"},
        {"meeting", "id", "attendee_b", "r.attendee_a >= r.attendee_b", "is not after attendee_a"},
        {"lead", "id", "id", "NOT " + ulid("id"), "is not a lead id"},
        {"lead", "id", "station_id", "NOT " + station("station_id"), "names no station of this event"},
        {"lead", "id", "attendee_id", "NOT " + person("attendee_id"), "names nobody of this event"},
        {"lead", "id", "exhibitor_id", "NOT " + exhibitor("exhibitor_id"), "names no exhibitor of this event"},
        {"lead", "id", "rating", "r.rating NOT IN ('', 'hot', 'warm', 'cold')", "is not a rating"},
        {"lead", "id", "scan_count", "r.scan_count < 0", "is negative"},
        {"lead_edit", "id", "id", "NOT " + ulid("id"), "is not a lead edit id"},
        {"lead_edit", "id", "station_id", "NOT " + station("station_id"), "names no station of this event"},
        {"lead_edit", "id", "attendee_id", "NOT " + person("attendee_id"), "names nobody of this event"},
        {"lead_edit", "id", "exhibitor_id", "NOT " + exhibitor("exhibitor_id"), "names no exhibitor of this event"},
        {"lead_edit", "id", "field", "r.field NOT IN ('rating', 'tags', 'answers', 'note', 'staff_id')",
         "is not an editable lead field"},
    };
}

struct ColumnInfo {
    std::string name;
    bool integer;
    bool required; // NOT NULL in main (a staging schema has no constraints)
};

std::vector<ColumnInfo> columnsOf(SQLite::Database& db, const std::string& schema, const std::string& table) {
    // Types come from main's schema: a staging schema's columns carry only affinities.
    SQLite::Statement query(db, fmt::format("SELECT m.name, m.type, m.\"notnull\" OR m.pk FROM pragma_table_info('{0}', 'main') m "
                                            "JOIN pragma_table_info('{0}', '{1}') s ON s.name = m.name ORDER BY m.cid",
                                            table, schema));
    std::vector<ColumnInfo> columns;
    while (query.executeStep())
        columns.push_back({query.getColumn(0).getString(), query.getColumn(1).getString() == "INTEGER",
                           query.getColumn(2).getInt() != 0});
    return columns;
}

const char* keyOf(const std::string& table) {
    if (table == "attendee_code")
        return "code";
    if (table == "trusted_key" || table == "signing_key")
        return "public_key";
    if (table == "erasure")
        return "attendee_id";
    return "id";
}

Status firstBad(SQLite::Database& db, const std::string& schema, const std::string& table, const std::string& key,
                const std::string& column, const std::string& failing, const std::string& why) {
    // A condition that is NULL (a missing value) fails too: the staging schema has no NOT NULL.
    SQLite::Statement query(db, fmt::format("SELECT CAST(r.{} AS TEXT) FROM {}.{} r WHERE coalesce(({}), 1) LIMIT 1",
                                            key, schema, table, failing));
    if (!query.executeStep())
        return Done{};
    return Error::badInput(fmt::format("row {} {}: {} {}", table, rowName(query.getColumn(0).getString()), column, why));
}

} // namespace

Status checkIncomingRows(SQLite::Database& db, const std::string& schema, FoldInto into) {
    registerFunctions(db);
    for (const auto& table : foldedTables()) {
        const std::string key = keyOf(table);
        for (const auto& column : columnsOf(db, schema, table)) {
            const std::string missing = column.required ? fmt::format(" OR r.{} IS NULL", column.name) : "";
            const std::string failing =
                column.integer ? fmt::format("typeof(r.{0}) NOT IN ('integer', 'null') OR coalesce(abs(r.{0}), 0) > {2}{1}",
                                             column.name, missing, kLargestWholeNumber)
                               : fmt::format("NOT meetscan_text_ok(r.{0}){1}", column.name, missing);
            const char* why = column.integer ? "is not a whole number up to the year 9999 in ms" : "is missing or not clean UTF-8 text";
            if (auto bad = firstBad(db, schema, table, key, column.name, failing, why); !bad)
                return bad;
        }
    }
    for (const auto& rule : rules(schema, into))
        if (auto bad = firstBad(db, schema, rule.table, rule.key, rule.column, rule.failing, rule.why); !bad)
            return bad;
    return Done{};
}

} // namespace meetscan::core
