#pragma once
#include <iconv.h>
#include <locale.h>
#include <string>
#include <string_view>

namespace meetscan::core {

// Spells UTF-8 text in ASCII the way people write their names without accents: "Assunção" as
// "Assuncao", "Łukasz" as "Lukasz", "Þór" as "THor" (glibc's transliteration in C.UTF-8). A
// character with no Latin spelling (Han, Cyrillic) becomes '?'. Without that locale, every
// non-ASCII character becomes '?'.
//
// A LatinFolder serves one thread at a time. Make one for many texts rather than one per text:
// setting up the locale and the converter costs ~85 µs, a name then ~0.2 µs. And keep them off
// worker threads that come and go: glibc loads and frees a locale's data under a lock inside
// libc, so creating and dropping them on several threads at once looks like a data race to a
// checker that cannot see that lock (ThreadSanitizer, which failed CI on it).
class LatinFolder {
public:
    LatinFolder();
    ~LatinFolder();
    LatinFolder(const LatinFolder&) = delete;
    LatinFolder& operator=(const LatinFolder&) = delete;

    [[nodiscard]] std::string fold(std::string_view utf8);

private:
    locale_t m_locale;   // null when C.UTF-8 is missing
    iconv_t m_converter; // (iconv_t)-1 when iconv cannot convert
};

} // namespace meetscan::core
