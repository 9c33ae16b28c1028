// Contacts on badges and in contact files: vCard 2.1/3.0/4.0 (folding, quoted-printable, base64,
// charsets through iconv) and MECARD, called directly so that texts the chain would hand to an
// earlier reader still reach these parsers.
#include "fuzz_key.hpp"
#include "meetscan/scanner/vcard.hpp"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = meetscan::fuzz::asText(data, size);
    const auto cards = meetscan::scanner::parseVCards(text);
    if (!cards.ok() && cards.error().message.empty())
        std::abort();
    const auto mecard = meetscan::scanner::parseMecard(text);
    if (!mecard.ok() && mecard.error().message.empty())
        std::abort();
    return 0;
}
