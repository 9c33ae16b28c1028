// pretix_sig1 tickets. The QR text is reversed base64 of a binary layout (version, two lengths,
// protobuf payload, signature), so the fuzzer mutates the binary and this target encodes it as a
// badge would carry it: mutations then reach the length checks and the protobuf reader instead
// of dying in base64. The same bytes are also tried as a pretix key string.
#include "fuzz_key.hpp"
#include "meetscan/scanner/badge_reading.hpp"
#include "meetscan/scanner/base64.hpp"
#include "meetscan/scanner/pretix_ticket.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const meetscan::scanner::ReaderConfig config = [] {
        meetscan::scanner::ReaderConfig c;
        c.pretixKeys.push_back(meetscan::fuzz::fuzzKeyPair().publicKey);
        return c;
    }();
    const std::string_view bytes = meetscan::fuzz::asText(data, size);
    std::string text = meetscan::scanner::encodeBase64(bytes);
    std::reverse(text.begin(), text.end());
    const auto reading = meetscan::scanner::readBadge(text, config);
    if (!reading.ok() && reading.reason.empty())
        std::abort();
    if (reading.ok() && reading.kind == meetscan::scanner::BadgeKind::PretixSigned &&
        (!reading.pretix || !reading.signedBy))
        std::abort();

    const auto key = meetscan::scanner::parsePretixKey(bytes);
    if (!key.ok() && key.error().message.empty())
        std::abort();
    return 0;
}
