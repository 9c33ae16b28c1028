#include "core/mail/smtp_credentials.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <sys/stat.h>

namespace meetscan::core {

namespace {

constexpr std::uintmax_t kMaxFileBytes = 64 * 1024;

} // namespace

Expected<SmtpLogin> readSmtpCredentials(const std::filesystem::path& file) {
    struct stat info {};
    if (::stat(file.c_str(), &info) != 0)
        return Error::badInput(fmt::format("{}: no such credentials file", file.string()));
    if (!S_ISREG(info.st_mode) || info.st_size > static_cast<off_t>(kMaxFileBytes))
        return Error::badInput(fmt::format("{}: not a credentials file (a small TOML file)", file.string()));
    if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0)
        return Error::badInput(fmt::format("{}: others may read it; run `chmod 600 {}`", file.string(),
                                           file.string()));
    toml::table document;
    try {
        document = toml::parse_file(file.string());
    } catch (const toml::parse_error& error) {
        return Error::badInput(fmt::format("{}:{}:{}: {}", file.string(), error.source().begin.line,
                                           error.source().begin.column, error.description()));
    }
    for (const auto& [key, node] : document)
        if (key.str() != "user" && key.str() != "password")
            return Error::badInput(fmt::format("{}: unknown key \"{}\" (only user and password)", file.string(),
                                               key.str()));
    const auto user = document["user"].value<std::string>();
    const auto password = document["password"].value<std::string>();
    if (!user || !password || user->empty())
        return Error::badInput(fmt::format("{}: needs user = \"...\" and password = \"...\"", file.string()));
    return SmtpLogin{*user, *password};
}

} // namespace meetscan::core
