#include "ui/screens/screens.hpp"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>

namespace meetscan::ui {

namespace {

std::string backOffMessage(core::TimeMs secondsLeft) {
    return "Too many wrong PINs — try again in " + std::to_string(secondsLeft) + " s";
}

} // namespace

float drawPinDots(Painter& paint, const std::string& pin, float centreX, float top) {
    const Theme& theme = paint.theme();
    const float dot = 22.0F;
    const int digits = std::max(6, static_cast<int>(pin.size()));
    float x = centreX - static_cast<float>(digits - 1) * (dot * 3.0F) / 2.0F;
    for (int i = 0; i < digits; ++i, x += dot * 3.0F) {
        if (i < static_cast<int>(pin.size()))
            paint.drawList().AddCircleFilled(ImVec2(x, top + dot), dot, theme.text, 32);
        else
            paint.drawList().AddCircle(ImVec2(x, top + dot), dot, theme.textMuted, 32, 3.0F);
    }
    return top + dot * 2.0F + 24.0F;
}

float drawPinPad(ScreenContext& context, std::string& pin, float top, bool enabled, std::optional<std::string>& entered) {
    Painter& paint = context.paint;
    const Theme& theme = paint.theme();
    const char* keys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "Clear", "0", "OK"};
    const float key = 150.0F;
    const float gap = 22.0F;
    // Four rows above the Cancel button: lower on a shorter screen (1280x800), never under 56 px.
    const float row = std::max(56.0F, std::min(key * 0.66F, (context.size.y - 150.0F - top - 3.0F * gap) / 4.0F));
    const float left = context.size.x / 2.0F - (3.0F * key + 2.0F * gap) / 2.0F;
    for (int i = 0; i < 12; ++i) {
        ImVec2 at(left + static_cast<float>(i % 3) * (key + gap), top + static_cast<float>(i / 3) * (row + gap));
        ButtonStyle style;
        style.textSize = i == 9 || i == 11 ? 36.0F : 52.0F;
        if (i == 11)
            style.fill = theme.accent;
        if (!paint.button(keys[i], at, ImVec2(key, row), style) || !enabled)
            continue;
        context.state.lastTouchAt = context.now;
        if (i == 9) {
            pin.clear();
        } else if (i == 11) {
            if (!pin.empty())
                entered = pin;
            pin.clear();
        } else if (pin.size() < core::kMaxAdminPinDigits) {
            pin += keys[i];
        }
    }
    return top + 4.0F * (row + gap) + 12.0F;
}

void drawAdminPin(ScreenContext& context) {
    Painter& paint = context.paint;
    const Theme& theme = paint.theme();
    AdminState& admin = context.state.admin;
    float top = drawChrome(context) + 50.0F;
    const float centreX = context.size.x / 2.0F;
    paint.badgeIcon(Icon::Lock, ImVec2(centreX - 250.0F, top + 40.0F), 40.0F, theme.accent);
    paint.text(ImVec2(centreX - 180.0F, top + 8.0F), "Staff only", theme.headingSize, theme.text, Align::Left, true);
    top = drawPinDots(paint, admin.pin, centreX, top + 110.0F);
    std::string message = admin.pinMessage;
    bool waiting = admin.retryAt > context.now;
    if (waiting) {
        const auto secondsLeft = (admin.retryAt - context.now + 999) / 1000;
        message = backOffMessage(secondsLeft);
        paint.prefetch(backOffMessage(secondsLeft - 1), theme.bodySize - 4.0F);
    }
    if (admin.pinCheck)
        message = "Checking…";
    paint.text(ImVec2(centreX, top), message.empty() ? std::string("Enter the admin PIN") : message, theme.bodySize - 4.0F,
               message.empty() ? theme.textMuted : theme.notice, Align::Centre);
    top += 64.0F;
    const std::size_t typed = admin.pin.size();
    top = drawPinPad(context, admin.pin, top, !waiting && !admin.pinCheck, context.commands.pin);
    if (admin.pin.size() != typed)
        admin.pinMessage.clear();
    if (!context.snapshot.hasAdminPin)
        paint.text(ImVec2(centreX, top), "This kiosk has no admin PIN yet: staff set one with meetscan admin set-pin.",
                   theme.smallSize - 2.0F, theme.notice, Align::Centre);
    ButtonStyle cancel;
    cancel.outline = true;
    cancel.fill = theme.textMuted;
    cancel.textSize = theme.smallSize + 2.0F;
    if (paint.button("Cancel", ImVec2(theme.margin, context.size.y - 130.0F), ImVec2(260.0F, 84.0F), cancel))
        showScreen(context.state, ScreenId::Idle, context.now, 0);
    drawTimeoutBar(context);
}

