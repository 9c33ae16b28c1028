// The organiser's exhibitor list, CSV or TOML (toml++): the first byte picks the format. A list
// is taken whole or refused with "FILE:LINE:COLUMN: reason", never half-read.
#include "core/roster/exhibitor_import.hpp"
#include "fuzz_key.hpp"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    const bool toml = (data[0] & 1) != 0;
    const std::string_view content = meetscan::fuzz::asText(data + 1, size - 1);
    const auto list = meetscan::core::parseExhibitors(content, toml ? "exhibitors.toml" : "exhibitors.csv");
    if (!list.ok() && list.error().message.empty())
        std::abort();
    if (list.ok()) {
        for (const auto& exhibitor : *list)
            if (exhibitor.id.empty())
                std::abort();
    }
    (void)meetscan::core::questionSlug(content);
    return 0;
}
