#pragma once
#include "core/domain/ulid.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meetscan::core {

// What the organiser configures once per event; stored as JSON so new settings need no migration.
struct EventSettings {
    int pairingWindowSeconds = 20;  // Meet mode: time to scan the second badge
    int resultSeconds = 8;          // how long a result screen stays before the idle screen
    int summarySeconds = 30;        // Summary mode clears itself after this
    int debounceMs = 2000;          // the same badge seen again within this is one scan
    std::string paper = "a4";       // a4 | letter, for PDFs
    std::string accentColour = "#1F6FEB";
    std::vector<std::string> urlPatterns; // badge URL patterns (one capture group each)
    std::string adminPinHash;       // libsodium password hash, this station's own; empty: no PIN, no kiosk
    // The zone every human-facing time is shown in (domain/local_time.hpp): an IANA name such as
    // "Europe/Berlin"; empty: the machine's zone.
    std::string timeZone;
    // A PNG shown on summary.pdf (export/event_logo.hpp), read at export time; empty: no logo.
    std::string logo;
};

struct Event {
    std::string id;
    std::string name;
    EventSettings settings;
    TimeMs createdAt = 0;
};

enum class Mode { Meet, Booth, Summary };
[[nodiscard]] std::string_view toString(Mode mode);
[[nodiscard]] std::optional<Mode> parseMode(std::string_view text);

// A kiosk. Every row this database creates carries the id of its own station.
struct Station {
    std::string id;
    std::string name;
    Mode mode = Mode::Meet;
    std::string exhibitorId; // Booth mode: whose leads this kiosk captures
};

} // namespace meetscan::core
