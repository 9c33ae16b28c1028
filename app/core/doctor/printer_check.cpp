#include "core/doctor/doctor.hpp"

#include <cups/cups.h>
#include <fmt/format.h>

#include <cstdlib>
#include <string>

namespace meetscan::core {

namespace {

constexpr int kConnectTimeoutMs = 3000;

std::string option(const cups_dest_t& dest, const char* name) {
    const char* value = cupsGetOption(name, dest.num_options, dest.options);
    return value != nullptr ? value : "";
}

// printer-state-reasons that mean a person has to do something before it prints again.
bool needsHands(const std::string& reasons) {
    for (const char* reason : {"media-empty", "media-jam", "toner-empty", "marker-supply-empty", "door-open", "offline",
                               "paused", "cover-open"})
        if (reasons.find(reason) != std::string::npos)
            return true;
    return false;
}

} // namespace

CheckResult checkPrinter(std::optional<Mode> mode) {
    CheckResult result{"printer", CheckResult::Level::Ok, "", ""};
    if (mode && *mode != Mode::Summary) {
        result.detail = fmt::format("not needed: a {} station prints nothing (Summary stations print)", toString(*mode));
        return result;
    }
    const std::string server = cupsServer();
    http_t* http = httpConnect2(server.c_str(), ippPort(), nullptr, AF_UNSPEC, cupsEncryption(), 1, kConnectTimeoutMs, nullptr);
    if (http == nullptr) {
        result.level = CheckResult::Level::Fail;
        result.detail = fmt::format("the CUPS server {} is not reachable", server);
        result.fix = server.front() == '/' || server == "localhost"
                         ? "start CUPS: `sudo systemctl enable --now cups` (or unset CUPS_SERVER if it points elsewhere)"
                         : fmt::format("check that {} is up, or set CUPS_SERVER to the print server", server);
        return result;
    }
    cups_dest_t* dests = nullptr;
    const int count = cupsGetDests2(http, &dests);
    const cups_dest_t* fallback = cupsGetDest(nullptr, nullptr, count, dests);
    if (count == 0) {
        result.level = CheckResult::Level::Warn;
        result.detail = fmt::format("CUPS at {} has no printer", server);
        result.fix = "summaries cannot be printed: add a printer (deploy/README.md, `lpadmin -p NAME -E -v URI -m everywhere`)";
    } else if (fallback == nullptr) {
        result.level = CheckResult::Level::Warn;
        result.detail = fmt::format("{} printers, none is the default", count);
        result.fix = fmt::format("choose one: `lpadmin -d {}` (or pick it in the admin panel)", dests[0].name);
    } else {
        const std::string name = fallback->name;
        const std::string state = option(*fallback, "printer-state");
        const std::string reasons = option(*fallback, "printer-state-reasons");
        const std::string accepting = option(*fallback, "printer-is-accepting-jobs");
        if (state == "5") {
            result.level = CheckResult::Level::Fail;
            result.detail = fmt::format("default printer {} is stopped ({})", name, reasons.empty() ? "no reason given" : reasons);
            result.fix = fmt::format("fix the printer, then `cupsenable {}`", name);
        } else if (accepting == "false") {
            result.level = CheckResult::Level::Fail;
            result.detail = fmt::format("default printer {} rejects jobs", name);
            result.fix = fmt::format("`cupsaccept {}`", name);
        } else if (needsHands(reasons)) {
            result.level = CheckResult::Level::Warn;
            result.detail = fmt::format("default printer {}: {}", name, reasons);
            result.fix = "load paper, close the covers, switch the printer on";
        } else {
            result.detail = fmt::format("default printer {} ({}) on {}", name, state == "4" ? "printing" : "idle", server);
        }
    }
    cupsFreeDests(count, dests);
    httpClose(http);
    return result;
}

} // namespace meetscan::core
