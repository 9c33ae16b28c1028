#include "cli/commands.hpp"

#include "meetscan/scanner/base64.hpp"
#include "meetscan/scanner/pretix_ticket.hpp"
#include "meetscan/scanner/signing.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

namespace meetscan::cli {

namespace {

std::string secretBase64(const scanner::KeyPair& keys) {
    return scanner::encodeBase64(
        std::string_view(reinterpret_cast<const char*>(keys.secretKey.data()), keys.secretKey.size()));
}

void generateKey(CliContext& context, const std::string& out, bool replace) {
    auto& store = context.officeStore("signing keys are made");
    const auto current = store.keys().signingKey();
    if (current && !replace)
        throw CliError::badInput(fmt::format("this event signs its badges already, with {} (see `meetscan keys list`); "
                                             "`keys generate --replace` makes a new key sign, and the old one keeps "
                                             "verifying the badges printed with it",
                                             current->publicKey));
    const auto keys = scanner::generateKeyPair();
    const auto publicKey = scanner::encodePublicKey(keys.publicKey);
    if (!out.empty())
        orThrow(scanner::writeKeyPairFile(out, keys));
    store.keys().saveSigningKey({publicKey, secretBase64(keys)});
    store.keys().trust({"meetscan", publicKey});
    fmt::print("new event signing key{}; public key (share with other stations: meetscan keys trust KEY):\n{}\n",
               current ? ", which signs from now on (the old key keeps verifying)" : "", publicKey);
    if (!out.empty())
        fmt::print("key pair written to {} (keep it secret)\n", out);
}

void trustKey(CliContext& context, const std::string& key) {
    auto decoded = scanner::decodePublicKey(key);
    if (!decoded)
        throw CliError::badInput(fmt::format("not a MeetScan public key ({}): {}", decoded.error().message, key));
    const bool added = context.officeStore("keys are trusted").keys().trust({"meetscan", key});
    fmt::print("{} {}\n", added ? "trusted" : "already trusted", key);
}

void addPretixKeys(CliContext& context, const std::vector<std::string>& keys) {
    for (const auto& key : keys) {
        if (auto parsed = scanner::parsePretixKey(key); !parsed)
            throw CliError::badInput(fmt::format("not a pretix_sig1 key ({}): {}", parsed.error().message,
                                                 key.substr(0, 40)));
    }
    int added = 0;
    for (const auto& key : keys)
        added += context.officeStore("keys are trusted").keys().trust({"pretix", key}) ? 1 : 0;
    fmt::print("trusted {} pretix key{} ({} already trusted)\n", added, added == 1 ? "" : "s",
               static_cast<int>(keys.size()) - added);
}

void listKeys(CliContext& context, bool json) {
    auto& keys = context.store().keys();
    const auto signing = keys.signingKey();
    for (const auto& key : keys.all()) {
        const bool signs = signing && key.kind == "meetscan" && key.publicKey == signing->publicKey;
        if (json)
            fmt::print("{}\n",
                       nlohmann::json{{"kind", key.kind}, {"public_key", key.publicKey}, {"signing", signs}}.dump());
        else
            fmt::print("{:<9} {}{}\n", key.kind, key.publicKey, signs ? "  (signs this event's badges)" : "");
    }
}

} // namespace

void addKeysCommand(CLI::App& app, CliContext& context) {
    auto* keys = app.add_subcommand("keys", "Keys for signed badges: generate, trust, add-pretix, list");
    keys->require_subcommand(1);

    auto out = std::make_shared<std::string>();
    auto replace = std::make_shared<bool>(false);
    auto* generate = keys->add_subcommand("generate", "A new event signing key for printing MS1 badges");
    generate->add_option("--out", *out, "Also write the key pair to FILE");
    generate->add_flag("--replace", *replace,
                       "When the event signs already: the new key signs from now on, the old one keeps verifying");
    generate->callback([&context, out, replace] { generateKey(context, *out, *replace); });

    auto key = std::make_shared<std::string>();
    auto* trust = keys->add_subcommand("trust", "Trust another MeetScan event public key");
    trust->add_option("PUBLIC_KEY", *key, "base64 of the 32-byte Ed25519 public key")->required();
    trust->callback([&context, key] { trustKey(context, *key); });

    auto pretixKeys = std::make_shared<std::vector<std::string>>();
    auto* pretix = keys->add_subcommand("add-pretix", "Trust pretix_sig1 keys (base64 of a PEM public key)");
    pretix->add_option("KEY", *pretixKeys, "pretix event data: valid_keys.pretix_sig1")->required();
    pretix->callback([&context, pretixKeys] { addPretixKeys(context, *pretixKeys); });

    auto json = std::make_shared<bool>(false);
    auto* list = keys->add_subcommand("list", "Trusted keys");
    list->add_flag("--json", *json, "One JSON object a line: kind, public_key, signing");
    list->callback([&context, json] { listKeys(context, *json); });
}

} // namespace meetscan::cli
