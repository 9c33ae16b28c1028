#pragma once
// RFC 4180 CSV text, and the spreadsheet formula-injection rule shared by every exporter.
#include <string>
#include <string_view>
#include <vector>

namespace meetscan::core {

// OWASP's CSV injection rule: a cell that starts with `=`, `+`, `-`, `@`, tab, carriage return
// or line feed could run as a formula when a spreadsheet opens the file, so it gets a leading
// single quote (`'=HYPERLINK(...)`). Applied to every cell of every CSV and XLSX we write, so
// a phone number such as `+1 555 0100` is exported as `'+1 555 0100`: the quote is visible in a
// text editor and a CRM import, the price of never running a formula.
[[nodiscard]] std::string neutraliseFormula(std::string_view cell);

// Builds a CSV document in memory: UTF-8 with a BOM (optional), CRLF line ends, fields quoted
// when they hold the delimiter, a quote, CR or LF, quotes doubled (RFC 4180). Every cell passes
// through neutraliseFormula.
class CsvWriter {
public:
    explicit CsvWriter(char delimiter = ',', bool byteOrderMark = true);

    void row(const std::vector<std::string>& cells);
    [[nodiscard]] const std::string& text() const { return m_text; }
    [[nodiscard]] std::string take() { return std::move(m_text); }

private:
    void field(std::string_view cell);

    char m_delimiter;
    std::string m_text;
};

} // namespace meetscan::core
