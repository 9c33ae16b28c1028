#include "core/print/cups_client.hpp"

#include <cups/cups.h>
#include <fmt/core.h>

#include <array>
#include <filesystem>
#include <memory>

namespace meetscan::core {

namespace {

constexpr const char* kPrinterAttributes[] = {"printer-name",      "printer-state",         "printer-state-reasons",
                                              "printer-state-message", "printer-is-accepting-jobs", "printer-info",
                                              "printer-location",  "printer-make-and-model"};
constexpr const char* kJobAttributes[] = {"job-state", "job-state-reasons", "job-printer-state-message",
                                          "job-state-message"};

struct IppDeleter {
    void operator()(ipp_t* ipp) const { ippDelete(ipp); }
};
using Ipp = std::unique_ptr<ipp_t, IppDeleter>;

bool unreachable(ipp_status_t status) {
    return status == IPP_STATUS_ERROR_SERVICE_UNAVAILABLE || status == IPP_STATUS_ERROR_INTERNAL;
}

Error lastError(const std::string& what) {
    const ipp_status_t status = cupsLastError();
    const char* text = cupsLastErrorString();
    const std::string detail = text != nullptr && *text != '\0' ? text : ippErrorString(status);
    if (unreachable(status)) {
        // libcups reports a missing socket as whatever errno the connect left behind; say it plainly.
        const std::string server = printServer();
        std::error_code ignored;
        const bool missingSocket = !server.empty() && server[0] == '/' && !std::filesystem::exists(server, ignored);
        return Error::world(fmt::format("cannot reach the print service at {}: {} (is cupsd running?)", server,
                                        missingSocket ? "no such socket" : detail));
    }
    return Error::world(fmt::format("{}: {}", what, detail));
}

std::string printerUri(const std::string& name) {
    std::array<char, HTTP_MAX_URI> uri{};
    httpAssembleURIf(HTTP_URI_CODING_ALL, uri.data(), static_cast<int>(uri.size()), "ipp", nullptr, "localhost", 0,
                     "/printers/%s", name.c_str());
    return uri.data();
}

std::string stringOf(ipp_t* response, const char* name, ipp_tag_t tag) {
    ipp_attribute_t* attr = ippFindAttribute(response, name, tag);
    const char* value = attr != nullptr ? ippGetString(attr, 0, nullptr) : nullptr;
    return value != nullptr ? value : "";
}

std::vector<std::string> keywordsOf(ipp_t* response, const char* name) {
    std::vector<std::string> values;
    ipp_attribute_t* attr = ippFindAttribute(response, name, IPP_TAG_KEYWORD);
    for (int i = 0; attr != nullptr && i < ippGetCount(attr); ++i) {
        const char* value = ippGetString(attr, i, nullptr);
        if (value != nullptr && std::string_view(value) != "none")
            values.emplace_back(value);
    }
    return values;
}

std::vector<std::string> splitReasons(const char* text) {
    std::vector<std::string> reasons;
    std::string_view rest = text != nullptr ? text : "";
    while (!rest.empty()) {
        const auto comma = rest.find(',');
        std::string_view one = rest.substr(0, comma);
        if (!one.empty() && one != "none")
            reasons.emplace_back(one);
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    }
    return reasons;
}

int intOption(const char* text, int fallback) {
    if (text == nullptr || *text == '\0')
        return fallback;
    try {
        return std::stoi(text);
    } catch (const std::exception&) {
        return fallback;
    }
}

} // namespace

std::string printServer() {
    const char* server = cupsServer();
    return server != nullptr ? server : "the default CUPS server";
}

Expected<std::vector<PrinterInfo>> listPrinters() {
    // cupsGetDests2 returns no destinations both when there are none and when the service is
    // unreachable (and may overwrite the error on the way): ask the service something first.
    Ipp probe(cupsDoRequest(CUPS_HTTP_DEFAULT, ippNewRequest(IPP_OP_CUPS_GET_DEFAULT), "/"));
    if (unreachable(cupsLastError()) || (!probe && cupsLastError() != IPP_STATUS_ERROR_NOT_FOUND))
        return lastError("listing printers");
    cups_dest_t* dests = nullptr;
    const int count = cupsGetDests2(CUPS_HTTP_DEFAULT, &dests);
    std::vector<PrinterInfo> printers;
    for (int i = 0; i < count; ++i) {
        const cups_dest_t& dest = dests[i];
        if (dest.instance != nullptr)
            continue; // lpoptions instances are the same queue with other defaults
        auto option = [&](const char* name) {
            const char* value = cupsGetOption(name, dest.num_options, dest.options);
            return std::string(value != nullptr ? value : "");
        };
        PrinterInfo info;
        info.name = dest.name;
        info.isDefault = dest.is_default != 0;
        info.info = option("printer-info");
        info.location = option("printer-location");
        info.model = option("printer-make-and-model");
        info.ippState = intOption(cupsGetOption("printer-state", dest.num_options, dest.options), 3);
        info.accepting = option("printer-is-accepting-jobs") != "false";
        info.reasons = splitReasons(cupsGetOption("printer-state-reasons", dest.num_options, dest.options));
        info.message = option("printer-state-message");
        printers.push_back(std::move(info));
    }
    cupsFreeDests(count, dests);
    return printers;
}

Expected<std::string> defaultPrinter() {
    auto printers = listPrinters();
    if (!printers)
        return printers.error();
    for (const auto& printer : *printers)
        if (printer.isDefault)
            return printer.name;
    return std::string();
}

Expected<PrinterInfo> printerInfo(const std::string& name) {
    ipp_t* request = ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, printerUri(name).c_str());
    ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                  static_cast<int>(std::size(kPrinterAttributes)), nullptr, kPrinterAttributes);
    Ipp response(cupsDoRequest(CUPS_HTTP_DEFAULT, request, "/"));
    if (cupsLastError() == IPP_STATUS_ERROR_NOT_FOUND)
        return Error::world(fmt::format("printer \"{}\" does not exist on {} (see `lpstat -p`)", name, printServer()));
    if (!response || cupsLastError() > IPP_STATUS_OK_EVENTS_COMPLETE)
        return lastError(fmt::format("printer \"{}\"", name));
    PrinterInfo info;
    info.name = name;
    info.info = stringOf(response.get(), "printer-info", IPP_TAG_ZERO);
    info.location = stringOf(response.get(), "printer-location", IPP_TAG_ZERO);
    info.model = stringOf(response.get(), "printer-make-and-model", IPP_TAG_ZERO);
    info.message = stringOf(response.get(), "printer-state-message", IPP_TAG_ZERO);
    info.reasons = keywordsOf(response.get(), "printer-state-reasons");
    if (ipp_attribute_t* state = ippFindAttribute(response.get(), "printer-state", IPP_TAG_ENUM))
        info.ippState = ippGetInteger(state, 0);
    if (ipp_attribute_t* accepting = ippFindAttribute(response.get(), "printer-is-accepting-jobs", IPP_TAG_BOOLEAN))
        info.accepting = ippGetBoolean(accepting, 0) != 0;
    return info;
}

