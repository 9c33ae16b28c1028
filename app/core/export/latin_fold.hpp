#pragma once
#include <string>
#include <string_view>

namespace meetscan::core {

// UTF-8 text spelled in ASCII the way people write their names without accents: "Assunção" as
// "Assuncao", "Łukasz" as "Lukasz", "Þór" as "THor" (glibc's transliteration in C.UTF-8, on this
// thread only). A character with no Latin spelling (Han, Cyrillic) becomes '?'. Without that
// locale, every non-ASCII byte becomes '?'.
[[nodiscard]] std::string latinFold(std::string_view utf8);

} // namespace meetscan::core
