// A kiosk that just joined its event through a set-up code has no admin PIN, and there is no
// default one: the staff member who set it up chooses it here, twice, before anything else.
#include "ui/screens/screens.hpp"

#include "core/session/admin_lock.hpp"

namespace meetscan::ui {

void drawChoosePin(ScreenContext& context) {
    Painter& paint = context.paint;
    const Theme& theme = paint.theme();
    AdminState& admin = context.state.admin;
    float top = drawChrome(context) + 50.0F;
    const float centreX = context.size.x / 2.0F;
    const bool repeating = !admin.firstPin.empty();
    paint.text(ImVec2(centreX, top), repeating ? "Type the PIN again" : "Choose this kiosk's admin PIN",
               theme.headingSize, theme.text, Align::Centre, true);
    top = drawPinDots(paint, admin.pin, centreX, top + 100.0F);
    std::string message = admin.pinMessage;
    if (admin.pinSave)
        message = "Saving…";
    const bool trouble = !admin.pinMessage.empty();
    paint.text(ImVec2(centreX, top),
               message.empty() ? std::string("6 to 12 digits, not one digit repeated or a run such as 123456. Staff "
                                             "open the admin panel with it.")
                               : message,
               theme.smallSize, trouble ? theme.notice : theme.textMuted, Align::Centre, false,
               context.size.x - 2.0F * theme.margin);
    top += 64.0F;
    std::optional<std::string> entered;
    const std::size_t typed = admin.pin.size();
    drawPinPad(context, admin.pin, top, !admin.pinSave, entered);
    if (admin.pin.size() != typed)
        admin.pinMessage.clear();
    if (!entered)
        return;
    if (!repeating) {
        if (auto problem = core::adminPinProblem(*entered)) {
            admin.pinMessage = *problem;
            admin.pinMessage[0] = static_cast<char>(admin.pinMessage[0] - 'a' + 'A'); // a sentence on screen
            return;
        }
        admin.firstPin = *entered;
        return;
    }
    if (*entered != admin.firstPin) {
        admin.firstPin.clear();
        admin.pinMessage = "The two PINs differ. Choose it again.";
        return;
    }
    admin.firstPin.clear();
    context.commands.newPin = *entered;
}

} // namespace meetscan::ui