Expected<int> submitPdf(const std::string& printer, const std::string& title, const std::string& pdf,
                        const PrintOptions& options) {
    if (pdf.empty())
        return Error::badInput("nothing to print: the document is empty");
    auto state = printerInfo(printer);
    if (!state)
        return state.error();
    if (!state->accepting)
        return Error::world(fmt::format("printer \"{}\" is not accepting jobs (cupsaccept {} turns that back on)",
                                        printer, printer));
    int numOptions = 0;
    cups_option_t* cupsOptions = nullptr;
    for (const auto& [name, value] : options)
        numOptions = cupsAddOption(name.c_str(), value.c_str(), numOptions, &cupsOptions);
    const int jobId = cupsCreateJob(CUPS_HTTP_DEFAULT, printer.c_str(), title.c_str(), numOptions, cupsOptions);
    cupsFreeOptions(numOptions, cupsOptions);
    if (jobId <= 0)
        return lastError(fmt::format("creating a job on \"{}\"", printer));
    if (cupsStartDocument(CUPS_HTTP_DEFAULT, printer.c_str(), jobId, title.c_str(), CUPS_FORMAT_PDF, 1) !=
        HTTP_STATUS_CONTINUE)
        return lastError(fmt::format("sending job {}-{}", printer, jobId));
    if (cupsWriteRequestData(CUPS_HTTP_DEFAULT, pdf.data(), pdf.size()) != HTTP_STATUS_CONTINUE) {
        auto error = lastError(fmt::format("sending job {}-{}", printer, jobId));
        cupsFinishDocument(CUPS_HTTP_DEFAULT, printer.c_str());
        return error;
    }
    if (cupsFinishDocument(CUPS_HTTP_DEFAULT, printer.c_str()) > IPP_STATUS_OK_EVENTS_COMPLETE)
        return lastError(fmt::format("sending job {}-{}", printer, jobId));
    return jobId;
}

Expected<JobStatus> jobStatus(const std::string& printer, int jobId) {
    ipp_t* request = ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES);
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, printerUri(printer).c_str());
    ippAddInteger(request, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", jobId);
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nullptr, cupsUser());
    ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                  static_cast<int>(std::size(kJobAttributes)), nullptr, kJobAttributes);
    Ipp response(cupsDoRequest(CUPS_HTTP_DEFAULT, request, "/"));
    if (cupsLastError() == IPP_STATUS_ERROR_NOT_FOUND)
        return JobStatus{JobState::Failed,
                         fmt::format("job {}-{} is no longer known to the print service (removed with its printer?)",
                                     printer, jobId)};
    if (!response || cupsLastError() > IPP_STATUS_OK_EVENTS_COMPLETE)
        return lastError(fmt::format("job {}-{}", printer, jobId));
    int ippState = 3;
    if (ipp_attribute_t* state = ippFindAttribute(response.get(), "job-state", IPP_TAG_ENUM))
        ippState = ippGetInteger(state, 0);
    std::string message = stringOf(response.get(), "job-printer-state-message", IPP_TAG_ZERO);
    if (message.empty())
        message = stringOf(response.get(), "job-state-message", IPP_TAG_ZERO);
    const auto jobReasons = keywordsOf(response.get(), "job-state-reasons");
    PrinterInfo printerState;
    printerState.name = printer;
    if (ippState < 7) { // a finished job needs no word on its printer
        auto fresh = printerInfo(printer);
        if (!fresh)
            return JobStatus{JobState::Failed, fresh.error().message};
        printerState = std::move(fresh).value();
    }
    return jobStatusOf(ippState, jobReasons, message, printerState);
}

Status cancelJob(const std::string& printer, int jobId) {
    if (cupsCancelJob2(CUPS_HTTP_DEFAULT, printer.c_str(), jobId, 0) > IPP_STATUS_OK_EVENTS_COMPLETE)
        return lastError(fmt::format("cancelling job {}-{}", printer, jobId));
    return Done{};
}

} // namespace meetscan::core
