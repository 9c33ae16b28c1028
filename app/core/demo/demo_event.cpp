#include "core/demo/demo_event.hpp"

#include "core/demo/demo_people.hpp"
#include "core/domain/ulid.hpp"
#include "core/session/admin_lock.hpp"
#include "meetscan/scanner/base64.hpp"
#include "meetscan/scanner/signing.hpp"

#include <algorithm>
#include <exception>
#include <fmt/format.h>
#include <optional>

namespace meetscan::core {

namespace {

constexpr std::string_view kDemoAccentColour = "#0E9F8E";
constexpr int kDemoPairingWindowSeconds = 20;
constexpr std::string_view kDemoStationName = "Demo kiosk";

std::string_view asChars(const unsigned char* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// The key pair this database already signs with, when it holds a sound one: running the demo
// again must not invalidate badges printed the first time.
std::optional<scanner::KeyPair> storedKeyPair(const KeyRepository& keys) {
    const auto stored = keys.signingKey();
    if (!stored)
        return std::nullopt;
    auto publicKey = scanner::decodePublicKey(stored->publicKey);
    const auto secret = scanner::decodeBase64(stored->secretKey);
    if (!publicKey || !secret || secret->size() != 64)
        return std::nullopt;
    scanner::KeyPair pair;
    pair.publicKey = *publicKey;
    std::copy(secret->begin(), secret->end(), pair.secretKey.begin());
    // libsodium's secret key ends with its public key; a pair that disagrees is not ours to use.
    if (!std::equal(pair.publicKey.bytes.begin(), pair.publicKey.bytes.end(), pair.secretKey.begin() + 32))
        return std::nullopt;
    return pair;
}

Status nameEventAndStation(EventRepository& events, const std::string& eventName) {
    Event event = events.event();
    if (event.id.empty()) {
        event.id = newUlid();
        event.createdAt = nowMs();
    }
    event.name = eventName;
    event.settings.accentColour = kDemoAccentColour;
    event.settings.pairingWindowSeconds = kDemoPairingWindowSeconds;
    if (auto saved = events.saveEvent(event); !saved)
        return saved;

    Station station = events.station();
    if (station.id.empty())
        station.id = newUlid();
    station.name = kDemoStationName;
    station.mode = Mode::Meet;
    station.exhibitorId.clear();
    return events.saveStation(station);
}

Expected<DemoEvent> fillStore(Store& store, const DemoOptions& options) {
    // Everything random is drawn before the first write, so a seed always gives the same roster.
    demo::DemoRandom random(options.seed);
    const auto exhibitors = demo::demoExhibitors();
    const auto roster = demo::makeDemoRoster(options.attendees, exhibitors, random);

    if (auto named = nameEventAndStation(store.events(), options.eventName); !named)
        return named.error();
    if (!options.adminPin.empty())
        if (auto pin = setAdminPin(store.events(), options.adminPin); !pin)
            return pin.error();

    std::vector<Exhibitor> exhibitorRows;
    for (const auto& e : exhibitors)
        exhibitorRows.push_back(e.exhibitor);
    if (auto imported = store.exhibitors().importAll(exhibitorRows); !imported)
        return imported.error();
    if (auto imported = store.attendees().importAll(roster); !imported)
        return imported.error();

    auto keys = storedKeyPair(store.keys());
    if (!keys) {
        keys = scanner::generateKeyPair();
        store.keys().saveSigningKey(
            {scanner::encodePublicKey(keys->publicKey),
             scanner::encodeBase64(asChars(keys->secretKey.data(), keys->secretKey.size()))});
    }
    DemoEvent demo;
    demo.publicKey = scanner::encodePublicKey(keys->publicKey);
    store.keys().trust({"meetscan", demo.publicKey});

    for (const auto& e : exhibitors) {
        demo.exhibitorIds.push_back(e.exhibitor.id);
        demo.staffBadges.try_emplace(e.exhibitor.id);
    }
    for (const auto& person : roster) {
        std::string badge =
            scanner::signBadge({person.badgeCode, person.firstName, person.lastName, person.company}, *keys);
        if (!person.exhibitorId.empty())
            demo.staffBadges[person.exhibitorId].push_back(badge);
        demo.attendeeIds.push_back(person.id);
        demo.badgeTexts.push_back(std::move(badge));
    }
    return demo;
}

} // namespace

Expected<DemoEvent> createDemoEvent(Store& store, const DemoOptions& options) {
    if (options.attendees < kMinDemoAttendees || options.attendees > kMaxDemoAttendees)
        return Error::badInput(fmt::format("a demo event has {} to {} attendees, not {}", kMinDemoAttendees,
                                           kMaxDemoAttendees, options.attendees));
    if (options.eventName.empty())
        return Error::badInput("the demo event needs a name");
    try {
        return fillStore(store, options);
    } catch (const std::exception& e) {
        // SQLiteCpp reports a full disk or a locked database by throwing.
        return Error::world(
            fmt::format("could not create the demo event in {}: {}", store.path().string(), e.what()));
    }
}

} // namespace meetscan::core
