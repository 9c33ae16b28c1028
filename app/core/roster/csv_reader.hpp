#pragma once
// An RFC 4180 CSV reader over a text already in memory. Fields are views into that text (or into
// a per-record scratch buffer when a quoted field held "" escapes), so reading allocates nothing
// per character. Every record and field knows its physical line so errors can say FILE:LINE:COLUMN
// (COLUMN is the 1-based field number in the record).
//
// Choices where RFC 4180 leaves room, made to accept what spreadsheets and registration systems
// actually write:
// - Records end in CRLF, LF or a lone CR; line breaks inside quotes are kept as written.
// - A quote inside an unquoted field is taken literally (lenient, as Python's csv and sqlite3's
//   .import do): `37°36'37.8"N` is one field. RFC 4180 forbids it, but refusing it helps nobody.
// - Text after a closing quote (`"abc"def`) is an error of that record: it means the quoting is
//   broken and the values that follow may have shifted.
// - A quote that never closes is fatal: the rest of the file is inside it.
// - Empty lines between records are skipped.
// - Every record must have as many fields as the first (header) record.
// - Every field must be valid UTF-8; a leading UTF-8 BOM is skipped.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace meetscan::core {

struct CsvError {
    std::size_t line = 0;
    std::size_t column = 0;
    std::string reason;
    bool fatal = false; // false: the record is bad but reading may go on with the next one
};

struct CsvRecord {
    std::size_t line = 0;                 // physical line where the record starts
    std::vector<std::string_view> fields; // valid until the next call to CsvReader::next
    std::vector<std::size_t> fieldLines;  // physical line where each field starts

    [[nodiscard]] std::size_t size() const { return fields.size(); }
};

enum class CsvStatus { Record, End, Error };

// The delimiter of a header line: the most frequent of `,` `;` and tab outside quotes (`,` on a tie
// or when there is none).
[[nodiscard]] char detectDelimiter(std::string_view text);

// The offset of the first byte that is not valid UTF-8 (overlong forms, surrogates and code points
// above U+10FFFF are invalid), or npos when all of `text` is valid.
[[nodiscard]] std::size_t findInvalidUtf8(std::string_view text);

class CsvReader {
public:
    // `text` must outlive the reader. delimiter 0: detect it from the first line.
    explicit CsvReader(std::string_view text, char delimiter = 0);

    // Reads the next record into `record`. On Error, error() says what and where; when the error
    // is not fatal the bad record has been consumed and next() may be called again.
    CsvStatus next(CsvRecord& record);

    // Where the next record will be read from: with seek(), a later pass can read a record again
    // (after the header, which sets the field count) without reading the records before it.
    struct Place {
        std::size_t offset = 0;
        std::size_t line = 1;
    };
    [[nodiscard]] Place place() const { return {m_pos, m_line}; }
    void seek(Place place) {
        m_pos = place.offset;
        m_line = place.line;
    }

    // For a reader that starts after the header (see seek): how many fields a record must have.
    void expectFields(std::size_t count) { m_expectedFields = count; }

    // For a pass over records already read once and found valid UTF-8: the check is left out.
    void trustUtf8() { m_checkUtf8 = false; }

    [[nodiscard]] const CsvError& error() const { return m_error; }
    [[nodiscard]] char delimiter() const { return m_delimiter; }
    [[nodiscard]] bool hadBom() const { return m_hadBom; }

private:
    struct Span {
        bool inScratch;
        std::size_t begin;
        std::size_t length;
    };

    CsvStatus fail(std::size_t line, std::size_t column, std::string reason, bool fatal);
    bool checkUtf8(const CsvRecord& record);

    std::string_view m_text;
    std::size_t m_pos = 0;
    std::size_t m_line = 1;
    char m_delimiter = ',';
    bool m_hadBom = false;
    bool m_checkUtf8 = true;
    std::size_t m_expectedFields = 0; // set by the first record
    std::string m_scratch;
    std::vector<Span> m_spans;
    CsvError m_error;
};

// Drops the spaces and tabs around a cell, as exports pad headers and values ("Barcode # ").
inline std::string_view trimBlanks(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

} // namespace meetscan::core
