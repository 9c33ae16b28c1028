#pragma once
// A thin owner of one libpq connection. libpq's types stay in pg_connection.cpp (STYLE.md: third-party
// types behind our headers), so the rest of sync speaks in strings and rows.
#include "meetscan/scanner/expected.hpp"

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace meetscan::core {

using PgValue = std::optional<std::string>; // nullopt is SQL NULL
using PgRow = std::vector<PgValue>;

// A failed statement or a lost connection. Sync code throws it inside one operation and turns it
// into an Error value at the operation's edge.
class PgError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class PgConnection {
public:
    // `server` is a libpq conninfo ("host=... dbname=...") or a postgresql:// URI. A short connect
    // timeout and TCP keepalives are added so a cut network is noticed in seconds, not minutes.
    static Expected<PgConnection> connect(const std::string& server);

    PgConnection(PgConnection&&) noexcept;
    PgConnection& operator=(PgConnection&&) noexcept;
    ~PgConnection();

    // Runs one statement with text parameters ($1, $2, ...) and returns its rows as text.
    std::vector<PgRow> exec(const std::string& sql, const std::vector<PgValue>& params = {});
    // Runs several statements without parameters (schema scripts).
    void execScript(const std::string& sql);
    // `COPY ... FROM STDIN` (text format) with these rows: one round trip for a whole batch,
    // where an INSERT would be parsed and planned per row.
    void copyIn(const std::string& copySql, const std::vector<PgRow>& rows);
    [[nodiscard]] bool healthy() const;

    // Where this connection went (host, port, database), without user or password: what a
    // station login is built on.
    [[nodiscard]] std::string address() const;
    // The SCRAM verifier of `password` for `role`, so the password itself never reaches the server.
    [[nodiscard]] std::string encryptPassword(const std::string& password, const std::string& role);

    struct Impl;

private:
    explicit PgConnection(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

// `server` (a conninfo or a URI) with `user` and `password` set, as one key=value conninfo.
// Bad input when `server` cannot be parsed.
Expected<std::string> conninfoWithLogin(const std::string& server, const std::string& user, const std::string& password);

// Postgres' text form of a boolean ("t"/"f") or a NULL as false.
[[nodiscard]] inline bool pgTrue(const PgValue& value) { return value && *value == "t"; }

} // namespace meetscan::core
