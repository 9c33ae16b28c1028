// Event settings, the JSON kept in the event row. It reaches a kiosk from other hands: a merged
// database, a central server, an organiser editing it. Reading the event must take any text
// there, falling back to defaults, as the kiosk reads it at start-up.
#include "core/store/store.hpp"
#include "fuzz_key.hpp"

#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <unistd.h>
#include <utility>

namespace {

meetscan::core::Store& fuzzStore() {
    static const std::unique_ptr<meetscan::core::Store> store = [] {
        const auto path = std::filesystem::temp_directory_path() /
                          ("meetscan-fuzz-settings-" + std::to_string(getpid()) + ".db");
        std::filesystem::remove(path);
        auto opened = meetscan::core::Store::open(path);
        if (!opened)
            std::abort();
        // Durability is not under test here; an fsync per input would be most of the time.
        opened.value()->database().exec("PRAGMA synchronous = OFF");
        return std::move(opened).value();
    }();
    return *store;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto& store = fuzzStore();
    SQLite::Statement update(store.database(), "UPDATE event SET settings = ?");
    update.bind(1, std::string(meetscan::fuzz::asText(data, size)));
    update.exec();
    const auto event = store.events().event();
    // Stored back, the settings read the same: nothing the reader accepts is lost on a save.
    if (!store.events().saveEvent(event))
        std::abort();
    const auto again = store.events().event();
    if (again.settings.paper != event.settings.paper || again.settings.urlPatterns != event.settings.urlPatterns ||
        again.settings.pairingWindowSeconds != event.settings.pairingWindowSeconds)
        std::abort();
    return 0;
}
