// URLs carrying a token, e.g. https://host/t/at/<token>/ (pattern configurable, one capture group).
#include "badge/readers.hpp"

#include <regex>
#include <unordered_map>

namespace meetscan::scanner::detail {

namespace {

// libstdc++'s std::regex matcher recurses per character; long inputs could exhaust the stack,
// and no badge URL is anywhere near this long.
constexpr std::size_t kMaxUrlLength = 2048;

// Compiling a std::regex costs ~100 us, far more than matching, so each thread keeps its compiled
// patterns (nullopt for one that does not compile). Thread-local: no lock on the scan path.
const std::optional<std::regex>& compiledPattern(const std::string& pattern) {
    constexpr std::size_t kMaxCached = 64;
    thread_local std::unordered_map<std::string, std::optional<std::regex>> cache;
    if (const auto it = cache.find(pattern); it != cache.end())
        return it->second;
    if (cache.size() >= kMaxCached)
        cache.clear();
    std::optional<std::regex> compiled;
    try {
        compiled.emplace(pattern, std::regex::ECMAScript);
        if (compiled->mark_count() < 1)
            compiled.reset();
    } catch (const std::regex_error&) {
        compiled.reset(); // a bad setting is reported by validateUrlPattern, not per scan
    }
    return cache.emplace(pattern, std::move(compiled)).first->second;
}

std::optional<std::string> firstCapture(std::string_view text, const std::string& pattern) {
    const auto& compiled = compiledPattern(pattern);
    if (!compiled)
        return std::nullopt;
    std::match_results<std::string_view::const_iterator> match;
    if (!std::regex_search(text.begin(), text.end(), match, *compiled))
        return std::nullopt;
    if (!match[1].matched || match[1].length() == 0)
        return std::nullopt;
    return match[1].str();
}

} // namespace

std::optional<BadgeReading> readUrlToken(std::string_view text, const ReaderConfig& config) {
    if (text.size() > kMaxUrlLength || text.find_first_of(" \t\r\n") != std::string_view::npos)
        return std::nullopt;
    static const std::vector<std::string> kDefaultPatterns{std::string(kDefaultUrlPattern)};
    const auto& patterns = config.urlPatterns.empty() ? kDefaultPatterns : config.urlPatterns;
    for (const auto& pattern : patterns) {
        if (auto token = firstCapture(text, pattern))
            return okReading(BadgeKind::UrlToken, std::move(*token));
    }
    return std::nullopt;
}

} // namespace meetscan::scanner::detail
