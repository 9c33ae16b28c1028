#pragma once
// Where the SMTP login comes from: the environment (MEETSCAN_SMTP_USER, MEETSCAN_SMTP_PASSWORD,
// read by the command line) or a TOML file only its owner can read:
//
//   user = "events@example.org"
//   password = "..."
//
// Never the command line (other users see it in `ps`) and never the event database (it travels
// in packs, merges and syncs).
#include "meetscan/scanner/expected.hpp"

#include <filesystem>
#include <string>

namespace meetscan::core {

struct SmtpLogin {
    std::string user;
    std::string password;
};

// Bad input when the file is missing keys, holds others, or may be read by group or others.
[[nodiscard]] Expected<SmtpLogin> readSmtpCredentials(const std::filesystem::path& file);

} // namespace meetscan::core
