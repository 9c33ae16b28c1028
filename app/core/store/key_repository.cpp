#include "core/store/key_repository.hpp"

#include <SQLiteCpp/Statement.h>

namespace meetscan::core {

bool KeyRepository::trust(const TrustedKey& key) {
    SQLite::Statement insert(m_db, "INSERT OR IGNORE INTO trusted_key (public_key, kind, added_at) VALUES (?, ?, ?)");
    insert.bind(1, key.publicKey);
    insert.bind(2, key.kind);
    insert.bind(3, nowMs());
    return insert.exec() > 0;
}

std::vector<TrustedKey> KeyRepository::all() const {
    SQLite::Statement query(m_db, "SELECT kind, public_key FROM trusted_key ORDER BY added_at, public_key");
    std::vector<TrustedKey> keys;
    while (query.executeStep())
        keys.push_back({query.getColumn(0).getString(), query.getColumn(1).getString()});
    return keys;
}

void KeyRepository::saveSigningKey(const StoredSigningKey& key) {
    // The newest key signs: a clock that stepped back must not leave the old key signing.
    SQLite::Statement insert(m_db, "INSERT OR REPLACE INTO signing_key (public_key, secret_key, created_at) "
                                   "VALUES (?, ?, MAX(?, (SELECT COALESCE(MAX(created_at), 0) + 1 FROM signing_key)))");
    insert.bind(1, key.publicKey);
    insert.bind(2, key.secretKey);
    insert.bind(3, nowMs());
    insert.exec();
}

std::optional<StoredSigningKey> KeyRepository::signingKey() const {
    SQLite::Statement query(m_db, "SELECT public_key, secret_key FROM signing_key ORDER BY created_at DESC LIMIT 1");
    if (!query.executeStep())
        return std::nullopt;
    return StoredSigningKey{query.getColumn(0).getString(), query.getColumn(1).getString()};
}

} // namespace meetscan::core