namespace {

std::string exhibitorLine(const core::Exhibitor& exhibitor) {
    return exhibitor.booth.empty() ? exhibitor.name : exhibitor.name + " · Booth " + exhibitor.booth;
}

// Covers the admin panel: one big button per exhibitor, in the event's order. Picking one
// assigns it to this station (and switches to Booth mode when that is what was asked for).
void drawExhibitorPicker(ScreenContext& context) {
    Painter& paint = context.paint;
    const Theme& theme = paint.theme();
    const core::SessionSnapshot& snapshot = context.snapshot;
    AdminState& admin = context.state.admin;
    float top = drawChrome(context) + 40.0F;
    const float leftX = theme.margin;
    paint.text(ImVec2(leftX, top), "Choose the exhibitor", theme.headingSize, theme.text, Align::Left, true);
    top += 84.0F;
    paint.text(ImVec2(leftX, top),
               admin.boothAfterChoice ? "Booth mode needs an exhibitor: which booth is this kiosk at?"
                                      : "Which booth is this kiosk at? Leads are recorded for this exhibitor.",
               theme.bodySize - 4.0F, theme.textMuted);
    top += 80.0F;

    const int columns = 3;
    const float gap = 24.0F;
    const float width = (context.size.x - 2.0F * theme.margin - static_cast<float>(columns - 1) * gap) / static_cast<float>(columns);
    const float bottom = context.size.y - 170.0F;
    const float rows = std::max(1.0F, std::ceil(static_cast<float>(snapshot.exhibitors.size()) / static_cast<float>(columns)));
    const float height = std::clamp((bottom - top - (rows - 1.0F) * gap) / rows, 76.0F, 150.0F);
    for (std::size_t i = 0; i < snapshot.exhibitors.size(); ++i) {
        const core::Exhibitor& exhibitor = snapshot.exhibitors[i];
        ImVec2 at(leftX + static_cast<float>(i % columns) * (width + gap), top + static_cast<float>(i / columns) * (height + gap));
        if (at.y + height > bottom)
            break; // more exhibitors than a screen holds: the first ones; the command line sets any
        const bool current = snapshot.exhibitor && snapshot.exhibitor->id == exhibitor.id;
        const std::string booth = exhibitor.booth.empty() ? std::string() : "Booth " + exhibitor.booth;
        ButtonStyle style;
        style.selected = current;
        style.fill = current ? theme.accent : theme.cardRaised;
        style.textSize = height >= 110.0F ? theme.bodySize : theme.smallSize + 2.0F;
        style.detail = booth;
        if (paint.button(exhibitor.name, at, ImVec2(width, height), style)) {
            context.state.lastTouchAt = context.now;
            core::Station station = snapshot.station;
            station.exhibitorId = exhibitor.id;
            if (admin.boothAfterChoice)
                station.mode = core::Mode::Booth;
            context.commands.station = station;
            admin.choosingExhibitor = false;
            admin.boothAfterChoice = false;
        }
    }
    ButtonStyle cancel;
    cancel.outline = true;
    cancel.fill = theme.textMuted;
    cancel.textSize = theme.bodySize;
    if (paint.button("Back", ImVec2(leftX, context.size.y - 130.0F), ImVec2(300.0F, 90.0F), cancel)) {
        context.state.lastTouchAt = context.now;
        admin.choosingExhibitor = false;
        admin.boothAfterChoice = false;
    }
}

} // namespace

