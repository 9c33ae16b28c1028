// The admin panel's Leads page at a Booth station: the exhibitor's lead list onto a USB stick
// (XLSX and CSV) or e-mailed to its contact addresses now, each with how many leads are new
// since the last time. It reads the LeadDeliveryWorker's status copy and asks through
// LeadCommands; it never touches a drive, the network or the database.
#include "ui/screens/screens.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace meetscan::ui {

namespace {

constexpr float kPad = 32.0F;
constexpr std::size_t kDrivesShown = 3; // a kiosk has two USB ports, three at most

// A shorter screen (1280x800) gets tighter rows, so each card still holds all it says.
bool compactScreen(const ScreenContext& context) { return context.size.y < 1000.0F; }
float actionHeight(const ScreenContext& context) { return compactScreen(context) ? 72.0F : 90.0F; }

// A warning line with a muted explanation under it; returns the y below both.
float warning(Painter& paint, bool compact, float left, float y, float width, const std::string& title,
              const std::string& detail) {
    const Theme& theme = paint.theme();
    paint.icon(Icon::Warning, ImVec2(left + 20.0F, y + 20.0F), 20.0F, theme.notice);
    const float titleSize = compact ? theme.smallSize - 4.0F : theme.smallSize + 2.0F;
    const ImVec2 first = paint.text(ImVec2(left + 56.0F, y), title, titleSize, theme.notice, Align::Left, true, width - 56.0F);
    const float detailY = y + std::max(first.y, titleSize * 1.3F) + 4.0F;
    const ImVec2 second = paint.text(ImVec2(left + 56.0F, detailY), detail, theme.smallSize - 6.0F, theme.textMuted,
                                     Align::Left, false, width - 56.0F);
    return detailY + second.y;
}

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const auto& item : items)
        text += (text.empty() ? "" : ", ") + item;
    return text;
}

std::string newLine(const core::LeadDeliveryCounts& counts, bool mail) {
    if (counts.leads == 0)
        return "No leads yet";
    const std::size_t fresh = mail ? counts.newSinceMail : counts.newSinceExport;
    const bool never = (mail ? counts.lastMailAt : counts.lastExportAt) == 0;
    const char* since = mail ? "the last e-mail" : "the last export";
    if (never)
        return fmt::format("{} {}, none {} yet", counts.leads, counts.leads == 1 ? "lead" : "leads",
                           mail ? "e-mailed" : "exported");
    return fmt::format("{} new since {} ({} in all)", fresh, since, counts.leads);
}

// A button that cannot be pressed now: drawn, not recorded as a button, so no tap reaches it.
void inactiveButton(Painter& paint, const std::string& label, ImVec2 min, ImVec2 size, float textSize) {
    const Theme& theme = paint.theme();
    paint.card(min, ImVec2(min.x + size.x, min.y + size.y), withAlpha(theme.cardRaised, 150), 20.0F);
    paint.text(ImVec2(min.x + size.x / 2.0F, min.y + (size.y - textSize * 1.3F) / 2.0F), label, textSize,
               theme.textMuted, Align::Centre, true);
}

// Where a card's parts go, both cards alike: the text column, the first line under the heading,
// the outcome line and the action button at the bottom.
struct CardLayout {
    bool compact = false;
    float left = 0;
    float width = 0;
    float y = 0; // under the heading and its counts
    float buttonHeight = 0;
    float buttonY = 0;
    float resultY = 0;
};

// Draws the card, its title and its counts line (amber when there is news).
CardLayout drawCard(ScreenContext& context, ImVec2 min, ImVec2 max, const char* title, const std::string& counts,
                    bool hasNews) {
    Painter& paint = context.paint;
    const Theme& theme = paint.theme();
    paint.card(min, max, theme.card, 24.0F);
    CardLayout card;
    card.compact = compactScreen(context);
    card.left = min.x + kPad;
    card.width = max.x - min.x - 2.0F * kPad;
    const float top = min.y + (card.compact ? 18.0F : 24.0F);
    paint.text(ImVec2(card.left, top), title, theme.bodySize, theme.text, Align::Left, true);
    paint.text(ImVec2(card.left, top + (card.compact ? 48.0F : 56.0F)), counts, theme.smallSize - 2.0F,
               hasNews ? theme.notice : theme.textMuted);
    card.y = top + (card.compact ? 96.0F : 112.0F);
    card.buttonHeight = actionHeight(context);
    card.buttonY = max.y - (card.compact ? 24.0F : kPad) - card.buttonHeight;
    card.resultY = card.buttonY - (card.compact ? 76.0F : 84.0F);
    return card;
}

