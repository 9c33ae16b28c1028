#include "core/session/badge_resolver.hpp"

#include "meetscan/scanner/pretix_ticket.hpp"
#include "meetscan/scanner/signing.hpp"

#include <algorithm>
#include <cctype>

namespace meetscan::core {

namespace {

std::string lowerAscii(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// A walk-in's badge code: the contact's own id when it has one, else its e-mail, else the
// whole badge text (hashed into the attendee id, so nothing secret is exposed).
std::string walkInCode(const scanner::BadgeReading& reading, std::string_view text) {
    if (!reading.code.empty())
        return reading.code;
    if (reading.contact && !reading.contact->email.empty())
        return "contact:" + lowerAscii(reading.contact->email);
    return "contact:" + attendeeIdForCode(std::string(text));
}

} // namespace

std::string_view toString(Verdict verdict) {
    switch (verdict) {
    case Verdict::Ok:
        return "ok";
    case Verdict::Unknown:
        return "unknown";
    case Verdict::Forged:
        return "forged";
    case Verdict::Malformed:
        return "malformed";
    case Verdict::NoConsent:
        return "no_consent";
    }
    return "malformed";
}

BadgeResolver::BadgeResolver(Store& store) : m_store(store) { reload(); }

void BadgeResolver::reload() {
    m_config = {};
    for (const auto& key : m_store.keys().all()) {
        if (key.kind == "meetscan") {
            if (auto decoded = scanner::decodePublicKey(key.publicKey))
                m_config.meetscanKeys.push_back(*decoded);
        } else if (auto parsed = scanner::parsePretixKey(key.publicKey)) {
            m_config.pretixKeys.push_back(*parsed);
        }
    }
    m_config.urlPatterns = m_store.events().event().settings.urlPatterns;
}

std::optional<Attendee> BadgeResolver::findAttendee(const scanner::BadgeReading& reading) const {
    auto& attendees = m_store.attendees();
    if (!reading.code.empty())
        if (auto found = attendees.byCode(reading.code))
            return found;
    if (reading.contact) {
        if (!reading.contact->uid.empty())
            if (auto found = attendees.byCode(reading.contact->uid))
                return found;
        if (auto found = attendees.byEmail(reading.contact->email))
            return found;
    }
    return std::nullopt;
}

Resolution BadgeResolver::resolve(std::string_view text, Mode mode, const std::string& exhibitorId, bool addWalkIns) {
    Resolution r;
    r.reading = scanner::readBadge(text, m_config);
    if (r.reading.verdict == scanner::ReadVerdict::Forged) {
        r.verdict = Verdict::Forged;
        r.reason = r.reading.reason;
        return r;
    }
    if (r.reading.verdict == scanner::ReadVerdict::Malformed) {
        r.verdict = Verdict::Malformed;
        r.reason = r.reading.reason;
        return r;
    }
    r.attendee = findAttendee(r.reading);
    if (!r.attendee && r.reading.contact) {
        // A self-contained contact: whoever showed it shares these details on purpose.
        r.walkIn = true;
        Attendee walkIn;
        walkIn.badgeCode = walkInCode(r.reading, text);
        walkIn.firstName = r.reading.contact->firstName;
        walkIn.lastName = r.reading.contact->lastName;
        walkIn.company = r.reading.contact->company;
        walkIn.title = r.reading.contact->title;
        walkIn.email = r.reading.contact->email;
        walkIn.phone = r.reading.contact->phone;
        walkIn.role = "walk-in";
        if (addWalkIns) {
            auto added = m_store.attendees().addWalkIn(walkIn);
            if (!added) {
                r.verdict = Verdict::Unknown;
                r.reason = added.error().message;
                return r;
            }
            r.attendee = *added;
        } else {
            walkIn.id = attendeeIdForCode(walkIn.badgeCode);
            r.attendee = walkIn;
            r.reason = "not on the roster: a walk-in from a contact badge";
        }
    }
    if (!r.attendee || r.attendee->erased) {
        r.attendee.reset();
        r.verdict = Verdict::Unknown;
        r.reason = "not on the roster";
        return r;
    }
    const bool ownStaff = !exhibitorId.empty() && r.attendee->exhibitorId == exhibitorId;
    if (mode == Mode::Booth && !r.attendee->consentExhibitors && !ownStaff) {
        r.verdict = Verdict::NoConsent;
        r.reason = "asked not to be scanned by exhibitors";
        return r;
    }
    r.verdict = Verdict::Ok;
    return r;
}

} // namespace meetscan::core