void drawAdmin(ScreenContext& context) {
    Painter& paint = context.paint;
    const Theme& theme = paint.theme();
    const core::SessionSnapshot& snapshot = context.snapshot;
    AdminState& admin = context.state.admin;
    if (admin.choosingExhibitor) {
        drawExhibitorPicker(context);
        return;
    }
    if (context.print != nullptr && context.print->choosingPrinter) {
        drawPrinterPanel(context);
        return;
    }
    if (context.leads != nullptr && context.leads->open && snapshot.exhibitor) {
        drawLeadsPanel(context);
        return;
    }
    float top = drawChrome(context) + 40.0F;
    const float leftX = theme.margin;
    paint.text(ImVec2(leftX, top), "Admin", theme.headingSize, theme.text, Align::Left, true);
    top += 96.0F;

    // Mode.
    drawSectionTitle(paint, ImVec2(leftX, top), "Mode");
    float y = top + 50.0F;
    const core::Mode modes[3] = {core::Mode::Meet, core::Mode::Booth, core::Mode::Summary};
    for (int i = 0; i < 3; ++i) {
        ButtonStyle style;
        style.selected = snapshot.station.mode == modes[i];
        style.fill = style.selected ? theme.accent : theme.cardRaised;
        if (paint.button(modeLabel(modes[i]), ImVec2(leftX + static_cast<float>(i) * 270.0F, y), ImVec2(250.0F, 90.0F), style) &&
            !style.selected) {
            context.state.lastTouchAt = context.now;
            // A booth kiosk without its exhibitor could only refuse every visitor: ask first.
            if (modes[i] == core::Mode::Booth && !snapshot.exhibitor) {
                admin.choosingExhibitor = true;
                admin.boothAfterChoice = true;
                continue;
            }
            core::Station station = snapshot.station;
            station.mode = modes[i];
            context.commands.station = station;
        }
    }
    y += 130.0F;
    drawSectionTitle(paint, ImVec2(leftX, y), "Station name");
    y += 50.0F;
    ImGui::SetCursorScreenPos(ImVec2(leftX, y));
    ImGui::SetNextItemWidth(520.0F);
    ImGui::InputText("##station", &admin.stationName);
    ButtonStyle save;
    save.textSize = theme.smallSize;
    if (paint.button("Rename", ImVec2(leftX + 540.0F, y), ImVec2(250.0F, ImGui::GetFrameHeight()), save) &&
        !admin.stationName.empty()) {
        core::Station station = snapshot.station;
        station.name = admin.stationName;
        context.commands.station = station;
    }
    y += ImGui::GetFrameHeight() + 40.0F;
    drawSectionTitle(paint, ImVec2(leftX, y), "Exhibitor (Booth mode)");
    y += 50.0F;
    {
        ButtonStyle choose;
        choose.textSize = theme.smallSize;
        const char* label = snapshot.exhibitor ? "Change exhibitor" : "Choose exhibitor";
        const float chooseWidth = 300.0F;
        if (snapshot.exhibitors.empty()) {
            paint.text(ImVec2(leftX, y + 18.0F), "No exhibitors: import them with meetscan import exhibitors",
                       theme.smallSize - 2.0F, theme.textMuted);
        } else if (paint.button(label, ImVec2(leftX, y), ImVec2(chooseWidth, 72.0F), choose)) {
            context.state.lastTouchAt = context.now;
            admin.choosingExhibitor = true;
            admin.boothAfterChoice = false;
        }
        // At a booth, its leads go away from here: onto a USB stick or by e-mail.
        float nameX = leftX + chooseWidth + 28.0F;
        if (context.leads != nullptr && snapshot.exhibitor && snapshot.station.mode == core::Mode::Booth) {
            ButtonStyle leads;
            leads.textSize = theme.smallSize;
            leads.detail = "USB stick · e-mail";
            const float leadsWidth = 250.0F;
            if (paint.button("Leads", ImVec2(leftX + chooseWidth + 20.0F, y), ImVec2(leadsWidth, 72.0F), leads)) {
                context.state.lastTouchAt = context.now;
                context.leads->open = true;
                context.commands.leads.open = true;
            }
            nameX += leadsWidth + 20.0F;
        }
        std::string current = snapshot.exhibitor ? exhibitorLine(*snapshot.exhibitor) : std::string("None chosen");
        if (snapshot.exhibitor && nameX > leftX + chooseWidth + 28.0F)
            current = snapshot.exhibitor->name; // beside the Leads button, one line (the top bar names the booth)
        if (!snapshot.exhibitors.empty())
            paint.text(ImVec2(nameX, y + 18.0F), current, theme.smallSize + 2.0F,
                       snapshot.exhibitor ? theme.text : theme.textMuted, Align::Left, false,
                       std::max(200.0F, context.size.x / 2.0F - nameX));
    }
    y += 100.0F;

    // Camera.
    drawSectionTitle(paint, ImVec2(leftX, y), "Camera");
    y += 50.0F;
    std::string status = std::string(scanner::toString(context.preview.status)) + " — " + context.state.sourceSpec;
    if (!context.preview.problem.empty())
        status += " (" + context.preview.problem + ")";
    paint.text(ImVec2(leftX, y), status, theme.smallSize - 2.0F, theme.textMuted, Align::Left, false, 800.0F);
    y += 60.0F;
    float x = leftX;
    std::vector<std::string> choices = admin.cameras;
    choices.emplace_back("synthetic");
    for (const auto& choice : choices) {
        std::string spec = choice == "synthetic" ? choice : "camera:" + choice;
        ButtonStyle style;
        style.selected = context.state.sourceSpec == spec;
        style.fill = style.selected ? theme.accent : theme.cardRaised;
        style.textSize = theme.smallSize - 2.0F;
        float width = paint.measure(choice, style.textSize, true).x + 56.0F;
        if (paint.button(choice, ImVec2(x, y), ImVec2(width, 72.0F), style) && !style.selected)
            context.commands.source = spec;
        x += width + 16.0F;
    }

    // Live counts.
    const float rightX = context.size.x / 2.0F + 40.0F;
    const float rightWidth = context.size.x - theme.margin - rightX;
    float ry = top;
    drawSectionTitle(paint, ImVec2(rightX, ry), "Live counts");
    ry += 56.0F;
    const auto& stats = snapshot.stats;
    const std::pair<const char*, int> figures[4] = {
        {"Scans", stats.scans}, {"Connections", stats.connections}, {"Leads", stats.leads}, {"Attendees", stats.attendees}};
    const float tile = (rightWidth - 3.0F * 20.0F) / 4.0F;
    for (int i = 0; i < 4; ++i) {
        ImVec2 at(rightX + static_cast<float>(i) * (tile + 20.0F), ry);
        paint.card(at, ImVec2(at.x + tile, at.y + 130.0F), theme.card, 18.0F);
        paint.text(ImVec2(at.x + tile / 2.0F, at.y + 14.0F), std::to_string(figures[i].second), 52.0F, theme.text, Align::Centre, true);
        paint.text(ImVec2(at.x + tile / 2.0F, at.y + 86.0F), figures[i].first, theme.smallSize - 6.0F, theme.textMuted, Align::Centre);
    }
    ry += 160.0F;
    drawStationCharts(context, ImVec2(rightX, ry), rightWidth, context.size.y - 150.0F);

    // The printer button, when this kiosk prints, takes the first part of the sync strip's row.
    const float syncX = context.print != nullptr ? leftX + 1100.0F : leftX + 670.0F;
    if (context.print != nullptr)
        drawPrinterButton(context, ImVec2(leftX + 670.0F, context.size.y - 130.0F), ImVec2(400.0F, 90.0F));
    drawAdminSyncPanel(context, ImVec2(syncX, context.size.y - 130.0F), ImVec2(context.size.x - theme.margin - syncX, 90.0F));
    ButtonStyle close;
    close.fill = theme.accent;
    close.textSize = theme.bodySize;
    if (paint.button("Close", ImVec2(leftX + 330.0F, context.size.y - 130.0F), ImVec2(300.0F, 90.0F), close))
        showScreen(context.state, ScreenId::Idle, context.now, 0);
    ButtonStyle quit;
    quit.fill = theme.danger;
    quit.outline = true;
    quit.textSize = theme.bodySize;
    if (paint.button("Quit kiosk", ImVec2(leftX, context.size.y - 130.0F), ImVec2(300.0F, 90.0F), quit))
        context.commands.quit = true;
}

} // namespace meetscan::ui
