#pragma once
#include <memory>
#include <string>
#include <string_view>

namespace meetscan::core {

// Spells UTF-8 text in ASCII the way people write their names in Latin letters, whatever the
// script, with ICU's "Any-Latin; Latin-ASCII": "Assunção" as "Assuncao", "Þór" as "THor",
// "Иван Петров" as "Ivan Petrov", "山田太郎" as "shan tian tai lang" (Han read in pinyin).
// What still has no ASCII spelling, and bytes that are not UTF-8, become '?'; without ICU's
// rules every non-ASCII character does.
//
// A LatinFolder serves one thread at a time (an ICU transliterator keeps state while it works).
// Make one for many texts rather than one per text: building the rules costs milliseconds, a
// name then microseconds. And keep them off worker threads that come and go: the packet export
// folds every folder name on its own thread before its workers start, so no checker
// (ThreadSanitizer, which once failed CI on glibc's locale loading here) sees library state set
// up on one worker and freed on another.
class LatinFolder {
public:
    LatinFolder();
    ~LatinFolder();
    LatinFolder(const LatinFolder&) = delete;
    LatinFolder& operator=(const LatinFolder&) = delete;

    [[nodiscard]] std::string fold(std::string_view utf8);

private:
    struct Rules; // ICU's transliterator, kept out of this header
    std::unique_ptr<Rules> m_rules; // null when ICU cannot build the rules
};

} // namespace meetscan::core
