#include "core/print/printer_choice.hpp"

#include <SQLiteCpp/Statement.h>
#include <nlohmann/json.hpp>

namespace meetscan::core {

namespace {

constexpr const char* kKey = "station_printer";

} // namespace

PrinterChoice loadPrinterChoice(Store& store) {
    PrinterChoice choice;
    try {
        SQLite::Statement query(store.database(), "SELECT value FROM meta WHERE key = ?");
        query.bind(1, kKey);
        if (!query.executeStep())
            return choice;
        auto json = nlohmann::json::parse(query.getColumn(0).getString(), nullptr, false);
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
        SQLite::Statement upsert(store.database(), "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
        upsert.bind(1, kKey);
        upsert.bind(2, json.dump());
        upsert.exec();
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
