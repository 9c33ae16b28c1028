#include "core/export/latin_fold.hpp"

#include <algorithm>
#include <cerrno>
#include <iconv.h>
#include <locale.h>

namespace meetscan::core {

namespace {

std::string questionMarksForNonAscii(std::string_view utf8) {
    std::string ascii;
    for (const char c : utf8)
        if (static_cast<unsigned char>(c) < 0x80)
            ascii += c;
        else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) // one '?' per character, not per byte
            ascii += '?';
    return ascii;
}

// glibc transliterates by the LC_CTYPE of the calling thread; the program itself runs in the "C"
// locale, which knows no transliteration at all.
class ThreadLocaleScope {
public:
    explicit ThreadLocaleScope(locale_t locale) : m_previous(uselocale(locale)) {}
    ~ThreadLocaleScope() { uselocale(m_previous); }
    ThreadLocaleScope(const ThreadLocaleScope&) = delete;
    ThreadLocaleScope& operator=(const ThreadLocaleScope&) = delete;

private:
    locale_t m_previous;
};

const auto kNoConverter = reinterpret_cast<iconv_t>(-1);

} // namespace

LatinFolder::LatinFolder()
    : m_locale(newlocale(LC_CTYPE_MASK, "C.UTF-8", nullptr)),
      m_converter(iconv_open("ASCII//TRANSLIT", "UTF-8")) {}

LatinFolder::~LatinFolder() {
    if (m_converter != kNoConverter)
        iconv_close(m_converter);
    if (m_locale != nullptr)
        freelocale(m_locale);
}

std::string LatinFolder::fold(std::string_view utf8) {
    if (m_locale == nullptr || m_converter == kNoConverter)
        return questionMarksForNonAscii(utf8);
    const ThreadLocaleScope utf8Locale(m_locale);
    iconv(m_converter, nullptr, nullptr, nullptr, nullptr); // a fresh start for every text
    std::string ascii(utf8.size() + 16, '\0');
    char* in = const_cast<char*>(utf8.data()); // iconv's signature; it does not write through it
    std::size_t inLeft = utf8.size();
    std::size_t written = 0;
    while (inLeft > 0) {
        char* out = ascii.data() + written;
        std::size_t outLeft = ascii.size() - written;
        const bool whole = iconv(m_converter, &in, &inLeft, &out, &outLeft) != static_cast<std::size_t>(-1);
        written = ascii.size() - outLeft;
        if (whole)
            break;
        if (errno == E2BIG) { // "¼" is " 1/4 ": the ASCII may be longer than the UTF-8
            ascii.resize(ascii.size() * 2);
            continue;
        }
        // Invalid UTF-8 (the roster import refuses it, but a name may come from a merge): a '?'
        // for the byte, and on.
        ascii.resize(std::max(ascii.size(), written + 1 + inLeft * 4));
        ascii[written++] = '?';
        ++in;
        --inLeft;
    }
    ascii.resize(written);
    return ascii;
}

} // namespace meetscan::core
