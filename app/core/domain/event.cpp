#include "core/domain/event.hpp"

namespace meetscan::core {

std::string_view toString(Mode mode) {
    switch (mode) {
    case Mode::Meet:
        return "meet";
    case Mode::Booth:
        return "booth";
    case Mode::Summary:
        return "summary";
    }
    return "meet";
}

std::optional<Mode> parseMode(std::string_view text) {
    if (text == "meet")
        return Mode::Meet;
    if (text == "booth")
        return Mode::Booth;
    if (text == "summary")
        return Mode::Summary;
    return std::nullopt;
}

} // namespace meetscan::core
