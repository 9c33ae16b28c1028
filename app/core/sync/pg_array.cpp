#include "core/sync/pg_array.hpp"

namespace meetscan::core {

std::string pgTextArray(const std::vector<std::string>& values) {
    std::string out = "{";
    for (const auto& value : values) {
        if (out.size() > 1)
            out += ',';
        out += '"';
        for (const char c : value) {
            if (c == '"' || c == '\\')
                out += '\\';
            out += c;
        }
        out += '"';
    }
    out += '}';
    return out;
}

} // namespace meetscan::core
