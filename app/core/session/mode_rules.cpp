// The decisions of each kiosk mode for a badge that resolved to an attendee. They run inside
// ScanSession::onScan's transaction, so what they write is durable together with the scan.
#include "core/session/scan_session.hpp"

#include <fmt/format.h>

namespace meetscan::core {

namespace {

std::string firstNameOf(const Attendee& attendee) {
    return attendee.firstName.empty() ? attendee.displayName() : attendee.firstName;
}

} // namespace

Decision ScanSession::decideMeet(Decision decision, const Resolution& resolution, TimeMs now) {
    const Attendee& attendee = *resolution.attendee;
    if (!m_pending) {
        m_pending = PendingPair{personCard(attendee), decision.record.id,
                                now + static_cast<TimeMs>(m_event.settings.pairingWindowSeconds) * 1000};
        decision.outcome = Outcome::FirstBadge;
        decision.message = fmt::format("Hi {} — now the other person", firstNameOf(attendee));
        return decision;
    }
    if (m_pending->first.id == attendee.id) {
        decision.outcome = Outcome::SameBadge;
        decision.message = "That is the same badge. Waiting for the second badge.";
        return decision;
    }
    const PendingPair first = *m_pending;
    const bool metBefore = m_store.meetings().connected(first.first.id, attendee.id);
    m_store.meetings().add({newUlid(now), m_station.id, now, first.first.id, attendee.id, first.scanId, decision.record.id});
    m_pending.reset();
    decision.partner = first.first;
    decision.outcome = metBefore ? Outcome::AlreadyConnected : Outcome::Connected;
    decision.message = metBefore ? "You are already connected. We counted this meeting again." : "You are connected";
    return decision;
}

Decision ScanSession::decideBooth(Decision decision, const Resolution& resolution, TimeMs now) {
    const Attendee& attendee = *resolution.attendee;
    if (!m_exhibitor) {
        decision.outcome = Outcome::NotConfigured;
        decision.message = "This booth kiosk has no exhibitor yet. Staff: open the admin panel to choose one.";
        return decision;
    }
    if (attendee.exhibitorId == m_exhibitor->id) {
        m_staff = personCard(attendee);
        decision.outcome = Outcome::StaffSignedIn;
        decision.message = fmt::format("Welcome, {}. Leads you scan now are yours.", firstNameOf(attendee));
        return decision;
    }
    auto touched = m_store.leads().touch(m_exhibitor->id, attendee.id, m_staff ? m_staff->id : "", m_station.id, now);
    decision.lead = touched.lead;
    decision.outcome = touched.created ? Outcome::LeadCaptured : Outcome::LeadReopened;
    decision.message = touched.created ? fmt::format("Lead saved: {}", attendee.displayName())
                                       : fmt::format("Welcome back, {}. Their lead is open again.", attendee.displayName());
    return decision;
}

Decision ScanSession::decideSummary(Decision decision, const Resolution& resolution) {
    decision.summary = summarizeAttendee(m_store, *resolution.attendee);
    decision.outcome = Outcome::SummaryShown;
    decision.message = fmt::format("Hi {} — here is who you met", firstNameOf(*resolution.attendee));
    return decision;
}

} // namespace meetscan::core
