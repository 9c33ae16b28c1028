#include "core/mail/smtp_client.hpp"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <mutex>
#include <optional>
#include <string_view>

namespace meetscan::core {

namespace {

constexpr std::size_t kMaxReply = 300;

// curl_global_init is not thread-safe and must run before any handle is made; it is libcurl's
// own process state and lives as long as the process.
void initialiseCurlOnce() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct UrlParts {
    std::string scheme;
    std::string host;
    bool hasUserInfo = false; // credentials in the URL, which the caller refuses
};

std::optional<UrlParts> splitUrl(const std::string& url) {
    const auto schemeEnd = url.find("://");
    if (schemeEnd == std::string::npos)
        return std::nullopt;
    UrlParts parts;
    parts.scheme = url.substr(0, schemeEnd);
    std::transform(parts.scheme.begin(), parts.scheme.end(), parts.scheme.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto rest = url.substr(schemeEnd + 3);
    auto authority = rest.substr(0, std::min(rest.find_first_of("/?#"), rest.size()));
    if (authority.find('@') != std::string::npos) {
        parts.hasUserInfo = true;
        return parts;
    }
    if (!authority.empty() && authority.front() == '[') {
        parts.host = authority.substr(0, authority.find(']') + 1);
    } else {
        parts.host = authority.substr(0, authority.rfind(':'));
    }
    return parts;
}

// Only a numeric 127.x.y.z, ::1 or "localhost": a name like 127.example.org is anybody's.
bool isLoopback(const std::string& host) {
    in_addr address{};
    return host == "localhost" || host == "[::1]" ||
           (inet_pton(AF_INET, host.c_str(), &address) == 1 && (ntohl(address.s_addr) >> 24) == 127);
}

// One printable line: server replies are hostile text too, and they end up in the outbox,
// on the terminal and in the exit message.
std::string cleanLine(std::string_view text) {
    std::string line;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F || byte >= 0x80) {
            if (!line.empty() && line.back() != ' ')
                line += ' ';
        } else {
            line += c;
        }
        if (line.size() >= kMaxReply)
            break;
    }
    while (!line.empty() && line.back() == ' ')
        line.pop_back();
    return line;
}

struct Upload {
    const std::string* bytes = nullptr;
    std::size_t offset = 0;
};

extern "C" std::size_t readUpload(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto* upload = static_cast<Upload*>(user);
    const std::size_t room = size * count;
    const std::size_t left = upload->bytes->size() - upload->offset;
    const std::size_t take = std::min(room, left);
    std::memcpy(buffer, upload->bytes->data() + upload->offset, take);
    upload->offset += take;
    return take;
}

// Keeps the server's word on the message: its first refusal (4xx, 5xx), else its last reply. A
// refusal is followed by curl's QUIT and the server's "221 Bye", which say nothing of why.
extern "C" int watchReplies(CURL* /*handle*/, curl_infotype type, char* data, std::size_t size, void* user) {
    if (type != CURLINFO_HEADER_IN)
        return 0;
    auto* kept = static_cast<std::string*>(user);
    const bool keptRefusal = !kept->empty() && ((*kept)[0] == '4' || (*kept)[0] == '5');
    if (!keptRefusal)
        *kept = cleanLine(std::string_view(data, size));
    return 0;
}

} // namespace

Status checkSmtpUrl(const std::string& url) {
    const auto parts = splitUrl(url);
    if (!parts || (parts->scheme != "smtp" && parts->scheme != "smtps"))
        return Error::badInput(fmt::format("--smtp: \"{}\" is not an smtp:// or smtps:// URL", url));
    if (parts->hasUserInfo)
        return Error::badInput("--smtp: the URL holds a user or password; give them in MEETSCAN_SMTP_USER and "
                               "MEETSCAN_SMTP_PASSWORD or in --smtp-credentials FILE instead");
    if (parts->host.empty())
        return Error::badInput(fmt::format("--smtp: \"{}\" names no server", url));
    return Done{};
}

struct SmtpClient::Impl {
    SmtpServer server;
    CURL* curl = nullptr;
    std::string lastReply;
    char errorBuffer[CURL_ERROR_SIZE] = {};
};

SmtpClient::SmtpClient(SmtpServer server) : m_impl(std::make_unique<Impl>()) {
    initialiseCurlOnce();
    m_impl->server = std::move(server);
    m_impl->curl = curl_easy_init();
}

SmtpClient::~SmtpClient() {
    if (m_impl->curl != nullptr)
        curl_easy_cleanup(m_impl->curl);
}

SmtpOutcome SmtpClient::send(const std::string& from, const std::vector<std::string>& to, const std::string& message) {
    CURL* curl = m_impl->curl;
    if (curl == nullptr)
        return {SmtpOutcome::Kind::Unreachable, "libcurl could not start"};
    const auto& server = m_impl->server;
    const auto parts = splitUrl(server.url);
    curl_easy_setopt(curl, CURLOPT_URL, server.url.c_str());
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    if (parts && parts->scheme == "smtp")
        curl_easy_setopt(curl, CURLOPT_USE_SSL, isLoopback(parts->host) ? CURLUSESSL_TRY : CURLUSESSL_ALL);
    if (!server.caFile.empty())
        curl_easy_setopt(curl, CURLOPT_CAINFO, server.caFile.c_str());
    if (!server.user.empty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, server.user.c_str());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, server.password.c_str());
    }
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 20L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, server.timeoutSeconds);
    const std::string envelopeFrom = "<" + from + ">";
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, envelopeFrom.c_str());
    curl_slist* recipients = nullptr;
    for (const auto& address : to)
        recipients = curl_slist_append(recipients, ("<" + address + ">").c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    Upload upload{&message, 0};
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, readUpload);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
    m_impl->lastReply.clear();
    m_impl->errorBuffer[0] = '\0';
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, m_impl->errorBuffer);
    curl_easy_setopt(curl, CURLOPT_DEBUGFUNCTION, watchReplies);
    curl_easy_setopt(curl, CURLOPT_DEBUGDATA, &m_impl->lastReply);
    curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L); // only to feed watchReplies; nothing is printed

    const CURLcode result = curl_easy_perform(curl);
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, nullptr); // nothing left pointing at what is freed here
    curl_easy_setopt(curl, CURLOPT_READDATA, nullptr);
    curl_slist_free_all(recipients);
    long code = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
    const std::string curlSays = cleanLine(m_impl->errorBuffer[0] != '\0' ? m_impl->errorBuffer
                                                                          : curl_easy_strerror(result));
    const std::string reply = m_impl->lastReply.empty() ? curlSays : m_impl->lastReply;
    if (result == CURLE_OK)
        return {SmtpOutcome::Kind::Sent, reply};
    if (result == CURLE_LOGIN_DENIED || code == 535 || code == 530)
        return {SmtpOutcome::Kind::LoginFailed, reply};
    // A reply code means the server answered this message; anything else is the line or the
    // server failing, and the server never took a message whose data it did not acknowledge.
    if (code >= 500 && code < 600)
        return {SmtpOutcome::Kind::Refused, reply};
    if (code >= 400 && code < 500)
        return {SmtpOutcome::Kind::Deferred, reply};
    if (upload.offset == message.size())
        return {SmtpOutcome::Kind::Undecided, curlSays};
    return {SmtpOutcome::Kind::Unreachable, curlSays};
}

} // namespace meetscan::core
