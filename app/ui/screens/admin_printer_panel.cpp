// The admin panel's printer page: which CUPS printer and paper this station uses (saved in the
// station's database by the print worker), a test page, and every job that needs staff — out of
// paper, held, failed — with Retry and Dismiss. It reads the PrintWorker's snapshot; it never
// calls CUPS.
#include "ui/screens/screens.hpp"

#include <fmt/core.h>

#include <algorithm>

namespace meetscan::ui {

namespace {

constexpr int kJobsShown = 4;

ImU32 stateColour(const Theme& theme, core::JobState state) {
    if (state == core::JobState::Done)
        return theme.success;
    if (core::isFinal(state))
        return theme.danger;
    return core::needsAttention(state) ? theme.notice : theme.textMuted;
}

std::string jobLine(const core::PrintJob& job) {
    std::string line = job.label;
    if (job.cupsJobId > 0)
        line += fmt::format(" ({}-{})", job.printer, job.cupsJobId);
    return line + " — " + std::string(core::toString(job.status.state));
}

void section(Painter& paint, ImVec2 at, const char* title) {
    paint.text(at, title, paint.theme().bodySize - 4.0F, paint.theme().textMuted, Align::Left, true);
}

float drawPrinterList(ScreenContext& context, PrintView& view, ImVec2 at, float width) {
    Painter& paint = context.paint;
    const Theme& theme = paint.theme();
    const auto& snapshot = view.snapshot;
    float y = at.y;
    if (!snapshot.serviceError.empty()) {
        y += paint.text(ImVec2(at.x, y), snapshot.serviceError, theme.smallSize - 2.0F, theme.danger, Align::Left, false,
                        width).y + 16.0F;
    } else if (snapshot.listed && snapshot.printers.empty()) {
        y += paint.text(ImVec2(at.x, y), "No printers: add one with lpadmin (see deploy/ for receipt printers)",
                        theme.smallSize - 2.0F, theme.notice, Align::Left, false, width).y + 16.0F;
    }
    std::string defaultName;
    for (const auto& printer : snapshot.printers)
        if (printer.isDefault)
            defaultName = printer.name;
    auto choice = [&](const std::string& label, const std::string& detail, bool selected, const std::string& name) {
        ButtonStyle style;
        style.selected = selected;
        style.fill = selected ? theme.accent : theme.cardRaised;
        style.textSize = theme.smallSize + 2.0F;
        style.detail = detail;
        if (paint.button(label, ImVec2(at.x, y), ImVec2(width, 96.0F), style) && !selected) {
            context.state.lastTouchAt = context.now;
            core::PrinterChoice chosen = snapshot.choice;
            chosen.printer = name;
            context.commands.print.choose = chosen;
        }
        y += 96.0F + 14.0F;
    };
    choice("System default", defaultName.empty() ? "no default printer is set" : "now: " + defaultName,
           snapshot.choice.printer.empty(), "");
    int shown = 0;
    for (const auto& printer : snapshot.printers) {
        if (++shown > 4)
            break; // a kiosk has one or two; the command line reaches any (`print --printer`)
        std::string detail = core::describePrinter(printer);
        if (printer.isDefault)
            detail += " · default";
        if (!printer.info.empty() && printer.info != printer.name)
            detail += " · " + printer.info;
        choice(printer.name, detail, snapshot.choice.printer == printer.name, printer.name);
    }
    // A chosen printer that CUPS no longer has stays visible, so staff see why nothing prints.
    if (!snapshot.choice.printer.empty() && findPrinter(snapshot, snapshot.choice.printer) == nullptr && snapshot.listed)
        choice(snapshot.choice.printer, "not found on the print service", true, snapshot.choice.printer);
    return y;
}

float drawPaper(ScreenContext& context, PrintView& view, ImVec2 at) {
    Painter& paint = context.paint;
    const Theme& theme = paint.theme();
    const std::pair<core::Paper, const char*> papers[3] = {
        {core::Paper::A4, "A4"}, {core::Paper::Letter, "Letter"}, {core::Paper::Receipt80, "Receipt 80 mm"}};
    float x = at.x;
    for (const auto& [paper, label] : papers) {
        ButtonStyle style;
        style.selected = view.snapshot.paper == paper;
        style.fill = style.selected ? theme.accent : theme.cardRaised;
        style.textSize = theme.smallSize;
        const float width = paper == core::Paper::Receipt80 ? 270.0F : 170.0F;
        if (paint.button(label, ImVec2(x, at.y), ImVec2(width, 80.0F), style) && !style.selected) {
            context.state.lastTouchAt = context.now;
            core::PrinterChoice chosen = view.snapshot.choice;
            chosen.paper = paper;
            context.commands.print.choose = chosen;
        }
        x += width + 16.0F;
    }
    return at.y + 80.0F;
}

void drawJobs(ScreenContext& context, PrintView& view, ImVec2 at, float width) {
    Painter& paint = context.paint;
    const Theme& theme = paint.theme();
    float y = at.y;
    int shown = 0;
    for (const auto& job : view.snapshot.jobs) {
        if (!core::needsAttention(job.status.state) || shown >= kJobsShown)
            continue;
        ++shown;
        paint.card(ImVec2(at.x, y), ImVec2(at.x + width, y + 120.0F), theme.card, 16.0F);
        paint.text(ImVec2(at.x + 24.0F, y + 14.0F), jobLine(job), theme.smallSize - 2.0F,
                   stateColour(theme, job.status.state), Align::Left, true, width - 400.0F);
        paint.text(ImVec2(at.x + 24.0F, y + 56.0F), job.status.message, theme.smallSize - 6.0F, theme.textMuted,
                   Align::Left, false, width - 400.0F);
        ButtonStyle small;
        small.textSize = theme.smallSize - 4.0F;
        small.fill = theme.cardRaised;
        if (core::isFinal(job.status.state) &&
            paint.button(fmt::format("Retry #{}", job.id), ImVec2(at.x + width - 370.0F, y + 24.0F), ImVec2(170.0F, 72.0F),
                         small)) {
            context.state.lastTouchAt = context.now;
            context.commands.print.retry = job.id;
        }
        if (paint.button(fmt::format("Dismiss #{}", job.id), ImVec2(at.x + width - 186.0F, y + 24.0F),
                         ImVec2(170.0F, 72.0F), small)) {
            context.state.lastTouchAt = context.now;
            context.commands.print.dismiss = job.id;
        }
        y += 136.0F;
    }
    if (shown == 0)
        paint.text(ImVec2(at.x, y), "No print jobs need attention.", theme.smallSize - 2.0F, theme.textMuted);
}

} // namespace

void drawPrinterButton(ScreenContext& context, ImVec2 min, ImVec2 size) {
    Painter& paint = context.paint;
    const Theme& theme = paint.theme();
    PrintView& view = *context.print;
    const auto& snapshot = view.snapshot;
    std::string detail;
    if (!snapshot.serviceError.empty())
        detail = "print service unreachable";
    else if (snapshot.activePrinter.empty())
        detail = "none chosen";
    else if (const auto* printer = findPrinter(snapshot, snapshot.activePrinter))
        detail = printer->name + " · " + core::describePrinter(*printer);
    else
        detail = snapshot.activePrinter + (snapshot.listed ? " · not found" : "");
    const bool trouble = !snapshot.serviceError.empty() ||
                         std::any_of(snapshot.jobs.begin(), snapshot.jobs.end(), [](const core::PrintJob& job) {
                             return core::needsAttention(job.status.state);
                         });
    ButtonStyle style;
    style.textSize = theme.smallSize;
    style.fill = trouble ? theme.notice : theme.cardRaised;
    style.detail = detail;
    if (paint.button("Printer", min, size, style)) {
        context.state.lastTouchAt = context.now;
        view.choosingPrinter = true;
        context.commands.print.refresh = true;
    }
}

void drawPrinterPanel(ScreenContext& context) {
    Painter& paint = context.paint;
    const Theme& theme = paint.theme();
    PrintView& view = *context.print;
    float top = drawChrome(context) + 40.0F;
    const float leftX = theme.margin;
    paint.text(ImVec2(leftX, top), "Printer", theme.headingSize, theme.text, Align::Left, true);
    top += 96.0F;
    const float columnWidth = context.size.x / 2.0F - theme.margin - 40.0F;
    const float rightX = context.size.x / 2.0F + 40.0F;

    section(paint, ImVec2(leftX, top), "Print on");
    float y = drawPrinterList(context, view, ImVec2(leftX, top + 50.0F), columnWidth) + 16.0F;
    section(paint, ImVec2(leftX, y), "Paper");
    drawPaper(context, view, ImVec2(leftX, y + 50.0F));

    section(paint, ImVec2(rightX, top), "Test page");
    ButtonStyle test;
    test.fill = theme.accent;
    test.textSize = theme.smallSize + 2.0F;
    const core::PrintJob* testJob = view.testJob != 0 ? core::findJob(view.snapshot, view.testJob) : nullptr;
    const bool busy = testJob != nullptr && !core::isFinal(testJob->status.state) &&
                      !core::needsAttention(testJob->status.state);
    if (paint.button("Print test page", ImVec2(rightX, top + 50.0F), ImVec2(360.0F, 90.0F), test) && !busy) {
        context.state.lastTouchAt = context.now;
        context.commands.print.testPage = true;
    }
    if (testJob != nullptr) {
        paint.text(ImVec2(rightX + 390.0F, top + 56.0F), std::string(core::toString(testJob->status.state)),
                   theme.smallSize, stateColour(theme, testJob->status.state), Align::Left, true);
        paint.text(ImVec2(rightX + 390.0F, top + 96.0F), testJob->status.message, theme.smallSize - 6.0F,
                   theme.textMuted, Align::Left, false, context.size.x - theme.margin - rightX - 390.0F);
    }
    section(paint, ImVec2(rightX, top + 180.0F), "Needs attention");
    drawJobs(context, view, ImVec2(rightX, top + 230.0F), context.size.x - theme.margin - rightX);

    ButtonStyle back;
    back.fill = theme.accent;
    back.textSize = theme.bodySize;
    if (paint.button("Back", ImVec2(leftX, context.size.y - 130.0F), ImVec2(300.0F, 90.0F), back)) {
        context.state.lastTouchAt = context.now;
        view.choosingPrinter = false;
    }
}

} // namespace meetscan::ui
