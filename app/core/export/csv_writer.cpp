#include "core/export/csv_writer.hpp"

namespace meetscan::core {

bool isPhoneNumber(std::string_view cell) {
    constexpr int kMinDigits = 6;
    constexpr int kMaxDigits = 20;
    if (!cell.empty() && cell.front() == '+')
        cell.remove_prefix(1);
    if (cell.empty() || !((cell.front() >= '0' && cell.front() <= '9') || cell.front() == '('))
        return false;
    int digits = 0;
    for (const char c : cell) {
        if (c >= '0' && c <= '9')
            ++digits;
        else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')')
            return false;
    }
    return digits >= kMinDigits && digits <= kMaxDigits;
}

std::string neutraliseFormula(std::string_view cell) {
    if (!cell.empty() && !isPhoneNumber(cell)) {
        switch (cell.front()) {
        case '=':
        case '+':
        case '-':
        case '@':
        case '\t':
        case '\r':
        case '\n':
            return "'" + std::string(cell);
        default:
            break;
        }
    }
    return std::string(cell);
}

CsvWriter::CsvWriter(char delimiter, bool byteOrderMark) : m_delimiter(delimiter) {
    if (byteOrderMark)
        m_text = "\xEF\xBB\xBF"; // so Excel reads the file as UTF-8
}

void CsvWriter::row(const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0)
            m_text += m_delimiter;
        field(neutraliseFormula(cells[i]));
    }
    m_text += "\r\n";
}

void CsvWriter::field(std::string_view cell) {
    const bool quote = cell.find_first_of(std::string{m_delimiter, '"', '\r', '\n'}) != std::string_view::npos;
    if (!quote) {
        m_text += cell;
        return;
    }
    m_text += '"';
    for (const char c : cell) {
        if (c == '"')
            m_text += '"';
        m_text += c;
    }
    m_text += '"';
}

} // namespace meetscan::core