void drawUsbCard(ScreenContext& context, LeadsView& view, const core::Exhibitor& exhibitor, ImVec2 min, ImVec2 max) {
    Painter& paint = context.paint;
    const Theme& theme = paint.theme();
    const auto& status = view.status;
    const bool known = status.counts && status.exhibitorId == exhibitor.id;
    const auto [compact, left, width, y, buttonHeight, buttonY, resultY] =
        drawCard(context, min, max, "USB stick", known ? newLine(*status.counts, false) : std::string("Counting leads…"),
                 known && status.counts->newSinceExport > 0);

    // The drives: none, one, or several to choose from.
    const auto& drives = status.drives;
    const core::RemovableDrive* target = nullptr;
    if (!status.drivesListed) {
        paint.text(ImVec2(left, y), "Looking for USB sticks…", theme.smallSize - 2.0F, theme.textMuted);
    } else if (drives.empty()) {
        (void)warning(paint, compact, left, y, width, "Plug in a USB stick", "It shows here a few seconds after it is in.");
    } else if (drives.size() == 1) {
        target = &drives.front();
        paint.text(ImVec2(left, y), "Onto " + target->label, theme.smallSize + 2.0F, theme.text, Align::Left, true);
        paint.text(ImVec2(left, y + 44.0F), target->mountPoint.string(), theme.smallSize - 6.0F, theme.textMuted,
                   Align::Left, false, width);
    } else {
        paint.text(ImVec2(left, y), "Which stick?", theme.smallSize - 2.0F, theme.text, Align::Left, true);
        const float driveHeight = compact ? 64.0F : 72.0F;
        const float driveY = y + (compact ? 38.0F : 44.0F);
        const std::size_t shown = std::min(drives.size(), kDrivesShown);
        const float gap = 16.0F;
        const float driveWidth = (width - gap * static_cast<float>(shown - 1)) / static_cast<float>(shown);
        for (std::size_t i = 0; i < shown; ++i) {
            const auto& drive = drives[i];
            const bool chosen = view.chosenDrive == drive.mountPoint.string();
            if (chosen)
                target = &drive;
            ButtonStyle style;
            style.selected = chosen;
            style.fill = chosen ? theme.accent : theme.cardRaised;
            style.textSize = theme.smallSize - 2.0F;
            if (paint.button(drive.label, ImVec2(left + static_cast<float>(i) * (driveWidth + gap), driveY),
                             ImVec2(driveWidth, driveHeight), style)) {
                context.state.lastTouchAt = context.now;
                view.chosenDrive = drive.mountPoint.string();
            }
        }
    }

    // The outcome, above the button.
    const bool working = status.exportState == core::DeliveryState::Working;
    if (working) {
        paint.text(ImVec2(left, resultY), "Writing to " + status.exportDrive.label + "…", theme.smallSize - 2.0F,
                   theme.textMuted, Align::Left, false, width);
    } else if (status.exportState == core::DeliveryState::Done && status.exported) {
        const auto& done = *status.exported;
        paint.text(ImVec2(left, resultY),
                   fmt::format("{} {} written to {}", done.leads, done.leads == 1 ? "lead" : "leads",
                               status.exportDrive.label),
                   theme.smallSize - 2.0F, theme.success, Align::Left, true, width);
        paint.text(ImVec2(left, resultY + 40.0F), done.xlsxName + " and .csv", theme.smallSize - 6.0F, theme.textMuted,
                   Align::Left, false, width);
    } else if (status.exportState == core::DeliveryState::Failed) {
        paint.text(ImVec2(left, resultY), "Not exported: " + status.exportError, theme.smallSize - 6.0F, theme.danger,
                   Align::Left, false, width);
    }

    const bool hasLeads = known && status.counts->leads > 0;
    if (working) {
        inactiveButton(paint, "Exporting…", ImVec2(left, buttonY), ImVec2(width, buttonHeight), theme.smallSize + 2.0F);
    } else if (target == nullptr || !hasLeads) {
        inactiveButton(paint, "Export my leads", ImVec2(left, buttonY), ImVec2(width, buttonHeight),
                       theme.smallSize + 2.0F);
    } else {
        ButtonStyle style;
        style.fill = theme.accent;
        style.textSize = theme.smallSize + 2.0F;
        if (paint.button("Export my leads", ImVec2(left, buttonY), ImVec2(width, buttonHeight), style)) {
            context.state.lastTouchAt = context.now;
            context.commands.leads.exportTo = *target;
        }
    }
}

