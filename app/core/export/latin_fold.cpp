#include "core/export/latin_fold.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace meetscan::core {

struct LatinFolder::Rules {
    std::unique_ptr<icu::Transliterator> transliterator;
};

namespace {

// One '?' per character that is not ASCII (or per byte that is not UTF-8: ICU reads each as U+FFFD).
std::string asciiOnly(const icu::UnicodeString& text) {
    std::string ascii;
    ascii.reserve(static_cast<std::size_t>(text.length()));
    for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
        const UChar32 c = text.char32At(i);
        ascii += c < 0x80 ? static_cast<char>(c) : '?';
    }
    return ascii;
}

} // namespace

LatinFolder::LatinFolder() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> transliterator(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    if (U_SUCCESS(status) && transliterator)
        m_rules = std::make_unique<Rules>(Rules{std::move(transliterator)});
}

LatinFolder::~LatinFolder() = default;

std::string LatinFolder::fold(std::string_view utf8) {
    auto text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    if (m_rules)
        m_rules->transliterator->transliterate(text);
    return asciiOnly(text);
}

} // namespace meetscan::core
