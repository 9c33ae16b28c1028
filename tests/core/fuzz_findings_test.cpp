// Inputs that once broke core's parsers under the fuzzers or sanitizers (tests/fuzz/README.md):
// each is kept here as a test, and also in its fuzz target's corpus.
#include "core/store/store.hpp"
#include "support/fresh_store.hpp"
#include "support/temp_dir.hpp"

#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace meetscan::core {
namespace {

std::filesystem::path corpusFile(const std::string& target, const std::string& name) {
    return std::filesystem::path(MEETSCAN_SOURCE_DIR) / "tests" / "fuzz" / "corpus" / target / name;
}

class StoredSettings : public test::FreshStore {
protected:
    Event readWith(const std::string& settingsJson) {
        SQLite::Statement update(m_store->database(), "UPDATE event SET settings = ?");
        update.bind(1, settingsJson);
        update.exec();
        return m_store->events().event();
    }
};

// json::value threw type_error on a member of the wrong type, so one bad settings row (from a
// merge or the central server) stopped the kiosk from starting; a float out of int's range was
// undefined behaviour. Wrong members now keep their defaults, the rest is read.
TEST_F(StoredSettings, MembersOfTheWrongTypeKeepTheirDefaults) {
    const std::string crash = test::readFile(corpusFile("fuzz_settings", "crash-wrong-types.json"));
    ASSERT_FALSE(crash.empty());
    Event event;
    ASSERT_NO_THROW(event = readWith(crash));
    const EventSettings defaults;
    EXPECT_EQ(event.settings.paper, defaults.paper);
    EXPECT_EQ(event.settings.pairingWindowSeconds, defaults.pairingWindowSeconds);
    EXPECT_EQ(event.settings.urlPatterns, defaults.urlPatterns);
    EXPECT_EQ(event.settings.debounceMs, defaults.debounceMs);
    EXPECT_EQ(event.settings.resultSeconds, defaults.resultSeconds);
    EXPECT_EQ(event.settings.summarySeconds, defaults.summarySeconds);
    EXPECT_EQ(event.settings.adminPinHash, defaults.adminPinHash);

    ASSERT_NO_THROW(event = readWith(R"({"paper":"letter","url_patterns":["^a(b)$", 7],"debounce_ms":500})"));
    EXPECT_EQ(event.settings.paper, "letter");
    EXPECT_EQ(event.settings.debounceMs, 500);
    EXPECT_TRUE(event.settings.urlPatterns.empty()); // a list with a non-string is not taken in part
}

TEST_F(StoredSettings, TextThatIsNotJsonGivesTheDefaults) {
    for (const std::string text : {"", "not json", "[1,2]", "\"a4\"", "{\"paper\":"}) {
        SCOPED_TRACE(text);
        Event event;
        ASSERT_NO_THROW(event = readWith(text));
        EXPECT_EQ(event.settings.paper, EventSettings{}.paper);
    }
}

} // namespace
} // namespace meetscan::core
