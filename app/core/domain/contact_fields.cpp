#include "core/domain/contact_fields.hpp"

#include <algorithm>
#include <string>

namespace meetscan::core {

namespace {

constexpr std::size_t kMaxAddress = 254; // RFC 5321's path limit, less the angle brackets
constexpr std::size_t kMaxLocalPart = 64;
constexpr std::size_t kMaxLabel = 63;
constexpr std::size_t kMaxLink = 2000; // what every browser and mail client takes

bool isAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// RFC 5322 atext: what a dot-atom's words may hold.
bool isAtext(char c) { return isAlnum(c) || std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos; }

bool isDotAtom(std::string_view text, bool (*allowed)(char)) {
    if (text.empty() || text.front() == '.' || text.back() == '.' || text.find("..") != std::string_view::npos)
        return false;
    return std::all_of(text.begin(), text.end(), [allowed](char c) { return c == '.' || allowed(c); });
}

bool isHostName(std::string_view host) {
    if (host.empty() || host.size() > 253 || host.find('.') == std::string_view::npos)
        return false;
    std::size_t start = 0;
    while (start <= host.size()) {
        const std::size_t end = std::min(host.find('.', start), host.size());
        const auto label = host.substr(start, end - start);
        if (label.empty() || label.size() > kMaxLabel || label.front() == '-' || label.back() == '-' ||
            !std::all_of(label.begin(), label.end(), [](char c) { return isAlnum(c) || c == '-'; }))
            return false;
        start = end + 1;
    }
    return true;
}

} // namespace

bool isMailAddress(std::string_view text) {
    if (text.size() < 3 || text.size() > kMaxAddress)
        return false;
    const auto at = text.rfind('@');
    if (at == std::string_view::npos || at == 0)
        return false;
    const auto local = text.substr(0, at);
    return local.size() <= kMaxLocalPart && isDotAtom(local, isAtext) && isHostName(text.substr(at + 1));
}

bool isWebLink(std::string_view text) {
    if (text.size() > kMaxLink)
        return false;
    std::string_view rest;
    for (std::string_view scheme : {"https://", "http://"}) {
        if (text.size() > scheme.size() &&
            std::equal(scheme.begin(), scheme.end(), text.begin(),
                       [](char a, char b) { return a == (b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b); }))
            rest = text.substr(scheme.size());
    }
    if (rest.empty())
        return false;
    const bool clean = std::none_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte <= 0x20 || byte == 0x7F || std::string_view("\"'<>\\`{}|^").find(c) != std::string_view::npos;
    });
    const auto hostEnd = std::min(rest.find_first_of("/?#"), rest.size());
    auto host = rest.substr(0, hostEnd);
    if (host.find('@') != std::string_view::npos) // user:password@ in a link shown to strangers
        return false;
    if (const auto colon = host.rfind(':'); colon != std::string_view::npos) {
        const auto port = host.substr(colon + 1);
        if (port.empty() || port.size() > 5 || !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return false;
        host = host.substr(0, colon);
    }
    return clean && isHostName(host);
}

} // namespace meetscan::core
