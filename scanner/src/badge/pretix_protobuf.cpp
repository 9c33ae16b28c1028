#include "badge/pretix_protobuf.hpp"

#include "badge/text_util.hpp"

#include <cstdint>

namespace meetscan::scanner::detail {

namespace {

enum WireType : std::uint8_t { kVarint = 0, kFixed64 = 1, kLengthDelimited = 2, kFixed32 = 5 };

class Reader {
public:
    explicit Reader(std::string_view bytes) : m_bytes(bytes) {}

    [[nodiscard]] bool atEnd() const { return m_pos >= m_bytes.size(); }

    std::optional<std::uint64_t> varint() {
        std::uint64_t value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (atEnd())
                return std::nullopt;
            const auto byte = static_cast<unsigned char>(m_bytes[m_pos++]);
            value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
            if ((byte & 0x80) == 0)
                return value;
        }
        return std::nullopt; // more than ten bytes
    }

    std::optional<std::string_view> bytes(std::uint64_t length) {
        if (length > m_bytes.size() - m_pos)
            return std::nullopt;
        const auto out = m_bytes.substr(m_pos, static_cast<std::size_t>(length));
        m_pos += static_cast<std::size_t>(length);
        return out;
    }

    bool skip(std::uint8_t wireType) {
        switch (wireType) {
        case kVarint:
            return varint().has_value();
        case kFixed64:
            return bytes(8).has_value();
        case kFixed32:
            return bytes(4).has_value();
        case kLengthDelimited: {
            const auto length = varint();
            return length && bytes(*length).has_value();
        }
        default:
            return false; // groups (3, 4) are long deprecated; anything else is garbage
        }
    }

private:
    std::string_view m_bytes;
    std::size_t m_pos = 0;
};

void writeVarint(std::string& out, std::uint64_t value) {
    while (value >= 0x80) {
        out.push_back(static_cast<char>((value & 0x7F) | 0x80));
        value >>= 7;
    }
    out.push_back(static_cast<char>(value));
}

void writeInt64(std::string& out, std::uint32_t field, std::int64_t value) {
    writeVarint(out, (field << 3) | kVarint);
    writeVarint(out, static_cast<std::uint64_t>(value));
}

} // namespace

std::optional<PretixTicket> decodePretixTicket(std::string_view bytes) {
    PretixTicket ticket;
    Reader reader(bytes);
    while (!reader.atEnd()) {
        const auto key = reader.varint();
        if (!key || (*key >> 3) == 0)
            return std::nullopt;
        const auto field = *key >> 3;
        const auto wireType = static_cast<std::uint8_t>(*key & 0x7);
        if (field == 1) {
            if (wireType != kLengthDelimited)
                return std::nullopt;
            const auto length = reader.varint();
            const auto seed = length ? reader.bytes(*length) : std::nullopt;
            if (!seed || findInvalidUtf8(*seed))
                return std::nullopt;
            ticket.seed = std::string(*seed);
        } else if (field >= 2 && field <= 6) {
            if (wireType != kVarint)
                return std::nullopt;
            const auto raw = reader.varint();
            if (!raw)
                return std::nullopt;
            const auto value = static_cast<std::int64_t>(*raw);
            switch (field) {
            case 2:
                ticket.item = value;
                break;
            case 3:
                ticket.variation = value;
                break;
            case 4:
                ticket.subevent = value;
                break;
            case 5:
                ticket.validFromUnixTime = value;
                break;
            default:
                ticket.validUntilUnixTime = value;
                break;
            }
        } else if (!reader.skip(wireType)) {
            return std::nullopt;
        }
    }
    return ticket;
}

std::string encodePretixTicket(const PretixTicket& ticket) {
    std::string out;
    if (!ticket.seed.empty()) {
        writeVarint(out, (1u << 3) | kLengthDelimited);
        writeVarint(out, ticket.seed.size());
        out += ticket.seed;
    }
    if (ticket.item != 0)
        writeInt64(out, 2, ticket.item);
    if (ticket.variation != 0)
        writeInt64(out, 3, ticket.variation);
    if (ticket.subevent != 0)
        writeInt64(out, 4, ticket.subevent);
    if (ticket.validFromUnixTime)
        writeInt64(out, 5, *ticket.validFromUnixTime);
    if (ticket.validUntilUnixTime)
        writeInt64(out, 6, *ticket.validUntilUnixTime);
    return out;
}

} // namespace meetscan::scanner::detail
