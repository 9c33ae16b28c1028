#pragma once
#include <span>

namespace meetscan::core {

// One numbered schema step. Each is applied in its own transaction together with the bump of
// PRAGMA user_version, so a crash between steps leaves a consistent, resumable database.
struct Migration {
    int version;
    const char* name;
    const char* sql;
};

// Every migration in order; version N is at index N-1.
[[nodiscard]] std::span<const Migration> allMigrations();

} // namespace meetscan::core
