#include "core/sync/pg_connection.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <algorithm>
#include <array>
#include <string_view>
#include <optional>

namespace meetscan::core {

struct PgConnection::Impl {
    PGconn* conn = nullptr;
    ~Impl() {
        if (conn != nullptr)
            PQfinish(conn);
    }
};

namespace {

struct ResultDeleter {
    void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

// Server messages span lines (a DETAIL, a HINT, "Is the server running..."): the CLI prints one.
std::string oneLine(const std::string& text) {
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        std::string line = text.substr(start, end - start);
        const auto first = line.find_first_not_of(" \t");
        const auto last = line.find_last_not_of(" \t\r");
        if (first != std::string::npos) {
            if (!out.empty())
                out += "; ";
            out += line.substr(first, last - first + 1);
        }
        start = end + 1;
    }
    return out;
}

std::string lastError(PGconn* conn) { return oneLine(PQerrorMessage(conn)); }

void check(PGconn* conn, const Result& result, ExecStatusType expected = PGRES_COMMAND_OK) {
    const auto status = PQresultStatus(result.get());
    if (status == expected || status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        return;
    // The primary message alone: its DETAIL repeats the row, which may hold personal data.
    const char* primary = result ? PQresultErrorField(result.get(), PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    std::string message = primary != nullptr ? oneLine(primary) : "";
    if (message.empty())
        message = lastError(conn);
    throw PgError(message.empty() ? std::string("the server connection was lost") : message);
}

// COPY's text format: backslash escapes for the characters that separate fields and rows.
void appendCopyField(std::string& out, const PgValue& value) {
    if (!value) {
        out += "\\N";
        return;
    }
    for (const char c : *value) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        default: out += c;
        }
    }
}

std::string quoteConninfoValue(const std::string& value) {
    std::string out = "'";
    for (const char c : value) {
        if (c == '\'' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "'";
}

} // namespace

Expected<PgConnection> PgConnection::connect(const std::string& server) {
    // Defaults first: the user's conninfo (expanded from "dbname") may override every one of them.
    constexpr std::array kKeys{"connect_timeout", "application_name", "keepalives", "keepalives_idle",
                               "keepalives_interval", "keepalives_count", "dbname", static_cast<const char*>(nullptr)};
    const std::array kValues{"5", "meetscan-sync", "1", "10", "5", "3", server.c_str(), static_cast<const char*>(nullptr)};
    auto impl = std::make_unique<Impl>();
    impl->conn = PQconnectdbParams(kKeys.data(), kValues.data(), 1);
    if (impl->conn == nullptr)
        return Error::world("cannot connect to the server: out of memory");
    if (PQstatus(impl->conn) != CONNECTION_OK)
        return Error::world(fmt::format("cannot connect to the server: {}", lastError(impl->conn)));
    PGresult* quiet = PQexec(impl->conn, "SET client_min_messages = warning");
    PQclear(quiet);
    return PgConnection(std::move(impl));
}

PgConnection::PgConnection(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
PgConnection::PgConnection(PgConnection&&) noexcept = default;
PgConnection& PgConnection::operator=(PgConnection&&) noexcept = default;
PgConnection::~PgConnection() = default;

std::vector<PgRow> PgConnection::exec(const std::string& sql, const std::vector<PgValue>& params) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& param : params)
        values.push_back(param ? param->c_str() : nullptr);
    Result result(PQexecParams(m_impl->conn, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                               nullptr, nullptr, 0));
    check(m_impl->conn, result);
    std::vector<PgRow> rows;
    const int rowCount = PQntuples(result.get());
    const int columnCount = PQnfields(result.get());
    rows.reserve(static_cast<std::size_t>(rowCount));
    for (int r = 0; r < rowCount; ++r) {
        PgRow row;
        row.reserve(static_cast<std::size_t>(columnCount));
        for (int c = 0; c < columnCount; ++c) {
            if (PQgetisnull(result.get(), r, c) != 0)
                row.emplace_back(std::nullopt);
            else
                row.emplace_back(std::string(PQgetvalue(result.get(), r, c),
                                             static_cast<std::size_t>(PQgetlength(result.get(), r, c))));
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

void PgConnection::execScript(const std::string& sql) {
    Result result(PQexec(m_impl->conn, sql.c_str()));
    check(m_impl->conn, result);
}

void PgConnection::copyIn(const std::string& copySql, const std::vector<PgRow>& rows) {
    Result started(PQexec(m_impl->conn, copySql.c_str()));
    check(m_impl->conn, started, PGRES_COPY_IN);
    std::string chunk;
    constexpr std::size_t kChunk = 1 << 20;
    bool sent = true;
    for (const auto& row : rows) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (c != 0)
                chunk += '\t';
            appendCopyField(chunk, row[c]);
        }
        chunk += '\n';
        if (chunk.size() >= kChunk) {
            sent = PQputCopyData(m_impl->conn, chunk.data(), static_cast<int>(chunk.size())) == 1;
            chunk.clear();
            if (!sent)
                break;
        }
    }
    if (sent && !chunk.empty())
        sent = PQputCopyData(m_impl->conn, chunk.data(), static_cast<int>(chunk.size())) == 1;
    if (PQputCopyEnd(m_impl->conn, sent ? nullptr : "the station stopped sending") != 1)
        throw PgError(lastError(m_impl->conn));
    // COPY ends with its own result, then nothing: read until libpq says so.
    std::optional<PgError> failure;
    while (PGresult* raw = PQgetResult(m_impl->conn)) {
        Result result(raw);
        try {
            check(m_impl->conn, result);
        } catch (const PgError& e) {
            if (!failure)
                failure = e;
        }
    }
    if (failure)
        throw *failure;
}

std::string PgConnection::address() const {
    // Where and how to reach the server (TLS included), never who the office is.
    static constexpr std::array<std::string_view, 7> kKept{"host",    "hostaddr", "port",       "dbname",
                                                           "sslmode", "sslrootcert", "target_session_attrs"};
    std::string out;
    PQconninfoOption* options = PQconninfo(m_impl->conn);
    for (const PQconninfoOption* option = options; option != nullptr && option->keyword != nullptr; ++option) {
        if (option->val == nullptr || *option->val == '\0' ||
            std::find(kKept.begin(), kKept.end(), option->keyword) == kKept.end())
            continue;
        if (!out.empty())
            out += ' ';
        out += fmt::format("{}={}", option->keyword, quoteConninfoValue(option->val));
    }
    PQconninfoFree(options);
    return out;
}

std::string PgConnection::encryptPassword(const std::string& password, const std::string& role) {
    char* verifier = PQencryptPasswordConn(m_impl->conn, password.c_str(), role.c_str(), nullptr);
    if (verifier == nullptr)
        throw PgError(lastError(m_impl->conn));
    std::string out = verifier;
    PQfreemem(verifier);
    return out;
}

Expected<std::string> conninfoWithLogin(const std::string& server, const std::string& user, const std::string& password) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(server.c_str(), &error);
    if (options == nullptr) {
        std::string message = error != nullptr ? oneLine(error) : "out of memory";
        PQfreemem(error);
        return Error::badInput(fmt::format("the sync server is not a conninfo or URI: {}", message));
    }
    std::string out;
    for (const PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
        const std::string key = option->keyword;
        if (option->val == nullptr || key == "user" || key == "password")
            continue;
        out += fmt::format("{}={} ", key, quoteConninfoValue(option->val));
    }
    PQconninfoFree(options);
    return out + fmt::format("user={} password={}", quoteConninfoValue(user), quoteConninfoValue(password));
}

bool PgConnection::healthy() const { return m_impl && PQstatus(m_impl->conn) == CONNECTION_OK; }

} // namespace meetscan::core
