#pragma once
// What a scanned badge says: the chain of readers from DESIGN.md ("Badges"). Pure text in, struct
// out; the roster look-up (unknown attendee, no consent) happens later in app/core.
//
// Chain, first claim wins: MeetScan MS1 -> pretix_sig1 -> URL token -> Indico JSON -> MECARD ->
// vCard -> Delimited -> plain id. A reader claims text by its shape; once claimed, a broken or
// forged badge is reported as such rather than passed on, so `kind` says what the text looked like.
// Text that no reader claims is reported as a Malformed PlainId.
//
// Before the chain, leading and trailing ASCII white space is dropped (keyboard-wedge scanners
// append CR/LF or TAB), as is a UTF-8 byte order mark. The text is then refused as Malformed when
// it is empty, longer than ReaderConfig::maxLength bytes, not valid UTF-8, or holds control
// characters other than TAB, CR and LF.
//
// Formats and their `code` (the roster look-up key):
//  - MS1.<payload>.<signature>: see signing.hpp for the payload; code = the payload's "c".
//  - pretix_sig1 (see pretix_ticket.hpp): code = the whole QR text, as pretix exports it in
//    the "Ticket secret" column; the decoded fields are in `pretix`.
//  - URL: the first of ReaderConfig::urlPatterns found in the text (std::regex_search, so anchor a
//    pattern with ^...$ to match the whole text); code = capture group 1, which must not be empty.
//  - Indico {"i":[2,"<host>","<base64 ticket uuid>"(,"<base64 person uuid>")]}: code = the
//    ticket uuid as 8-4-4-4-12 lower-case hex; details in `indico`.
//  - MECARD / vCard: a contact; code = its UID (empty when it has none: core matches by e-mail).
//  - Delimited ID::last::first::company::email, exactly five fields (empty ones allowed, so a
//    trailing "::" for a missing e-mail is fine); three, four or six-plus fields are Malformed.
//  - Plain id: 1..128 printable, non-space ASCII characters; code = the text.
#include "meetscan/scanner/public_key.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meetscan::scanner {

enum class BadgeKind { MeetScanSigned, PretixSigned, UrlToken, Indico, Mecard, VCard, Delimited, PlainId };

// "meetscan", "pretix", "url", "indico", "mecard", "vcard", "delimited", "plain".
std::string_view toString(BadgeKind kind);

enum class ReadVerdict { Ok, Malformed, Forged };

// "ok", "malformed", "forged".
std::string_view toString(ReadVerdict verdict);

struct Contact {
    std::string uid, firstName, lastName, company, title, email, phone;
    friend bool operator==(const Contact&, const Contact&) = default;
};

// The protobuf payload of a pretix_sig1 ticket (pretix/base/secretgenerators/pretix_sig1.proto).
// Validity times are reported, not enforced: whether a ticket counts today is core's rule.
struct PretixTicket {
    std::string seed;
    std::int64_t item = 0;
    std::int64_t variation = 0;
    std::int64_t subevent = 0;
    std::optional<std::int64_t> validFromUnixTime;
    std::optional<std::int64_t> validUntilUnixTime;
    friend bool operator==(const PretixTicket&, const PretixTicket&) = default;
};

struct IndicoTicket {
    std::string host;                      // Indico's BASE_URL without "https://"
    std::string ticketUuid;                // canonical form, also the reading's code
    std::optional<std::string> personUuid; // set for an accompanying person's ticket
};

struct BadgeReading {
    BadgeKind kind = BadgeKind::PlainId;
    ReadVerdict verdict = ReadVerdict::Malformed;
    std::string reason; // human readable; set when verdict is not Ok
    std::string code;
    std::optional<Contact> contact;     // vCard, MECARD, Delimited, MS1
    std::optional<PretixTicket> pretix; // pretix_sig1, when the payload could be decoded
    std::optional<IndicoTicket> indico; // Indico
    std::optional<PublicKey> signedBy;  // MS1 / pretix: the trusted key that verified it

    [[nodiscard]] bool ok() const { return verdict == ReadVerdict::Ok; }
};

struct ReaderConfig {
    std::vector<PublicKey> meetscanKeys; // trusted MS1 event keys
    std::vector<PublicKey> pretixKeys;   // trusted pretix_sig1 keys
    // ECMAScript regexes with one capture group, searched in the text; kDefaultUrlPattern
    // when empty. A pattern that does not compile is skipped (check it with validateUrlPattern).
    std::vector<std::string> urlPatterns;
    std::size_t maxLength = 4096; // longer text: Malformed
};

inline constexpr std::string_view kDefaultUrlPattern = "^https?://[^/]+/t/[^/]+/([A-Za-z0-9_-]+)/?$";

// Never throws: any failure inside a reader becomes a Malformed reading with a reason.
BadgeReading readBadge(std::string_view text, const ReaderConfig& config) noexcept;

// Empty when `pattern` compiles as an ECMAScript regex with at least one capture group,
// otherwise why not (for the command line to reject a bad setting up front).
std::string validateUrlPattern(const std::string& pattern);

} // namespace meetscan::scanner
