#pragma once
// The event's own signing key, as stored by `meetscan keys generate` (or the demo), and the
// signed MS1 text printed on an attendee's badge.
#include "core/domain/attendee.hpp"
#include "core/store/key_repository.hpp"
#include "meetscan/scanner/expected.hpp"
#include "meetscan/scanner/signing.hpp"

#include <string>

namespace meetscan::core {

// BadInput when this database has no signing key (run `meetscan keys generate`) or holds one
// that does not decode to a sound Ed25519 pair.
[[nodiscard]] Expected<scanner::KeyPair> eventSigningKey(const KeyRepository& keys);

// What the badge's QR code holds: the roster badge code and the printed name, signed.
[[nodiscard]] std::string signedBadgeText(const Attendee& attendee, const scanner::KeyPair& keys);

} // namespace meetscan::core
