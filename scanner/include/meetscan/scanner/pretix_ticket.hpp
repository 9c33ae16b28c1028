#pragma once
// pretix signed tickets (`pretix_sig1`), the encoding side and key strings. The format follows
// pretix's own implementation, pretix/base/secrets.py (Sig1TicketSecretGenerator) and
// pretix/base/secretgenerators/pretix_sig1.proto:
//   raw   = 0x01 | u16be n | u16be m | n bytes protobuf Ticket | m bytes Ed25519 signature(payload)
//   text  = reverse(standard base64(raw))   -- the base64 TEXT is reversed, not the bytes
// Keys: pretix's `valid_keys.pretix_sig1` entries are base64 of a PEM "PUBLIC KEY" whose DER is an
// Ed25519 SubjectPublicKeyInfo (302a300506032b6570032100 followed by the 32 key bytes).
//
// makePretixTicket exists for tests and the demo (so pretix-style badges can be printed); a kiosk
// only ever reads these tickets.
#include "meetscan/scanner/badge_reading.hpp"
#include "meetscan/scanner/expected.hpp"
#include "meetscan/scanner/public_key.hpp"
#include "meetscan/scanner/signing.hpp"

#include <string>
#include <string_view>

namespace meetscan::scanner {

// The QR text of a ticket with `ticket`'s fields, signed with `keys`.
std::string makePretixTicket(const PretixTicket& ticket, const KeyPair& keys);

// The protobuf bytes of `ticket` as pretix serialises them (proto3: zero fields left out).
std::string encodePretixPayload(const PretixTicket& ticket);

// base64 of the PEM text, as in pretix's event data.
std::string pretixPublicKeyPem(const PublicKey& key);

// Accepts base64 of the PEM text (pretix's form) and, for convenience, the PEM text itself.
Expected<PublicKey> parsePretixKey(std::string_view base64Pem);

} // namespace meetscan::scanner
