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
    [[nodiscard]] bool healthy() const;

    struct Impl;

private:
    explicit PgConnection(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

// Postgres' text form of a boolean ("t"/"f") or a NULL as false.
[[nodiscard]] inline bool pgTrue(const PgValue& value) { return value && *value == "t"; }

} // namespace meetscan::core