void drawMailCard(ScreenContext& context, LeadsView& view, const core::Exhibitor& exhibitor, ImVec2 min, ImVec2 max) {
    Painter& paint = context.paint;
    const Theme& theme = paint.theme();
    const auto& status = view.status;
    const bool known = status.counts && status.exhibitorId == exhibitor.id;
    const auto [compact, left, width, y, buttonHeight, buttonY, resultY] =
        drawCard(context, min, max, "E-mail", known ? newLine(*status.counts, true) : std::string("Counting leads…"),
                 known && status.counts->newSinceMail > 0);

    const bool hasAddress = !exhibitor.contact.emails.empty();
    bool ready = view.mailReady && hasAddress;
    if (!view.mailReady) {
        const std::string why = view.mailProblem.empty()
                                    ? "Start the kiosk with MEETSCAN_SMTP_URL and MEETSCAN_SMTP_FROM set."
                                    : view.mailProblem;
        (void)warning(paint, compact, left, y, width, "E-mail is not set up on this kiosk", why);
    } else if (!hasAddress) {
        (void)warning(paint, compact, left, y, width, "No contact address for " + exhibitor.name,
                      "The event's office adds it to the exhibitor list.");
    } else {
        paint.text(ImVec2(left, y), "To " + joined(exhibitor.contact.emails), theme.smallSize - 2.0F, theme.text,
                   Align::Left, true, width);
    }

    const bool working = status.mailState == core::DeliveryState::Working;
    if (working) {
        paint.text(ImVec2(left, resultY), "Sending to " + joined(exhibitor.contact.emails) + "…", theme.smallSize - 2.0F,
                   theme.textMuted, Align::Left, false, width);
    } else if (status.mailState == core::DeliveryState::Done) {
        paint.text(ImVec2(left, resultY), "Sent to " + joined(status.mailedTo), theme.smallSize - 2.0F, theme.success,
                   Align::Left, true, width);
        paint.text(ImVec2(left, resultY + 40.0F),
                   fmt::format("{} {}, as XLSX and CSV", status.mailedLeads, status.mailedLeads == 1 ? "lead" : "leads"),
                   theme.smallSize - 6.0F, theme.textMuted, Align::Left, false, width);
    } else if (status.mailState == core::DeliveryState::Failed) {
        paint.text(ImVec2(left, resultY), "Not sent: " + status.mailError, theme.smallSize - 6.0F, theme.danger,
                   Align::Left, false, width);
    }

    ready = ready && known && status.counts->leads > 0 && !working;
    if (!ready) {
        inactiveButton(paint, working ? "Sending…" : "E-mail my leads now", ImVec2(left, buttonY),
                       ImVec2(width, buttonHeight), theme.smallSize + 2.0F);
        return;
    }
    ButtonStyle style;
    style.fill = theme.accent;
    style.textSize = theme.smallSize + 2.0F;
    if (paint.button("E-mail my leads now", ImVec2(left, buttonY), ImVec2(width, buttonHeight), style)) {
        context.state.lastTouchAt = context.now;
        context.commands.leads.mail = true;
    }
}

} // namespace

void drawLeadsPanel(ScreenContext& context) {
    Painter& paint = context.paint;
    const Theme& theme = paint.theme();
    LeadsView& view = *context.leads;
    const auto& exhibitor = *context.snapshot.exhibitor; // the admin panel opens this page only with one
    float top = drawChrome(context) + 32.0F;
    const float leftX = theme.margin;
    paint.text(ImVec2(leftX, top), "Leads of " + exhibitor.name, theme.headingSize, theme.text, Align::Left, true,
               context.size.x - 2.0F * theme.margin);
    top += 84.0F;
    if (!compactScreen(context)) {
        paint.text(ImVec2(leftX, top), "Take this booth's lead list away as a spreadsheet (XLSX and CSV).",
                   theme.smallSize - 2.0F, theme.textMuted);
        top += 64.0F;
    }

    const float gap = 40.0F;
    const float cardWidth = (context.size.x - 2.0F * theme.margin - gap) / 2.0F;
    const float bottom = context.size.y - (compactScreen(context) ? 150.0F : 160.0F);
    drawUsbCard(context, view, exhibitor, ImVec2(leftX, top), ImVec2(leftX + cardWidth, bottom));
    drawMailCard(context, view, exhibitor, ImVec2(leftX + cardWidth + gap, top),
                 ImVec2(leftX + 2.0F * cardWidth + gap, bottom));

    ButtonStyle back;
    back.fill = theme.accent;
    back.textSize = theme.bodySize;
    if (paint.button("Back", ImVec2(leftX, context.size.y - 130.0F), ImVec2(300.0F, 90.0F), back)) {
        context.state.lastTouchAt = context.now;
        view.open = false;
    }
}

} // namespace meetscan::ui
