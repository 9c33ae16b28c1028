#include "core/session/scan_session.hpp"

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

namespace meetscan::core {

PersonCard personCard(const Attendee& attendee) {
    return {attendee.id, attendee.displayName(), attendee.company, attendee.title};
}

ScanSession::ScanSession(Store& store) : m_store(store), m_resolver(store) { reload(); }

void ScanSession::reload() {
    m_event = m_store.events().event();
    m_station = m_store.events().station();
    m_exhibitor = m_station.exhibitorId.empty() ? std::nullopt : m_store.exhibitors().byId(m_station.exhibitorId);
    m_resolver.reload();
}

Status ScanSession::changeStation(const Station& station) {
    try {
        if (auto saved = m_store.events().saveStation(station); !saved)
            return saved;
    } catch (const SQLite::Exception& e) {
        return Error::world(fmt::format("cannot save the station: {}", e.what()));
    }
    if (station.mode != m_station.mode || station.exhibitorId != m_station.exhibitorId) {
        m_pending.reset();
        m_staff.reset();
    }
    reload();
    return Done{};
}

bool ScanSession::expire(TimeMs now) {
    if (m_pending && now >= m_pending->expiresAt) {
        m_pending.reset();
        return true;
    }
    return false;
}

Decision ScanSession::onScan(const ScanInput& input, TimeMs now) {
    expire(now);
    Decision decision;
    decision.record.id = newUlid(now);
    decision.record.stationId = m_station.id;
    decision.record.at = now;
    decision.record.mode = std::string(toString(m_station.mode));
    decision.record.rawText = input.text;
    decision.record.format = input.format;

    Resolution resolution;
    try {
        resolution = m_resolver.resolve(input.text, m_station.mode, m_station.exhibitorId, true);
    } catch (const SQLite::Exception& e) {
        resolution.verdict = Verdict::Unknown;
        resolution.reason = e.what();
    }
    decision.verdict = resolution.verdict;
    decision.record.kind = std::string(scanner::toString(resolution.reading.kind));
    decision.record.detail = resolution.reason;
    if (resolution.attendee) {
        decision.record.attendeeId = resolution.attendee->id;
        decision.person = personCard(*resolution.attendee);
    }

    // The state the rules change in memory is only kept when the write succeeds.
    const auto pendingBefore = m_pending;
    const auto staffBefore = m_staff;
    try {
        SQLite::Transaction transaction(m_store.database(), SQLite::TransactionBehavior::IMMEDIATE);
        switch (resolution.verdict) {
        case Verdict::Forged:
            decision.outcome = Outcome::BadSignature;
            decision.message = "This badge could not be verified. Please visit the registration desk.";
            break;
        case Verdict::Malformed:
            decision.outcome = Outcome::Malformed;
            decision.message = "Badge not recognised. Hold it still, a little further away.";
            break;
        case Verdict::Unknown:
            decision.outcome = Outcome::UnknownBadge;
            decision.message = "We could not find this badge. Please visit the registration desk.";
            break;
        case Verdict::NoConsent:
            decision.outcome = Outcome::NoConsent;
            decision.message = "This attendee asked not to be scanned by exhibitors. Thank you for respecting that.";
            break;
        case Verdict::Ok:
            switch (m_station.mode) {
            case Mode::Meet:
                decision = decideMeet(std::move(decision), resolution, now);
                break;
            case Mode::Booth:
                decision = decideBooth(std::move(decision), resolution, now);
                break;
            case Mode::Summary:
                decision = decideSummary(std::move(decision), resolution);
                break;
            }
            break;
        }
        decision.record.outcome = decision.outcome;
        m_store.scans().append(decision.record);
        transaction.commit();
        decision.saved = true;
    } catch (const SQLite::Exception& e) {
        m_pending = pendingBefore;
        m_staff = staffBefore;
        decision.saved = false;
        decision.error = fmt::format("the scan could not be saved: {}", e.what());
    }
    return decision;
}

Status ScanSession::saveLead(const Lead& edited, TimeMs now) {
    try {
        SQLite::Transaction transaction(m_store.database(), SQLite::TransactionBehavior::IMMEDIATE);
        m_store.leads().saveEdits(edited, m_station.id, now);
        transaction.commit();
        return Done{};
    } catch (const SQLite::Exception& e) {
        return Error::world(fmt::format("the lead could not be saved: {}", e.what()));
    }
}

} // namespace meetscan::core
