// Plain ids: ticket secrets, order codes, barcode numbers, looked up in the roster as they are.
#include "badge/readers.hpp"

namespace meetscan::scanner::detail {

namespace {
constexpr std::size_t kMaxPlainIdLength = 128;
}

BadgeReading readPlainId(std::string_view text) {
    if (text.size() > kMaxPlainIdLength)
        return failedReading(BadgeKind::PlainId, ReadVerdict::Malformed,
                             "not a known badge format, and too long for a plain id (" +
                                 std::to_string(text.size()) + " characters, at most " +
                                 std::to_string(kMaxPlainIdLength) + ")");
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte >= 0x7F)
            return failedReading(BadgeKind::PlainId, ReadVerdict::Malformed,
                                 byte >= 0x80 ? "not a known badge format, and a plain id must be ASCII"
                                              : "not a known badge format, and a plain id has no spaces");
    }
    return okReading(BadgeKind::PlainId, std::string(text));
}

} // namespace meetscan::scanner::detail
