#include "core/roster/csv_reader.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <fmt/core.h>

namespace meetscan::core {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool isLineBreak(char c) {
    return c == '\n' || c == '\r';
}

// Whether any byte of `word` is zero (the classic bit trick: no false positives for the lowest).
constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
bool hasZeroByte(std::uint64_t word) {
    return ((word - kOnes) & ~word & kHighs) != 0;
}

// Where an unquoted field that starts at `pos` ends: at the delimiter, a line break or the end.
// Fields are short, so eight bytes are looked at together before the byte that ends the field.
std::size_t endOfUnquoted(const char* text, std::size_t pos, std::size_t size, char delimiter) {
    const std::uint64_t delimiters = kOnes * static_cast<unsigned char>(delimiter);
    const std::uint64_t newlines = kOnes * static_cast<unsigned char>('\n');
    const std::uint64_t returns = kOnes * static_cast<unsigned char>('\r');
    while (pos + 8 <= size) {
        std::uint64_t word = 0;
        std::memcpy(&word, text + pos, 8);
        if (hasZeroByte(word ^ delimiters) || hasZeroByte(word ^ newlines) || hasZeroByte(word ^ returns))
            break;
        pos += 8;
    }
    while (pos < size) {
        const char c = text[pos];
        if (c == delimiter || c == '\n' || c == '\r')
            break;
        ++pos;
    }
    return pos;
}

// Line breaks in `text`, counting CRLF once.
std::size_t countLineBreaks(std::string_view text) {
    std::size_t breaks = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n')
            ++breaks;
        else if (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))
            ++breaks;
    }
    return breaks;
}

} // namespace

char detectDelimiter(std::string_view text) {
    if (text.substr(0, kBom.size()) == kBom)
        text.remove_prefix(kBom.size());
    std::array<std::size_t, 3> counts{}; // , ; tab
    bool quoted = false;
    for (char c : text) {
        if (c == '"')
            quoted = !quoted; // "" inside quotes toggles twice: no harm
        else if (quoted)
            continue;
        else if (isLineBreak(c))
            break;
        else if (c == ',')
            ++counts[0];
        else if (c == ';')
            ++counts[1];
        else if (c == '\t')
            ++counts[2];
    }
    char best = ',';
    std::size_t bestCount = counts[0];
    if (counts[1] > bestCount) {
        best = ';';
        bestCount = counts[1];
    }
    if (counts[2] > bestCount)
        best = '\t';
    return best;
}

std::size_t findInvalidUtf8(std::string_view text) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    std::size_t i = 0;
    while (i < size) {
        // ASCII runs are the common case: skip eight bytes at a time.
        while (i + 8 <= size) {
            std::uint64_t chunk = 0;
            std::memcpy(&chunk, bytes + i, 8);
            if ((chunk & 0x8080808080808080ULL) != 0)
                break;
            i += 8;
        }
        if (i >= size)
            break;
        unsigned char lead = bytes[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        unsigned char low = 0x80, high = 0xBF; // allowed range of the second byte
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0)
                low = 0xA0; // overlong
            else if (lead == 0xED)
                high = 0x9F; // surrogates
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0)
                low = 0x90; // overlong
            else if (lead == 0xF4)
                high = 0x8F; // above U+10FFFF
        } else {
            return i;
        }
        if (i + length > size)
            return i;
        if (bytes[i + 1] < low || bytes[i + 1] > high)
            return i;
        for (std::size_t k = 2; k < length; ++k)
            if ((bytes[i + k] & 0xC0) != 0x80)
                return i;
        i += length;
    }
    return std::string_view::npos;
}

CsvReader::CsvReader(std::string_view text, char delimiter) : m_text(text) {
    if (m_text.substr(0, kBom.size()) == kBom) {
        m_text.remove_prefix(kBom.size());
        m_hadBom = true;
    }
    m_delimiter = delimiter != 0 ? delimiter : detectDelimiter(m_text);
}

CsvStatus CsvReader::fail(std::size_t line, std::size_t column, std::string reason, bool fatal) {
    m_error = CsvError{line, column, std::move(reason), fatal};
    return CsvStatus::Error;
}

