#include "core/print/printer_choice.hpp"

#include <nlohmann/json.hpp>

namespace meetscan::core {

namespace {

constexpr const char* kKey = "station_printer";

} // namespace

PrinterChoice loadPrinterChoice(Store& store) {
    PrinterChoice choice;
    try {
        const std::string saved = store.events().metaValue(kKey);
        if (saved.empty())
            return choice;
        auto json = nlohmann::json::parse(saved, nullptr, false);
        if (!json.is_object())
            return choice;
        choice.printer = json.value("printer", std::string());
        choice.paper = parsePaper(json.value("paper", std::string()));
    } catch (const std::exception&) {
        // An unreadable choice is no choice: the default printer still prints.
    }
    return choice;
}

Status savePrinterChoice(Store& store, const PrinterChoice& choice) {
    nlohmann::json json{{"printer", choice.printer},
                        {"paper", choice.paper ? std::string(toString(*choice.paper)) : std::string()}};
    try {
        store.events().saveMetaValue(kKey, json.dump());
    } catch (const std::exception& e) {
        return Error::world(std::string("saving the printer choice: ") + e.what());
    }
    return Done{};
}

Paper paperFor(const PrinterChoice& choice, const Event& event) {
    if (choice.paper)
        return *choice.paper;
    return parsePaper(event.settings.paper).value_or(Paper::A4);
}

} // namespace meetscan::core
