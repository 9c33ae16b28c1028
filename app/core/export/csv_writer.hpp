#pragma once
// RFC 4180 CSV text, and the spreadsheet formula-injection rule shared by every exporter.
#include <string>
#include <string_view>
#include <vector>

namespace meetscan::core {

// OWASP's CSV injection rule: a cell that starts with `=`, `+`, `-`, `@`, tab, carriage return
// or line feed could run as a formula when a spreadsheet opens the file, so it gets a leading
// single quote (`'=HYPERLINK(...)`). Applied to every cell of every CSV we write. One shape is
// let through as it is: a phone number (isPhoneNumber), which holds no name, reference or
// function, so at worst a spreadsheet does sums with it; Salesforce and HubSpot then import
// "+44 20 7946 0958" unchanged rather than with a quote in front. An XLSX needs no guard at
// all: its string cells never run as formulas (lead_list_xlsx.hpp).
[[nodiscard]] std::string neutraliseFormula(std::string_view cell);

// A strict phone number: an optional leading `+`, then digits, spaces, `-`, `.` and parentheses
// only, starting with a digit or `(`, with 6 to 20 digits ("+44 20 7946 0958", "(555) 010-0100").
[[nodiscard]] bool isPhoneNumber(std::string_view cell);

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