CsvStatus CsvReader::next(CsvRecord& record) {
    record.fields.clear();
    record.fieldLines.clear();
    m_spans.clear();
    m_scratch.clear();

    const char* text = m_text.data();
    const std::size_t size = m_text.size();
    const char delimiter = m_delimiter;

    // Empty lines between records carry nothing.
    while (m_pos < size && isLineBreak(text[m_pos])) {
        if (text[m_pos] == '\r' && m_pos + 1 < size && text[m_pos + 1] == '\n')
            ++m_pos;
        ++m_pos;
        ++m_line;
    }
    if (m_pos >= size)
        return CsvStatus::End;

    record.line = m_line;
    const std::size_t recordBegin = m_pos;
    std::size_t problemLine = 0, problemColumn = 0; // the record's first problem, if any
    std::string problem;

    for (;;) {
        const std::size_t column = m_spans.size() + 1;
        record.fieldLines.push_back(m_line);
        if (m_pos < size && text[m_pos] == '"') {
            const std::size_t quoteLine = m_line;
            ++m_pos;
            std::size_t segment = m_pos;
            bool escaped = false;
            std::size_t scratchBegin = 0;
            for (;;) {
                const void* found = std::memchr(text + m_pos, '"', size - m_pos);
                if (found == nullptr)
                    return fail(quoteLine, column,
                                "unterminated quoted field (the quote opened here never closes)", true);
                const std::size_t quote = static_cast<std::size_t>(static_cast<const char*>(found) - text);
                m_line += countLineBreaks(m_text.substr(m_pos, quote - m_pos));
                if (quote + 1 < size && text[quote + 1] == '"') {
                    if (!escaped) {
                        escaped = true;
                        scratchBegin = m_scratch.size();
                    }
                    m_scratch.append(text + segment, quote + 1 - segment); // keeps one quote
                    m_pos = quote + 2;
                    segment = m_pos;
                    continue;
                }
                if (escaped) {
                    m_scratch.append(text + segment, quote - segment);
                    m_spans.push_back({true, scratchBegin, m_scratch.size() - scratchBegin});
                } else {
                    m_spans.push_back({false, segment, quote - segment});
                }
                m_pos = quote + 1;
                break;
            }
            if (m_pos < size && text[m_pos] != delimiter && !isLineBreak(text[m_pos])) {
                if (problem.empty()) {
                    problem = "text after the closing quote of a quoted field (a stray quote?)";
                    problemLine = m_line;
                    problemColumn = column;
                }
                while (m_pos < size && text[m_pos] != delimiter && !isLineBreak(text[m_pos]))
                    ++m_pos;
            }
        } else {
            const std::size_t begin = m_pos;
            m_pos = endOfUnquoted(text, m_pos, size, delimiter);
            m_spans.push_back({false, begin, m_pos - begin});
        }

        if (m_pos >= size)
            break;
        if (text[m_pos] == delimiter) {
            ++m_pos;
            continue;
        }
        // A line break ends the record.
        if (text[m_pos] == '\r' && m_pos + 1 < size && text[m_pos + 1] == '\n')
            ++m_pos;
        ++m_pos;
        ++m_line;
        break;
    }

    record.fields.reserve(m_spans.size());
    for (const Span& span : m_spans) {
        const char* base = span.inScratch ? m_scratch.data() : text;
        record.fields.emplace_back(base + span.begin, span.length);
    }

    if (!problem.empty())
        return fail(problemLine, problemColumn, std::move(problem), false);
    // Delimiters, quotes and line breaks are ASCII, which never occurs inside a UTF-8 sequence:
    // when the record's text is valid so is every field cut from it. Only a record that is not
    // is checked field by field, to say where.
    if (m_checkUtf8 && findInvalidUtf8(m_text.substr(recordBegin, m_pos - recordBegin)) != std::string_view::npos &&
        !checkUtf8(record))
        return CsvStatus::Error;
    if (m_expectedFields == 0) {
        m_expectedFields = record.size();
    } else if (record.size() != m_expectedFields) {
        const std::size_t column = record.size() < m_expectedFields ? record.size() : m_expectedFields + 1;
        return fail(
            record.fieldLines[std::min(column, record.size()) - 1], column,
            fmt::format("expected {} fields as in the header, found {}", m_expectedFields, record.size()),
            false);
    }
    return CsvStatus::Record;
}

bool CsvReader::checkUtf8(const CsvRecord& record) {
    for (std::size_t i = 0; i < record.size(); ++i) {
        const std::string_view field = record.fields[i];
        const std::size_t bad = findInvalidUtf8(field);
        if (bad == std::string_view::npos)
            continue;
        const std::size_t line = record.fieldLines[i] + countLineBreaks(field.substr(0, bad));
        fail(line, i + 1,
             fmt::format("invalid UTF-8 (byte 0x{:02X} at byte {} of the field); save the file as UTF-8",
                         static_cast<unsigned>(static_cast<unsigned char>(field[bad])), bad + 1),
             false);
        return false;
    }
    return true;
}

} // namespace meetscan::core
