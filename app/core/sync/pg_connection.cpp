#include "core/sync/pg_connection.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <array>

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

std::string lastError(PGconn* conn) {
    std::string message = PQerrorMessage(conn);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
        message.pop_back();
    return message;
}

void check(PGconn* conn, const Result& result) {
    const auto status = PQresultStatus(result.get());
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        return;
    std::string message = result ? PQresultErrorMessage(result.get()) : "";
    if (message.empty())
        message = lastError(conn);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
        message.pop_back();
    throw PgError(message.empty() ? std::string("the server connection was lost") : message);
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

bool PgConnection::healthy() const { return m_impl && PQstatus(m_impl->conn) == CONNECTION_OK; }

} // namespace meetscan::core
