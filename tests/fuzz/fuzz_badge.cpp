// The whole badge reading chain, as the kiosk runs it on every decoded code: MS1, pretix_sig1,
// URL token, Indico, MECARD, vCard, delimited and plain id. readBadge promises never to throw and
// to explain every refusal; the checks below make a broken promise a finding.
#include "fuzz_key.hpp"
#include "meetscan/scanner/badge_reading.hpp"

#include <cstdint>
#include <cstdlib>

namespace {

meetscan::scanner::ReaderConfig makeConfig() {
    meetscan::scanner::ReaderConfig config;
    const auto keys = meetscan::fuzz::fuzzKeyPair();
    config.meetscanKeys.push_back(keys.publicKey);
    config.pretixKeys.push_back(keys.publicKey);
    config.urlPatterns = {std::string(meetscan::scanner::kDefaultUrlPattern),
                          "^https://tickets\\.example\\.org/check\\?code=([0-9A-Z]+)$"};
    return config;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const meetscan::scanner::ReaderConfig config = makeConfig();
    const auto reading = meetscan::scanner::readBadge(meetscan::fuzz::asText(data, size), config);
    // A refusal always says why; an accepted signed badge always names the key that signed it.
    if (!reading.ok() && reading.reason.empty())
        std::abort();
    const bool isSigned = reading.kind == meetscan::scanner::BadgeKind::MeetScanSigned ||
                          reading.kind == meetscan::scanner::BadgeKind::PretixSigned;
    if (reading.ok() && isSigned && !reading.signedBy)
        std::abort();
    if (reading.code.size() > size)
        std::abort();
    (void)meetscan::scanner::toString(reading.kind);
    (void)meetscan::scanner::toString(reading.verdict);
    return 0;
}
