#include "image/pnm_header.hpp"

#include <algorithm>
#include <cstddef>

namespace meetscan::scanner {
namespace {

// stb_image's own rules: the six C whitespace characters, '#' starts a comment to the end of the
// line, a number is a run of ASCII digits (no sign), and the end of the data ends any run.
class PnmTokens {
public:
    explicit PnmTokens(const std::vector<unsigned char>& bytes) : m_bytes(bytes), m_at(2) {}

    void skipSpaceAndComments() {
        for (;;) {
            while (m_at < m_bytes.size() && isSpace(m_bytes[m_at]))
                ++m_at;
            if (m_at >= m_bytes.size() || m_bytes[m_at] != '#')
                return;
            while (m_at < m_bytes.size() && m_bytes[m_at] != '\n' && m_bytes[m_at] != '\r')
                ++m_at;
        }
    }

    long long number() {
        long long value = 0;
        while (m_at < m_bytes.size() && m_bytes[m_at] >= '0' && m_bytes[m_at] <= '9') {
            value = std::min(value * 10 + (m_bytes[m_at] - '0'), kPnmNumberLimit);
            ++m_at;
        }
        return value;
    }

private:
    static bool isSpace(unsigned char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
    }

    const std::vector<unsigned char>& m_bytes;
    std::size_t m_at;
};

} // namespace

std::optional<PnmHeader> readPnmHeader(const std::vector<unsigned char>& bytes) {
    if (bytes.size() < 2 || bytes[0] != 'P' || (bytes[1] != '5' && bytes[1] != '6'))
        return std::nullopt;
    PnmTokens tokens(bytes);
    PnmHeader header;
    tokens.skipSpaceAndComments();
    header.width = tokens.number();
    tokens.skipSpaceAndComments();
    header.height = tokens.number();
    tokens.skipSpaceAndComments();
    header.maxValue = tokens.number();
    return header;
}

} // namespace meetscan::scanner
