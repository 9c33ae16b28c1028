// A station set-up code, as a kiosk's camera or USB scanner reads it: any text at all. What the
// parser takes must name only where to connect (never a user, password or client option) and
// write back to the same text.
#include "core/sync/station_setup.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto code = meetscan::core::parseSetupCode(text);
    if (!code)
        return 0;
    if (code->token.size() != 64 || meetscan::core::setupCodeText(*code) != text)
        std::abort();
    const std::string settings = " " + code->server;
    for (const char* refused : {" user=", " password=", " passfile=", " service=", " options=", " sslkey=",
                                " sslcert=", " sslrootcert=", " connect_timeout=", "'", "\\"})
        if (settings.find(refused) != std::string::npos)
            std::abort();
    return 0;
}
