#pragma once
#include "core/domain/ulid.hpp"

#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>
#include <vector>

namespace meetscan::core {

struct TrustedKey {
    std::string kind;      // meetscan | pretix
    std::string publicKey; // as given: base64 of 32 bytes (meetscan), base64 of a PEM (pretix)
};

struct StoredSigningKey {
    std::string publicKey; // base64
    std::string secretKey; // base64
};

class KeyRepository {
public:
    explicit KeyRepository(SQLite::Database& db) : m_db(db) {}

    // Returns false when the key was trusted already.
    bool trust(const TrustedKey& key);
    [[nodiscard]] std::vector<TrustedKey> all() const;
    void saveSigningKey(const StoredSigningKey& key);
    // The newest key pair this event signs its badges with.
    [[nodiscard]] std::optional<StoredSigningKey> signingKey() const;

private:
    SQLite::Database& m_db;
};

} // namespace meetscan::core
