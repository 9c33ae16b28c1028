#include "core/roster/toml_shape.hpp"

#include <fmt/format.h>

namespace meetscan::core {

namespace {

bool isBareKeyChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '+' || static_cast<unsigned char>(c) >= 0x80;
}

} // namespace

std::optional<Error> tomlShapeProblem(std::string_view text, const std::string& file) {
    if (text.size() > kMaxTomlBytes)
        return Error::badInput(fmt::format("{}: larger than {} MiB; an exhibitors file takes a few hundred kB", file,
                                           kMaxTomlBytes >> 20U));
    std::size_t line = 1;
    std::size_t lineStart = 0;
    int parts = 0; // of the dotted name being read: a.b."c d" has three
    auto newLine = [&](std::size_t at) {
        ++line;
        lineStart = at + 1;
    };
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c == '\n') {
            newLine(i);
            parts = 0;
            ++i;
        } else if (c == '#') {
            const auto end = text.find('\n', i);
            i = end == std::string_view::npos ? text.size() : end;
        } else if (c == '"' || c == '\'') {
            // A string: skipped whole (multi-line ones too); as a key part it counts as one.
            parts = parts == 0 ? 1 : parts;
            const std::string_view triple = c == '"' ? R"(""")" : "'''";
            if (text.substr(i, 3) == triple) {
                const auto close = text.find(triple, i + 3);
                const std::size_t end = close == std::string_view::npos ? text.size() : close + 3;
                for (std::size_t j = i; j < end; ++j)
                    if (text[j] == '\n')
                        newLine(j);
                i = end;
            } else {
                std::size_t j = i + 1;
                while (j < text.size() && text[j] != c && text[j] != '\n')
                    j += (c == '"' && text[j] == '\\') ? 2 : 1;
                i = j < text.size() && text[j] == c ? j + 1 : j;
            }
        } else if (c == '.') {
            if (++parts > kMaxTomlKeyParts)
                return Error::badInput(fmt::format("{}:{}:{}: a dotted key or table name of more than {} parts",
                                                   file, line, i - lineStart + 1, kMaxTomlKeyParts));
            ++i;
        } else if (isBareKeyChar(c)) {
            parts = parts == 0 ? 1 : parts;
            ++i;
        } else {
            if (c != ' ' && c != '\t' && c != '\r')
                parts = 0;
            ++i;
        }
    }
    return std::nullopt;
}

} // namespace meetscan::core
