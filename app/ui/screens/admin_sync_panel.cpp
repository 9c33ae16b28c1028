// The admin panel's sync strip: is this kiosk reaching the central server, how much is waiting,
// and the last error in words. It reads the SyncWorker's status copy; it never touches the network.
#include "ui/screens/screens.hpp"

#include <fmt/format.h>

namespace meetscan::ui {

namespace {

constexpr std::size_t kDetailLength = 90;

std::string ago(core::TimeMs then, core::TimeMs now) {
    const auto seconds = std::max<core::TimeMs>(0, (now - then) / 1000);
    if (seconds < 5)
        return "just now";
    if (seconds < 120)
        return fmt::format("{} s ago", seconds / 5 * 5); // steps of 5 s: the text is not re-rendered every second
    return fmt::format("{} min ago", seconds / 60);
}

} // namespace

void drawAdminSyncPanel(ScreenContext& context, ImVec2 min, ImVec2 size) {
    Painter& paint = context.paint;
    const Theme& theme = paint.theme();
    paint.card(min, ImVec2(min.x + size.x, min.y + size.y), theme.card, 18.0F);
    const float textSize = theme.smallSize - 6.0F;
    const float left = min.x + 56.0F;
    const float firstLine = min.y + 12.0F;
    const float secondLine = min.y + size.y / 2.0F + 4.0F;
    const core::SyncStatus* status = context.sync;
    if (status == nullptr) {
        paint.drawList().AddCircle(ImVec2(min.x + 28.0F, min.y + size.y / 2.0F), 12.0F, theme.textMuted, 24, 3.0F);
        paint.text(ImVec2(left, firstLine), "Sync off: this kiosk keeps its scans on its own disk", textSize, theme.text);
        paint.text(ImVec2(left, secondLine), "Start it with --server URL (or $MEETSCAN_SERVER) to sync", textSize,
                   theme.textMuted);
        return;
    }
    const bool failing = !status->lastError.empty();
    const ImU32 light = failing ? theme.danger : (status->lastSuccessAt == 0 ? theme.notice : theme.success);
    paint.drawList().AddCircleFilled(ImVec2(min.x + 28.0F, min.y + size.y / 2.0F), 12.0F, light, 24);

    std::string state;
    if (status->lastSuccessAt == 0)
        state = failing ? "Sync: not reached yet" : "Sync: connecting";
    else
        state = "Synced " + ago(status->lastSuccessAt, context.now);
    state += fmt::format("  ·  {} waiting", status->queued);
    paint.text(ImVec2(left, firstLine), state, textSize, theme.text, Align::Left, true);
    std::string detail = failing ? status->lastError : status->server;
    if (detail.size() > kDetailLength) // one line: a libpq message can run to paragraphs
    {
        std::size_t cut = kDetailLength - 3;
        while (cut > 0 && (static_cast<unsigned char>(detail[cut]) & 0xC0U) == 0x80U)
            --cut; // never inside a UTF-8 character
        detail = detail.substr(0, cut) + "...";
    }
    if (failing)
        detail += fmt::format(" (retry in {} s)", (status->retryIn.count() + 999) / 1000);
    const float buttonWidth = 220.0F;
    paint.text(ImVec2(left, secondLine), detail, textSize, failing ? theme.danger : theme.textMuted);

    ButtonStyle now;
    now.textSize = textSize;
    if (paint.button("Sync now", ImVec2(min.x + size.x - buttonWidth - 14.0F, min.y + 12.0F),
                     ImVec2(buttonWidth, size.y - 24.0F), now))
        context.commands.syncNow = true;
}

} // namespace meetscan::ui
